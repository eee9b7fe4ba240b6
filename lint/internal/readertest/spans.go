package readertest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reflint/reflint/lint"
)

// Spans checks the spans of every test article in this format and of the
// named fixtures (files in Fixtures).
func (r Reader) Spans(t *testing.T, fixtures ...string) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(r.Articles, "*"+r.Ext))
	for _, f := range fixtures {
		paths = append(paths, filepath.Join(r.Fixtures, f))
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r.CheckSpans(t, p, src, r.parse(p, src))
	}
}

// CheckSpans checks that the prose text keeps the source's offsets and
// line breaks, that every marker, group, item, entry and block span lies
// in the source (items in their group, number spans in their entry,
// blocks before the body end) and that marker items cover their digits.
func (r Reader) CheckSpans(t *testing.T, name string, src []byte, d *lint.Document) {
	t.Helper()
	in := func(s lint.Span) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= len(src) }
	// The prose text keeps every offset, line break and marker.
	if pt := d.ProseText; len(pt) != len(src) || bytes.Count(pt, []byte("\n")) != bytes.Count(src, []byte("\n")) {
		t.Fatalf("%s: prose text %q of source %q", name, pt, src)
	}
	for _, g := range d.Groups {
		if !in(g.Span) || g.Span.Len() == 0 || !bytes.Equal(d.ProseText[g.Span.Start:g.Span.End], src[g.Span.Start:g.Span.End]) {
			t.Fatalf("%s: group span %v", name, g.Span)
		}
		// A keyed footnote's item is its key ("[^smith]").
		keyed := r.KeyedFootnotes && g.Style == lint.StyleFootnote
		for _, it := range g.Items {
			if !in(it.Span) || it.Span.Start < g.Span.Start || it.Span.End > g.Span.End {
				t.Fatalf("%s: item span %v outside group %v", name, it.Span, g.Span)
			}
			if !keyed && !strings.ContainsAny(string(src[it.Span.Start:it.Span.End]), "0123456789¹²³⁴⁵⁶⁷⁸⁹") {
				t.Errorf("%s: item %q holds no number", name, src[it.Span.Start:it.Span.End])
			}
		}
	}
	for _, m := range d.Markers {
		if !in(m.Span) {
			t.Fatalf("%s: marker span %v", name, m.Span)
		}
	}
	for _, e := range d.References {
		if !in(e.Span) || !in(e.NumberSpan) || e.NumberSpan.Start < e.Span.Start || e.NumberSpan.End > e.Span.End {
			t.Fatalf("%s: entry %d spans %v %v", name, e.Number, e.Span, e.NumberSpan)
		}
	}
	for _, b := range d.Blocks {
		if !in(lint.Span{Start: b.Start, End: b.End}) || b.End > d.BodyEnd {
			t.Fatalf("%s: block %+v", name, b)
		}
	}
}
