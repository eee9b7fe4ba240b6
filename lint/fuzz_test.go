package lint

import (
	"os"
	"path/filepath"
	"testing"
)

// seedCorpus adds the test articles and rule fixtures to a fuzz corpus;
// testdata/fuzz holds the inputs the fuzzer found interesting.
func seedCorpus(f *testing.F) {
	f.Helper()
	paths, _ := filepath.Glob("../testdata/articles/*.txt")
	more, _ := filepath.Glob("testdata/rules/*.txt")
	for _, p := range append(paths, more...) {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	for _, s := range []string{"", "\uFEFF", "a.1 2 3\r\n\rReferences\n1. x", "[1–]", "¹⁻", "word1,", "[5–3]", "1.\n2.\n"} {
		f.Add([]byte(s))
	}
}

// FuzzMarkers checks that marker scanning never panics and that every
// marker lies inside the source with a position that maps back.
func FuzzMarkers(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		d := ParseText("fuzz.txt", src, ParseOptions{})
		for _, m := range d.Markers {
			if m.Span.Start < 0 || m.Span.End > len(src) || m.Span.Start >= m.Span.End {
				t.Fatalf("marker span %v outside source of %d bytes", m.Span, len(src))
			}
			if p := d.Position(m.Span.Start); p.Line < 1 || p.Column < 1 {
				t.Fatalf("bad position %v", p)
			}
		}
		Run(d, All())
	})
}

// FuzzReferences checks that entry parsing never panics, on whole lists
// and on single entry texts.
func FuzzReferences(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		d := NewDocument("fuzz.txt", "text", src)
		list, raws := findReferenceList(d, nil)
		if list != nil && (list.Span.Start < 0 || list.Span.End > len(src)) {
			t.Fatalf("list span %v outside source", list.Span)
		}
		for _, r := range buildReferences(d, raws) {
			if r.Span.End > len(src) || r.NumberSpan.End > len(src) {
				t.Fatalf("entry span %v outside source", r.Span)
			}
		}
		parseEntry(string(src))
	})
}
