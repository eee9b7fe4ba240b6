package prose

import (
	"bytes"
	"os"
	"testing"
)

// bigArticle repeats the walking article's body to about size bytes, as one
// long article, with markers shifted along.
func bigArticle(tb testing.TB, size int) Input {
	tb.Helper()
	src, err := os.ReadFile("testdata/walking.txt")
	if err != nil {
		tb.Fatal(err)
	}
	body := src[:bytes.Index(src, []byte("\nReferences\n"))+1]
	mk := findMarkers(body)
	var buf bytes.Buffer
	var markers []Marker
	for buf.Len() < size {
		off := buf.Len()
		for _, m := range mk {
			markers = append(markers, Marker{Start: m.Start + off, End: m.End + off, Number: m.Number})
		}
		buf.Write(body)
		buf.WriteString("\n")
	}
	return Input{Src: buf.Bytes(), End: buf.Len(), Markers: markers, Refs: walkingRefs}
}

func BenchmarkAnalyze10MB(b *testing.B) {
	in := bigArticle(b, 10<<20)
	b.SetBytes(int64(len(in.Src)))
	b.ResetTimer()
	for b.Loop() {
		r := Analyze(in)
		if len(r.Sections) == 0 {
			b.Fatal("no sections")
		}
	}
}

// TestLargeInput runs a 1 MB article through the whole analysis, so that a
// quadratic step shows up as a slow test rather than only in benchmarks.
func TestLargeInput(t *testing.T) {
	t.Parallel()
	in := bigArticle(t, 1<<20)
	r := Analyze(in)
	if len(r.Sentences) < 1000 || len(UncitedClaims(r)) == 0 {
		t.Fatalf("%d sentences, %d uncited", len(r.Sentences), len(UncitedClaims(r)))
	}
}
