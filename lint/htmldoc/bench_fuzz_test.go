package htmldoc

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/reflint/reflint/lint"
)

// corpus is every test article in this format and the fixtures beside
// the package: a realistic mix of markers and lists.
func corpus(tb testing.TB) [][]byte {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "articles", "*.html"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no .html articles (%v)", err)
	}
	more, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	var out [][]byte
	for _, p := range append(paths, more...) {
		src, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, src)
	}
	return out
}

// BenchmarkParse reads each article once per iteration (MB/s over their
// total size).
func BenchmarkParse(b *testing.B) {
	docs := corpus(b)
	total := 0
	for _, d := range docs {
		total += len(d)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range docs {
			Parse("bench.html", src, lint.ParseOptions{})
		}
	}
}

// BenchmarkLint parses, runs every rule and the coverage analysis: what
// one file costs the command line.
func BenchmarkLint(b *testing.B) {
	docs := corpus(b)
	total := 0
	for _, d := range docs {
		total += len(d)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range docs {
			lint.Run(Parse("bench.html", src, lint.ParseOptions{}), lint.All())
		}
	}
}

// BenchmarkParseLarge reads one article of about 1 MB.
func BenchmarkParseLarge(b *testing.B) {
	docs := corpus(b)
	big := bytes.Repeat(docs[0], 1<<20/len(docs[0])+1)
	b.SetBytes(int64(len(big)))
	b.ReportAllocs()
	for b.Loop() {
		Parse("big.html", big, lint.ParseOptions{})
	}
}

// FuzzParse checks that any input parses without panicking and that every
// span lies inside the source.
func FuzzParse(f *testing.F) {
	for _, src := range corpus(f) {
		f.Add(src)
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d := Parse("fuzz.html", src, lint.ParseOptions{})
		checkSpans(t, "fuzz", src, d)
		if d.BodyEnd < 0 || d.BodyEnd > len(src) {
			t.Fatalf("body end %d of %d", d.BodyEnd, len(src))
		}
		lint.Run(d, lint.All())
	})
}

var fuzzSeeds = []string{
	"", "<", "<sup", "<sup>", "<sup>1", "</sup>", "<p>x.<sup>1</sup>", "<ol><li>a<li>b", "<ol start=x><li value=-3>a",
	"<h2>References</h2><ol><li>a</ol>", "<table><sup>1</sup><tr>x.2</table>", "<title>x</title>y.1", "&#91;1&#93;",
	"<sup>&#x2013;</sup>", "<a href=#fn1>1</a>", "<p><b><i>x</b>.<sup>1</sup></i>", "<svg><sup>1</sup></svg>",
	"\xEF\xBB\xBF<p>a.1</p>", "<ol class=references><li id=cite_note-1>x</li></ol>", "<br/><img src=x/>",
}
