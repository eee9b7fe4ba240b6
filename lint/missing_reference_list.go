package lint

// MissingReferenceList reports an article that cites but has no list.
var MissingReferenceList = &Rule{
	Name:     "missing-reference-list",
	Title:    "markers present but no reference list",
	Severity: Error,
	Doc: `The article carries citation markers, but reflint found no reference list: no heading
such as References, Sources or Literatur followed by numbered entries, and no final run of
numbered entries that reads like a bibliography. Every marker then points nowhere.`,
	Bad:  "Lifting lowers blood pressure.[1]\n\n(end of article)",
	Good: "Lifting lowers blood pressure.[1]\n\nReferences\n1. Hypertension. 2011;58(5):950-958.",
	Run: func(p *Pass) {
		d := p.Doc
		if d.List != nil || len(d.Markers) == 0 {
			return
		}
		p.Reportf(d.Groups[0].Span, nil, "found %d citation markers but no reference list", len(d.Markers))
	},
}
