package lint

// ReferenceNotFound reports entries no source could match.
var ReferenceNotFound = &Rule{
	Name:     "reference-not-found",
	Title:    "no match in Crossref or PubMed",
	Severity: Warning,
	Online:   true,
	Doc: `With --online, every source answered and none had a record matching the entry on at
least three fields. The work may be obscure, not indexed (books, web pages, regional journals)
or garbled; it is not thereby fabricated. Network trouble never gives this finding.`,
	Bad:  "References\n1. J Imaginary Res. 2021;3(2):1-9. A study nobody published.",
	Good: "References\n1. Sports Med. 2017;47(12):2521-2532. The effects of resistance exercise training on anxiety.",
	Run: func(p *Pass) {
		for _, r := range p.Doc.References {
			if r.Lookup != nil && r.Lookup.Status == LookupNotFound && r.Lookup.Problem == "" {
				p.Reportf(p.Doc.firstLine(r.Span), []int{r.Number}, "reference #%d: no match in Crossref or PubMed", r.Number)
			}
		}
	},
}
