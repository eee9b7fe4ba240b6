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
	src    []byte
	cands  []MarkerGroup
	ranges []Span // the prose scanned, for author-date citations
}

// NewMarkerBuilder starts collecting markers in src.
func NewMarkerBuilder(src []byte) *MarkerBuilder { return &MarkerBuilder{src: src} }

// ScanText applies the plain-text heuristics (flattened digits, brackets,
// Unicode superscripts) to src[start:end], a run of prose such as a
// paragraph's text between inline code spans and links.
func (b *MarkerBuilder) ScanText(start, end int) {
	found := scanMarkers(b.src, start, end)
	if b.cands == nil {
		b.cands = found // a whole plain-text body: no copy
	} else {
		b.cands = append(b.cands, found...)
	}
	b.ranges = append(b.ranges, Span{start, end})
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
// It reuses the builder's storage: call it once.
func (b *MarkerBuilder) Resolve(entries map[int]bool) ([]Marker, []MarkerGroup) {
	byStart := func(x, y MarkerGroup) int { return x.Span.Start - y.Span.Start }
	if !slices.IsSortedFunc(b.cands, byStart) { // one scan of plain text comes sorted
		slices.SortStableFunc(b.cands, byStart)
	}
	return resolveMarkers(b.cands, entries)
}

// ResolveDoc resolves the markers against d's reference list and sets
// d.Markers and d.Groups. Author-date citations in the scanned prose that
// name an entry by first author and year count too; a list cited that
// way is marked as such. Call it once, after the list is known.
func (b *MarkerBuilder) ResolveDoc(d *Document) {
	authorDate := false
	for _, r := range b.ranges {
		if ad := scanAuthorDate(b.src, r.Start, r.End, d.References); len(ad) > 0 {
			b.cands = append(b.cands, ad...)
			authorDate = true
		}
	}
	d.Markers, d.Groups = b.Resolve(d.EntryNumbers())
	if authorDate && d.List != nil {
		d.List.AuthorDate = true
	}
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

// Bibliographic reports whether at least half the entries carry a year, a
// DOI, a PMID or a URL: what tells a reference list from a list of steps
// or foods when no heading settles it.
func Bibliographic(refs []Reference) bool {
	n := 0
	for _, ref := range refs {
		if ref.Fields.Year > 0 || ref.Fields.DOI != "" || ref.Fields.URL != "" || ref.Fields.PMID != "" {
			n++
		}
	}
	return len(refs) > 0 && n*2 >= len(refs)
}
