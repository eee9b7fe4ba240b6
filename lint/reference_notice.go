package lint

// ReferenceNotice reports corrections, expressions of concern, and entries
// that cite a notice instead of the article.
var ReferenceNotice = &Rule{
	Name:     "reference-notice",
	Title:    "an expression of concern or correction exists, or the entry cites a notice",
	Severity: Warning,
	Online:   true,
	Doc: `With --online, the record carries an expression of concern or a correction (kept distinct
from a retraction), or the entry points at the notice itself rather than at the article.`,
	Bad:  "References\n1. PLoS One. 2015;10(6):e0129989. Correction: … (the notice, not the article)",
	Good: "References\n1. PLoS One. 2015;10(3):e0120799. … (the article)",
	Run: func(p *Pass) {
		for _, r := range p.Doc.References {
			l := r.Lookup
			if l == nil {
				continue
			}
			if l.IsNotice {
				p.Reportf(p.Doc.firstLine(r.Span), []int{r.Number}, "reference #%d cites a notice, not the article it concerns", r.Number)
			}
			for i := range l.Notices {
				n := l.Notices[i]
				p.Reportf(p.Doc.firstLine(r.Span), []int{r.Number}, "reference #%d has a notice%s", r.Number, describeNotice(&n))
			}
		}
	},
}
