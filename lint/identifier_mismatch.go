package lint

// IdentifierMismatch reports a DOI or PMID that belongs to another work.
var IdentifierMismatch = &Rule{
	Name:     "identifier-mismatch",
	Title:    "the DOI or PMID belongs to a different work",
	Severity: Error,
	Online:   true,
	Doc: `With --online, the record behind the entry's DOI or PMID describes a different work than
the entry (title, authors and journal disagree). Readers who follow the identifier land on the
wrong paper. When the right work was found too, the message names its identifier.`,
	Bad:  "References\n1. Sleep Med Rev. 2018;39:52-68. Resistance exercise and sleep. PMID: 5683731",
	Good: "References\n1. Sleep Med Rev. 2018;39:52-68. Resistance exercise and sleep. PMID: 28641874",
	Run: func(p *Pass) {
		for _, r := range p.Doc.References {
			l := r.Lookup
			if l == nil || l.Problem != "identifier-mismatch" && l.Problem != "pmid-not-found" {
				continue
			}
			msg := "reference #" + itoa(r.Number) + ": its identifier belongs to a different work"
			if l.Problem == "pmid-not-found" {
				msg = "reference #" + itoa(r.Number) + ": PMID " + r.Fields.PMID + " does not exist in PubMed"
			}
			if l.DOI != "" && l.DOI != r.Fields.DOI {
				msg += "; the cited work is doi:" + l.DOI
			}
			p.Reportf(p.Doc.firstLine(r.Span), []int{r.Number}, "%s", msg)
		}
	},
}
