package lint

// ReferenceKind points out entries whose evidence weighs differently from
// a peer-reviewed study.
var ReferenceKind = &Rule{
	Name:     "reference-kind",
	Title:    "an entry that is a protocol, animal study, preprint, chapter, guideline or web page",
	Severity: Info,
	Doc: `Some entries are not finished, peer-reviewed studies in humans: a study protocol (no
results yet), an animal study, a preprint, a book chapter, a guideline or a non-scholarly web
page. They may be fine to cite, but an editor should know the evidence weighs differently.`,
	Bad:  "References\n1. Healthcare 2025, 13(2), 165. Effects of X: A Meta-Analysis Protocol.",
	Good: "References\n1. Sports Med. 2017;47(12):2521-2532. Effects of X: A Meta-Analysis.",
	Run: func(p *Pass) {
		for _, r := range p.Doc.References {
			what := ""
			switch {
			case r.Evidence == EvidenceProtocol:
				what = "a study protocol (no results)"
			case r.Evidence == EvidenceAnimal:
				what = "an animal study"
			case r.Kind == KindPreprint:
				what = "a preprint (not peer reviewed)"
			case r.Kind == KindBookChapter:
				what = "a book chapter"
			case r.Kind == KindGuideline:
				what = "a guideline"
			case r.Kind == KindWebPage:
				what = "a web page, not a scholarly source"
			default:
				continue
			}
			p.Reportf(p.Doc.firstLine(r.Span), []int{r.Number}, "reference #%d is %s", r.Number, what)
		}
	},
}
