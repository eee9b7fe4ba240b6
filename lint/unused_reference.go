package lint

// UnusedReference reports entries that no marker cites.
var UnusedReference = &Rule{
	Name:     "unused-reference",
	Title:    "an entry that is never cited",
	Severity: Warning,
	Doc: `An entry of the reference list is never cited in the text. Either a marker was lost when
the text was edited, or the entry is padding. The rule stays silent when the article has no
numeric markers at all (it may cite by author and year).`,
	Bad:  "Fasting lowers insulin.[1]\n\nReferences\n1. …\n2. …",
	Good: "Fasting lowers insulin.[1] It also lowers blood pressure.[2]\n\nReferences\n1. …\n2. …",
	Run: func(p *Pass) {
		d := p.Doc
		if len(d.Markers) == 0 {
			return
		}
		cited := make(map[int]bool)
		for _, m := range d.Markers {
			cited[m.Number] = true
		}
		for _, r := range d.References {
			if !cited[r.Number] {
				p.Reportf(d.firstLine(r.Span), []int{r.Number}, "reference #%d is never cited", r.Number)
			}
		}
	},
}
