package lint

import (
	"strings"

	"github.com/reflint/reflint/lint/prose"
)

// ParseOptions tune parsing; the zero value is the default.
type ParseOptions struct {
	// ReferenceHeadings are extra reference-list heading names, lower-case.
	ReferenceHeadings []string
	// Cues extends the claim and benefit-list cue table of the coverage
	// analysis; nil uses the defaults.
	Cues *prose.Cues
}

// ParseText parses a plain-text article: it finds the reference list
// first, then the markers of the body before it, using the list to decide
// ambiguous markers.
func ParseText(name string, src []byte, opts ParseOptions) *Document {
	d := NewDocument(name, "text", src)
	d.Cues = opts.Cues
	extra := setOf(opts.ReferenceHeadings...)
	list, raws := findReferenceList(d, extra)
	bodyEnd := len(src)
	if list != nil {
		d.List = list
		bodyEnd = list.Span.Start
		if list.Heading.Len() > 0 {
			bodyEnd = list.Heading.Start
		}
		d.References = buildReferences(d, raws)
	}
	d.BodyEnd = bodyEnd
	b := NewMarkerBuilder(src)
	b.ScanText(d.bom, bodyEnd)
	b.ResolveDoc(d)
	return d
}

// buildReferences turns raw list entries into references with parsed
// fields.
func buildReferences(d *Document, raws []rawEntry) []Reference {
	lines := d.lines()
	refs := make([]Reference, 0, len(raws))
	for _, e := range raws {
		start := e.start.num.Start
		if start > 0 && (d.Source[start-1] == '[' || d.Source[start-1] == '(') {
			start--
		}
		span := Span{start, lines[e.last].End}
		var b strings.Builder
		b.Write(d.Source[e.start.text:lines[e.first].End])
		for i := e.first + 1; i <= e.last; i++ {
			b.WriteByte(' ')
			b.Write(d.Source[lines[i].Start:lines[i].End])
		}
		r := NewReference(e.start.number, span, e.start.num, b.String())
		refs = append(refs, r)
	}
	return refs
}
