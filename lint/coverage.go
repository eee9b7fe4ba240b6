package lint

import (
	"github.com/reflint/reflint/lint/prose"
)

// Coverage returns the claim-to-evidence analysis of the article body,
// computed once: sections with their claims, citations and evidence mix,
// and the declared benefits mapped to the sections that argue them. Lines
// and columns are filled in for the reports.
func (d *Document) Coverage() *prose.Result {
	if d.coverage != nil {
		return d.coverage
	}
	src := d.Source
	if d.ProseText != nil {
		src = d.ProseText
	}
	in := prose.Input{Src: src, Start: 0, End: d.BodyEnd, Refs: d.refInfo(), Blocks: d.Blocks, Cues: d.Cues}
	// Prose sees whole groups: "effect.<sup>1,2</sup> Next" ends a sentence
	// after the group, not inside it.
	seen := make(map[[2]int]bool)
	for _, m := range d.Markers {
		g := d.Groups[m.Group].Span
		if seen[[2]int{g.Start, m.Number}] {
			continue
		}
		seen[[2]int{g.Start, m.Number}] = true
		in.Markers = append(in.Markers, prose.Marker{Start: g.Start, End: g.End, Number: m.Number})
	}
	r := prose.Analyze(in)
	for _, s := range r.AllSections() {
		s.Line = d.Position(s.Start).Line
		for i := range s.Uncited {
			pos := d.Position(s.Uncited[i].Start)
			s.Uncited[i].Line, s.Uncited[i].Column = pos.Line, pos.Column
		}
	}
	for i := range r.Benefits {
		r.Benefits[i].Line = d.Position(r.Benefits[i].Start).Line
	}
	d.coverage = r
	return r
}

// refInfo tells the coverage analysis what each entry is.
func (d *Document) refInfo() map[int]prose.RefInfo {
	m := make(map[int]prose.RefInfo, len(d.References))
	for _, r := range d.References {
		if _, dup := m[r.Number]; !dup {
			m[r.Number] = prose.RefInfo{Evidence: string(r.Evidence), Year: r.Fields.Year}
		}
	}
	return m
}
