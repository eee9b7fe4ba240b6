package lint

// MalformedIdentifier reports DOIs, PMIDs and URLs that cannot work.
var MalformedIdentifier = &Rule{
	Name:     "malformed-identifier",
	Title:    "a DOI, PMID or URL that cannot be valid",
	Severity: Error,
	Doc: `A DOI must read 10.<registrant of 4 to 9 digits>/<suffix>, a PMID is a number, and a URL
needs a scheme and a host. A malformed identifier leads the reader nowhere and cannot be
verified online.`,
	Bad:  "References\n1. … doi:10.12/abc. PMID: 12a45.",
	Good: "References\n1. … doi:10.1152/japplphysiol.00123.2018. PMID: 12345678.",
	Run: func(p *Pass) {
		for _, r := range p.Doc.References {
			for _, msg := range r.malformed {
				p.Reportf(p.Doc.firstLine(r.Span), []int{r.Number}, "reference #%d: %s", r.Number, msg)
			}
		}
	},
}
