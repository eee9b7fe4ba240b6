package lint

import (
	"slices"
	"strings"
)

// This file is the API that readers of structured formats (Markdown, HTML)
// use to fill a Document with the same marker and entry logic as plain
// text.

// MarkerBuilder collects marker groups from explicit markup and from
// plain-text runs, then resolves them against the reference list.
type MarkerBuilder struct {
	src   []byte
	cands []MarkerGroup
}

// NewMarkerBuilder starts collecting markers in src.
func NewMarkerBuilder(src []byte) *MarkerBuilder { return &MarkerBuilder{src: src} }

// ScanText applies the plain-text heuristics (flattened digits, brackets,
// Unicode superscripts) to src[start:end], a run of prose such as a
// paragraph's text between inline code spans and links.
func (b *MarkerBuilder) ScanText(start, end int) {
	b.cands = append(b.cands, scanMarkers(b.src, start, end)...)
}

// Add records an explicit marker group, such as <sup>1,2</sup> or a
// footnote reference. Explicit groups are strong: kept even when they name
// a missing entry.
func (b *MarkerBuilder) Add(g MarkerGroup) {
	g.weak = false
	b.cands = append(b.cands, g)
}

// Resolve returns the markers and groups in document order, dropping weak
// plain-text candidates that do not fit the entries (see resolveMarkers).
func (b *MarkerBuilder) Resolve(entries map[int]bool) ([]Marker, []MarkerGroup) {
	cands := slices.Clone(b.cands)
	slices.SortStableFunc(cands, func(x, y MarkerGroup) int { return x.Span.Start - y.Span.Start })
	return resolveMarkers(cands, entries)
}

// NewReference builds an entry from its printed number, its spans and its
// text (the number excluded), parsing the bibliographic fields and
// classifying its kind and evidence.
func NewReference(number int, span, numberSpan Span, text string) Reference {
	text = strings.Join(strings.Fields(strings.ReplaceAll(text, string(softHyphen), "")), " ")
	pe := parseEntry(text)
	r := Reference{Number: number, Span: span, NumberSpan: numberSpan, Text: text, Fields: pe.fields, malformed: pe.malformed}
	classify(&r)
	return r
}

// IsReferenceHeading reports whether a heading's text names a reference
// list (References, Sources, Literatur, …), extra names included.
func IsReferenceHeading(text string, extra []string) bool {
	return isReferenceHeading(text, setOf(extra...))
}

// EntryNumbers returns the set of entry numbers of the document.
func (d *Document) EntryNumbers() map[int]bool { return d.entryNumbers() }
