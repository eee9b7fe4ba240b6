package lint

// UnresolvedMarker reports markers whose number has no entry.
var UnresolvedMarker = &Rule{
	Name:     "unresolved-marker",
	Title:    "a marker whose number has no entry",
	Severity: Error,
	Doc: `A citation marker names a number that the reference list does not have. Usually an
entry was deleted or the list was cut short when the article was copied.`,
	Bad:  "Sleep improves recall.[4]\n\nReferences\n1. …\n2. …\n3. …",
	Good: "Sleep improves recall.[3]\n\nReferences\n1. …\n2. …\n3. …",
	Run: func(p *Pass) {
		d := p.Doc
		if d.List == nil {
			return // missing-reference-list says it once
		}
		entries := d.entryNumbers()
		for _, m := range d.Markers {
			if !entries[m.Number] {
				p.Reportf(m.Span, []int{m.Number}, "marker %d has no entry in the reference list", m.Number)
			}
		}
	},
}
