package lint

// MarkerRepeated reports a number cited twice in one group and inverted
// ranges.
var MarkerRepeated = &Rule{
	Name:     "marker-repeated",
	Title:    "the same number twice in one group, or an inverted range",
	Severity: Warning,
	Doc: `A marker group such as [3, 3] cites one entry twice, and a range such as [5–3] runs
backwards. Both are typing slips that may hide a wrong number.`,
	Bad:  "Caffeine sharpens focus.[3, 3] It also delays sleep.[5–3]",
	Good: "Caffeine sharpens focus.[3] It also delays sleep.[3–5]",
	Run: func(p *Pass) {
		for _, g := range p.Doc.Groups {
			seen := make(map[int]bool)
			for _, it := range g.Items {
				if it.To < it.From {
					p.Reportf(it.Span, []int{it.From, it.To}, "range %d–%d runs backwards", it.From, it.To)
					continue
				}
				for n := it.From; n <= it.To && n-it.From <= maxRange; n++ {
					if seen[n] {
						p.Reportf(it.Span, []int{n}, "number %d is cited twice in one marker", n)
					}
					seen[n] = true
				}
			}
		}
	},
}
