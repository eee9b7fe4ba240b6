package lint

// DOINotFound reports a DOI that Crossref does not know.
var DOINotFound = &Rule{
	Name:     "doi-not-found",
	Title:    "the entry's DOI does not exist in Crossref",
	Severity: Error,
	Online:   true,
	Doc: `With --online, Crossref answered 404 for the entry's DOI: it was mistyped, truncated, or
belongs to another registration agency (DataCite DOIs such as arXiv's 10.48550 are not in
Crossref). Network trouble never gives this finding.`,
	Bad:  "References\n1. … doi:10.1371/journal.pone.00336930",
	Good: "References\n1. … doi:10.1371/journal.pone.0033693",
	Run: func(p *Pass) {
		for _, r := range p.Doc.References {
			if r.Lookup != nil && r.Lookup.Problem == "doi-not-found" {
				p.Reportf(p.Doc.firstLine(r.Span), []int{r.Number}, "reference #%d: DOI %q does not exist in Crossref", r.Number, r.Fields.DOI)
			}
		}
	},
}
