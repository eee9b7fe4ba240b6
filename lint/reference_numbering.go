package lint

// ReferenceNumbering reports gaps, repeats and jumps in the list.
var ReferenceNumbering = &Rule{
	Name:     "reference-numbering",
	Title:    "list numbering with gaps, repeats or jumps",
	Severity: Error,
	Doc: `The entries of the reference list should be numbered consecutively. A gap usually means
an entry was lost; a repeat or a step back means two lists were merged or an entry was pasted
twice. A list may start at any number (footnotes continued from an earlier part).`,
	Bad:  "References\n1. …\n2. …\n4. …",
	Good: "References\n1. …\n2. …\n3. …",
	Run: func(p *Pass) {
		refs := p.Doc.References
		for i := 1; i < len(refs); i++ {
			prev, r := refs[i-1].Number, refs[i]
			span := r.NumberSpan
			switch {
			case r.Number == prev:
				p.Reportf(span, []int{r.Number}, "entry number %d is repeated", r.Number)
			case r.Number < prev:
				p.Reportf(span, []int{r.Number}, "numbering goes back from %d to %d", prev, r.Number)
			case r.Number == prev+2:
				p.Reportf(span, []int{r.Number}, "numbering jumps from %d to %d (%d is missing)", prev, r.Number, prev+1)
			case r.Number > prev+2:
				p.Reportf(span, []int{r.Number}, "numbering jumps from %d to %d (%d–%d are missing)", prev, r.Number, prev+1, r.Number-1)
			}
		}
	},
}
