package htmldoc

import (
	"github.com/reflint/reflint/lint"
)

// proseText lays out Document.ProseText for the body: tags, comments and
// the doctype are blanked, "<br>" and "<img>" read as a space, character
// references in text are decoded, and the walker has blanked the elements
// it skips whole (scripts, styles, edit links, form controls).
func (r *reader) proseText() {
	for _, t := range r.t.tags {
		if t.start >= r.d.BodyEnd {
			break
		}
		span := lint.Span{Start: t.start, End: t.end}
		if t.name == "br" || t.name == "img" {
			r.p.Replace(span, " ")
			continue
		}
		r.p.Blank(span)
	}
	for _, t := range r.t.texts {
		if t.start >= r.d.BodyEnd {
			break
		}
		r.p.Entities(lint.Span{Start: t.start, End: t.end})
	}
	r.p.Set(r.d)
}

// proseCode are the skipped elements whose text is kept: code stands in
// its sentence ("set <code>x</code> to 1"); the other skipped elements
// show no prose.
var proseCode = set("code", "kbd", "samp")
