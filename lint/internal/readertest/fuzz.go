package readertest

import (
	"bytes"
	"math/rand"
	"testing"

	"github.com/reflint/reflint/lint"
)

// Fuzz is the body of a reader's fuzz target: src parses without
// panicking, every span lies inside it, the body ends inside it and the
// rules run.
func (r Reader) Fuzz(t *testing.T, src []byte) {
	t.Helper()
	d := r.parse(r.name("fuzz"), src)
	r.CheckSpans(t, "fuzz", src, d)
	if d.BodyEnd < 0 || d.BodyEnd > len(src) {
		t.Fatalf("body end %d of %d", d.BodyEnd, len(src))
	}
	lint.Run(d, lint.All())
}

// Mutations is a deterministic stand-in for a fuzz target: it mutates
// seeds with markup characters, cuts and copies, and checks that parsing
// does not panic, that every span stays in the source and that the rules
// run.
func (r Reader) Mutations(t *testing.T, seeds [][]byte) {
	t.Helper()
	rng := rand.New(rand.NewSource(2))
	for range 5000 {
		src := append([]byte{}, seeds[rng.Intn(len(seeds))]...)
		for k := 0; k < 1+rng.Intn(12) && len(src) > 0; k++ {
			p := rng.Intn(len(src))
			switch rng.Intn(3) {
			case 0:
				src[p] = "<>[]()^`*#\n 1.&;/-!\"=ab"[rng.Intn(23)]
			case 1:
				src = append(src[:p], src[min(len(src), p+rng.Intn(40)):]...)
			case 2:
				q := rng.Intn(len(src))
				src = append(src[:p], append(append([]byte{}, src[q:min(len(src), q+rng.Intn(60))]...), src[p:]...)...)
			}
		}
		d := r.parse("x", src)
		r.CheckSpans(t, string(src), src, d)
		lint.Run(d, lint.All())
	}
}

// BenchmarkParse reads each document of the corpus once per iteration
// (MB/s over their total size).
func (r Reader) BenchmarkParse(b *testing.B) {
	b.Helper()
	r.benchmarkCorpus(b, func(src []byte) { r.parse(r.name("bench"), src) })
}

// BenchmarkLint parses each document of the corpus and runs every rule
// and the coverage analysis: what one file costs the command line.
func (r Reader) BenchmarkLint(b *testing.B) {
	b.Helper()
	r.benchmarkCorpus(b, func(src []byte) { lint.Run(r.parse(r.name("bench"), src), lint.All()) })
}

// BenchmarkParseLarge reads one document of about 1 MB.
func (r Reader) BenchmarkParseLarge(b *testing.B) {
	b.Helper()
	docs := r.Corpus(b)
	big := bytes.Repeat(docs[0], 1<<20/len(docs[0])+1)
	b.SetBytes(int64(len(big)))
	b.ReportAllocs()
	for b.Loop() {
		r.parse(r.name("big"), big)
	}
}

// benchmarkCorpus runs each over every document of the corpus once per
// iteration.
func (r Reader) benchmarkCorpus(b *testing.B, each func(src []byte)) {
	b.Helper()
	docs := r.Corpus(b)
	total := 0
	for _, d := range docs {
		total += len(d)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range docs {
			each(src)
		}
	}
}
