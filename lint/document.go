package lint

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/reflint/reflint/lint/prose"
)

// Document is one parsed article: its source bytes, a line index and
// everything the parsers found in it, each with a byte span into Source.
type Document struct {
	// Name is the path as it should be shown to the user.
	Name string
	// Format is the input format: "text", "markdown" or "html".
	Format string
	// Source is the raw input, unchanged: spans point into it.
	Source []byte

	// Markers are the in-text citation markers in document order; a range
	// such as [3–5] yields one marker per number, all sharing its span.
	Markers []Marker
	// Groups are the marker groups as written ([1, 3], ".3 4 5", ¹⁻³).
	Groups []MarkerGroup
	// List is the reference list, nil when none was found.
	List *RefList
	// References are the entries of List in list order.
	References []Reference
	// Blocks are explicit headings, paragraphs and list items from a
	// structured format (Markdown, HTML); nil for plain text, whose
	// structure the coverage analysis derives itself.
	Blocks []prose.Block

	// BodyEnd is the end of the article body: where the reference list or
	// its heading starts (len(Source) when there is no list).
	BodyEnd int

	// ProseText, when set, is Source with markup blanked out (tags, link
	// URLs, entities replaced by spaces or their character, byte for
	// byte), so that the coverage analysis reads prose at the same
	// offsets. Nil for plain text.
	ProseText []byte

	// Cues extends the coverage analysis's cue table; nil for defaults.
	Cues *prose.Cues

	coverage *prose.Result // computed on first use

	lineStarts []int // offset of the first byte of each line
	bom        int   // length of a leading UTF-8 byte order mark
}

// RefList is the reference list as a whole.
type RefList struct {
	// Heading is the span of the list's heading line; empty when the list
	// was recognised without a heading.
	Heading Span
	// Span covers the entries, from the first entry's number to the end of
	// the last entry.
	Span Span
	// Unnumbered is set when the entries carry no printed numbers (an
	// author-date list, or numbers lost in copying); reflint numbers them
	// in list order.
	Unnumbered bool
	// AuthorDate is set when the text cites by author and year.
	AuthorDate bool
}

// Numbered reports whether the list's numbers and the order of its
// entries mean something: a printed, numbered list cited by number.
func (l *RefList) Numbered() bool { return !l.Unnumbered && !l.AuthorDate }

// Position is a printable location: 1-based line and column, the column
// counted in Unicode code points.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// NewDocument indexes src. It does not parse anything.
func NewDocument(name, format string, src []byte) *Document {
	d := &Document{Name: name, Format: format, Source: src}
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		d.bom = 3
	}
	d.lineStarts = append(d.lineStarts, 0)
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			d.lineStarts = append(d.lineStarts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			d.lineStarts = append(d.lineStarts, i+1)
		}
	}
	return d
}

// Position converts a byte offset into a line and column. Offsets inside a
// multi-byte character count as that character; the byte order mark is
// not a column.
func (d *Document) Position(offset int) Position {
	offset = max(0, min(offset, len(d.Source)))
	line := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > offset }) - 1
	start := d.lineStarts[line]
	if line == 0 {
		start = min(d.bom, offset)
	}
	return Position{Line: line + 1, Column: utf8.RuneCount(d.Source[start:offset]) + 1}
}

// LineCount is the number of lines in the document.
func (d *Document) LineCount() int { return len(d.lineStarts) }

// Line returns the span of line n (1-based) without its line terminator.
func (d *Document) Line(n int) Span {
	if n < 1 || n > len(d.lineStarts) {
		return Span{}
	}
	start := d.lineStarts[n-1]
	if n == 1 {
		start = d.bom
	}
	end := len(d.Source)
	if n < len(d.lineStarts) {
		end = d.lineStarts[n]
	}
	for end > start && (d.Source[end-1] == '\n' || d.Source[end-1] == '\r') {
		end--
	}
	return Span{Start: start, End: end}
}

// Text returns the source text of a span.
func (d *Document) Text(s Span) string { return string(d.Source[s.Start:s.End]) }

// lines returns the spans of all lines, terminators excluded.
func (d *Document) lines() []Span {
	out := make([]Span, len(d.lineStarts))
	for i := range out {
		out[i] = d.Line(i + 1)
	}
	return out
}

// IsText reports whether src looks like text: no NUL byte and at most a
// small share of invalid UTF-8. Legacy 8-bit text with a few accented
// letters still passes; binary files do not.
func IsText(src []byte) bool {
	if bytes.IndexByte(src, 0) >= 0 {
		return false
	}
	if utf8.Valid(src) {
		return true
	}
	bad, total := 0, 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		}
		total++
		i += size
	}
	return bad*10 < total
}
