// Package readertest holds the tests that every document reader
// (lint/markdown, lint/htmldoc) runs in the same way: span invariants,
// agreement with the plain-text reader, mutation and fuzz checks, the
// prose-text claims and the benchmarks. A reader's tests describe it once
// as a [Reader] and call the methods from their own Test, Fuzz and
// Benchmark functions.
//
// The package imports "testing" and is meant for tests only.
package readertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reflint/reflint/lint"
)

// ParseFunc reads one document: the Parse function of a reader package.
type ParseFunc func(name string, src []byte, opts lint.ParseOptions) *lint.Document

// Reader describes the reader under test.
type Reader struct {
	// Parse is the reader's Parse function.
	Parse ParseFunc
	// Ext is the file extension of the format, with its dot (".md").
	Ext string
	// Format names the format in messages ("markdown", "HTML").
	Format string
	// Articles is the folder of the shared test articles and Fixtures the
	// reader's own testdata folder, both as the calling package's tests
	// see them (relative to its directory, where go test runs them).
	Articles, Fixtures string
	// KeyedFootnotes says that the items of footnote-style marker groups
	// may be keys ("[^smith]") rather than numbers.
	KeyedFootnotes bool
}

// name is a file name in the reader's format.
func (r Reader) name(base string) string { return base + r.Ext }

// parse reads src with default options.
func (r Reader) parse(name string, src []byte) *lint.Document {
	return r.Parse(name, src, lint.ParseOptions{})
}

// Corpus is every test article in this format and the fixtures beside the
// package: a realistic mix of markers and lists.
func (r Reader) Corpus(tb testing.TB) [][]byte {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(r.Articles, "*"+r.Ext))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no %s articles (%v)", r.Ext, err)
	}
	more, _ := filepath.Glob(filepath.Join(r.Fixtures, "*"+r.Ext))
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

// Seeds is the corpus followed by extra, the format's hand-written seeds.
func (r Reader) Seeds(tb testing.TB, extra []string) [][]byte {
	tb.Helper()
	seeds := r.Corpus(tb)
	for _, s := range extra {
		seeds = append(seeds, []byte(s))
	}
	return seeds
}

// MarkerNumbers returns the marker numbers of a document.
func MarkerNumbers(d *lint.Document) []int {
	out := []int{}
	for _, m := range d.Markers {
		out = append(out, m.Number)
	}
	return out
}

// EntryNumbers returns the reference-list entry numbers of a document.
func EntryNumbers(d *lint.Document) []int {
	out := []int{}
	for _, r := range d.References {
		out = append(out, r.Number)
	}
	return out
}

// GroupTexts returns the source text of each marker group, or of each
// item when a group has several.
func GroupTexts(src []byte, d *lint.Document) []string {
	var groups []string
	for _, g := range d.Groups {
		if len(g.Items) > 1 {
			for _, it := range g.Items {
				groups = append(groups, string(src[it.Span.Start:it.Span.End]))
			}
			continue
		}
		groups = append(groups, string(src[g.Span.Start:g.Span.End]))
	}
	return groups
}

// Blocks returns the blocks of d, each as its kind, level and source text
// ("heading 2 Part one").
func Blocks(src string, d *lint.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		out = append(out, fmt.Sprintf("%s %d %s", b.Kind, b.Level, src[b.Start:b.End]))
	}
	return out
}

// NoFindings runs every rule on d and reports each finding of the given
// rules.
func NoFindings(t *testing.T, d *lint.Document, rules ...string) {
	t.Helper()
	for _, f := range lint.Run(d, lint.All()) {
		for _, rule := range rules {
			if f.Rule == rule {
				t.Errorf("unexpected %s: %s", f.Rule, f.Message)
			}
		}
	}
}

// lowerFormat is the format's name in a diff header ("+html").
func (r Reader) lowerFormat() string { return strings.ToLower(r.Format) }
