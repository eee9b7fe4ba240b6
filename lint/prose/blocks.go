package prose

import (
	"unicode"
	"unicode/utf8"
)

// BlockKind is the structural role of a block of text.
type BlockKind int

// The block kinds. Paragraph is the zero value so that a Block built
// without a kind is treated as prose.
const (
	Paragraph BlockKind = iota
	Heading
	ListItem
)

func (k BlockKind) String() string {
	switch k {
	case Heading:
		return "heading"
	case ListItem:
		return "list-item"
	default:
		return "paragraph"
	}
}

// Block is one structural unit of the article. For a Heading, Level is the
// heading level (1 for the title, 0 = unknown); for a ListItem it is the
// nesting depth (0 = outermost or unknown). Start and End are byte offsets
// of the block's text (a list item's bullet may be included; it is skipped).
type Block struct {
	Kind  BlockKind
	Level int
	Start int
	End   int
}

// line is one physical line of plain text.
type line struct {
	start, end int // content without the line terminator, whitespace trimmed
	indent     int // leading columns (tab = 4)
	blank      bool
}

// lines splits src[start:end] into lines, accepting \n, \r\n and a lone \r.
func lines(src []byte, start, end int) []line {
	var out []line
	for i := start; i < end; {
		j := i
		for j < end && src[j] != '\n' && src[j] != '\r' {
			j++
		}
		out = append(out, makeLine(src, i, j))
		if j < end && src[j] == '\r' && j+1 < end && src[j+1] == '\n' {
			j++
		}
		i = j + 1
	}
	return out
}

func makeLine(src []byte, i, j int) line {
	l := line{start: i, end: j}
	for l.start < l.end {
		size := spaceSize(src, l.start, l.end)
		if size == 0 {
			break
		}
		if src[l.start] == '\t' {
			l.indent += 4
		} else {
			l.indent++
		}
		l.start += size
	}
	for l.end > l.start {
		size := spaceSizeBefore(src, l.start, l.end)
		if size == 0 {
			break
		}
		l.end -= size
	}
	l.blank = l.start >= l.end
	return l
}

// spaceSize returns the byte size of the blank character at i, or 0. Soft
// hyphens, byte-order marks and zero-width spaces count as blank because a
// line holding only them is visually empty.
func spaceSize(src []byte, i, end int) int {
	c := src[i]
	switch c {
	case ' ', '\t', '\f', '\v':
		return 1
	case '\n', '\r':
		return 1
	}
	if c < utf8.RuneSelf {
		return 0
	}
	r, size := utf8.DecodeRune(src[i:end])
	switch r {
	case '\u00a0', '\u00ad', '\ufeff', '\u200b', '\u2009', '\u202f', '\u3000':
		return size
	}
	return 0
}

func spaceSizeBefore(src []byte, start, end int) int {
	c := src[end-1]
	if c < utf8.RuneSelf {
		switch c {
		case ' ', '\t', '\f', '\v', '\n', '\r':
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeLastRune(src[start:end])
	switch r {
	case '\u00a0', '\u00ad', '\ufeff', '\u200b', '\u2009', '\u202f', '\u3000':
		return size
	}
	return 0
}

// skipSpace returns the first offset at or after i that is not blank.
func skipSpace(src []byte, i, end int) int {
	for i < end {
		size := spaceSize(src, i, end)
		if size == 0 {
			break
		}
		i += size
	}
	return i
}

// trimEnd returns the offset after the last non-blank byte before end.
func trimEnd(src []byte, start, end int) int {
	for end > start {
		size := spaceSizeBefore(src, start, end)
		if size == 0 {
			break
		}
		end -= size
	}
	return end
}

// bulletEnd returns the offset of the text after a list bullet at i, or -1
// when the line does not start with one. Numbered bullets have at most three
// digits so that "2019. It was ..." stays a sentence.
func bulletEnd(src []byte, i, end int) int {
	if i >= end {
		return -1
	}
	j := i
	c := src[j]
	switch {
	case c == '-' || c == '*' || c == '+':
		j++
	case c >= '0' && c <= '9':
		for j < end && j-i < 4 && src[j] >= '0' && src[j] <= '9' {
			j++
		}
		if j-i > 3 || j >= end || (src[j] != '.' && src[j] != ')') {
			return -1
		}
		j++
	case c == '(' && j+2 < end && src[j+1] >= '0' && src[j+1] <= '9':
		j++
		for j < end && src[j] >= '0' && src[j] <= '9' {
			j++
		}
		if j >= end || src[j] != ')' {
			return -1
		}
		j++
	case c >= utf8.RuneSelf:
		r, size := utf8.DecodeRune(src[j:end])
		switch r {
		case '•', '◦', '▪', '·', '‣', '○', '●', '■', '□', '–', '—', '✓', '✔', '➤', '►':
			j += size
		default:
			return -1
		}
	default:
		return -1
	}
	// A bullet is followed by a blank; "-5 kg" and "*emphasis*" are not.
	if j >= end || spaceSize(src, j, end) == 0 {
		return -1
	}
	return skipSpace(src, j, end)
}

// numbered reports whether the bullet at i is a number ("3." or "3)").
func numbered(src []byte, i int) bool {
	return src[i] >= '0' && src[i] <= '9' || src[i] == '('
}

// deriveBlocks finds paragraphs, list items and headings in plain text:
// blank lines separate blocks, bulleted lines start list items, and a short
// line standing alone that looks like a title is a heading. The heading test
// lives in headingLine; levels are decided later from context.
func deriveBlocks(src []byte, start, end int, markers []Marker, m *matcher) []block {
	ls := lines(src, start, end)
	var out []block
	prevColon := false // the previous block ended with ':' (a lead-in)
	for g := 0; g < len(ls); {
		if ls[g].blank {
			g++
			continue
		}
		h := g
		for h < len(ls) && !ls[h].blank {
			h++
		}
		group := ls[g:h]
		g = h
		if len(group) == 1 && !prevColon {
			if lvl, ts, ok := headingLine(src, group[0], markers, m); ok {
				out = append(out, block{kind: Heading, level: lvl, start: ts, end: group[0].end, fallback: fallbackKind(src, group[0])})
				prevColon = false
				continue
			}
		}
		out = appendGroup(out, src, group)
		last := group[len(group)-1]
		prevColon = src[last.end-1] == ':'
	}
	return out
}

func fallbackKind(src []byte, l line) BlockKind {
	if bulletEnd(src, l.start, l.end) >= 0 {
		return ListItem
	}
	return Paragraph
}

// appendGroup splits a group of non-blank lines into a paragraph and list
// items. A line that is not bulleted continues the block before it, which
// keeps hard-wrapped list items whole.
func appendGroup(out []block, src []byte, group []line) []block {
	// Nesting depth is the rank of a bullet's indent among the indents of
	// the group's bullets: absolute indents vary from page to page.
	var indents []int
	for _, l := range group {
		if bulletEnd(src, l.start, l.end) >= 0 {
			indents = insertSorted(indents, l.indent)
		}
	}
	cur := -1
	for _, l := range group {
		if be := bulletEnd(src, l.start, l.end); be >= 0 {
			depth := 0
			for depth < len(indents) && indents[depth] < l.indent {
				depth++
			}
			out = append(out, block{kind: ListItem, level: depth, start: be, end: l.end, fallback: ListItem})
			cur = len(out) - 1
			continue
		}
		if cur >= 0 {
			out[cur].end = l.end
			continue
		}
		out = append(out, block{kind: Paragraph, start: l.start, end: l.end, fallback: Paragraph})
		cur = len(out) - 1
	}
	return out
}

func insertSorted(a []int, v int) []int {
	for k, x := range a {
		if x == v {
			return a
		}
		if x > v {
			a = append(a, 0)
			copy(a[k+1:], a[k:])
			a[k] = v
			return a
		}
	}
	return append(a, v)
}

// smallWords may stay lower-case in a title-case heading.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true,
	"nor": true, "of": true, "for": true, "to": true, "in": true, "on": true,
	"at": true, "by": true, "with": true, "from": true, "as": true, "vs": true,
	"via": true, "per": true, "into": true, "than": true, "over": true,
	"is": true, "are": true, "be": true, "its": true, "your": true, "up": true,
	"out": true, "off": true, "about": true, "not": true, "do": true,
	"und": true, "oder": true, "für": true, "mit": true, "von": true,
	"der": true, "die": true, "das": true, "im": true, "zu": true,
}

// headingLine decides whether a line standing alone is a heading and returns
// its level (0 = decide from context) and where its text starts. It rejects
// what web pages leave behind between sections — calls to action, "Read
// more:" and ">>" link lines, captions, bylines, dates — because each of
// those would otherwise open a section and split the evidence of the real
// one around it.
func headingLine(src []byte, l line, markers []Marker, m *matcher) (level, textStart int, ok bool) {
	ts := l.start
	// Markdown-style "## Title" in plain text gives its level directly.
	if src[ts] == '#' {
		j := ts
		for j < l.end && src[j] == '#' {
			j++
		}
		if j < l.end && src[j] == ' ' && j-ts <= 6 {
			return j - ts, skipSpace(src, j, l.end), true
		}
		return 0, 0, false
	}
	if be := bulletEnd(src, ts, l.end); be >= 0 {
		// Listicles number their headings ("3. Better Sleep"); symbol
		// bullets standing alone are still list items.
		if !numbered(src, ts) {
			return 0, 0, false
		}
		ts = be
	}
	if hasMarker(markers, ts, l.end) {
		return 0, 0, false
	}
	text := src[ts:l.end]
	if utf8.RuneCount(text) > 120 {
		return 0, 0, false
	}
	last, _ := utf8.DecodeLastRune(text)
	switch last {
	case '.', ',', ';', ':', '!', '…', '"', '”':
		return 0, 0, false
	}
	first, _ := utf8.DecodeRune(text)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return 0, 0, false
	}
	toks := tokenize(src, ts, l.end, nil, nil)
	limit := 16
	if last == '?' {
		limit = 24 // FAQ questions run long
	}
	if len(toks) == 0 || len(toks) > limit || noise(src, ts, l.end, toks, m) != "" || promotes(toks, m) {
		return 0, 0, false
	}
	switch toks[0].low {
	case "by", "last", "updated", "published", "posted", "written", "reviewed", "source", "sources", "photo", "credit":
		return 0, 0, false
	}
	if last == '?' {
		return 0, ts, true
	}
	if titleCase(toks, src) || len(toks) <= 5 {
		return 0, ts, true
	}
	return 0, 0, false
}

// promotes reports whether a title-like line is an offer: it opens with an
// imperative and speaks of "our", "free", "now" ("Try Our Free Walking
// Plan"). A real heading may open with a verb ("Get Better Sleep"); it does
// not sell.
func promotes(toks []token, m *matcher) bool {
	imperative := false
	for _, p := range m.index[toks[0].stem] {
		if p.cat == catImperative && p.matchAt(toks, 0) {
			imperative = true
		}
	}
	if !imperative {
		return false
	}
	for _, t := range toks[1:] {
		switch t.low {
		case "our", "free", "now", "today", "here", "app":
			return true
		}
	}
	return false
}

// titleCase reports whether every significant word starts upper-case.
func titleCase(toks []token, src []byte) bool {
	significant := 0
	for k, t := range toks {
		if t.number {
			continue
		}
		if k > 0 && smallWords[t.low] {
			continue
		}
		r, _ := utf8.DecodeRune(src[t.start:t.end])
		if !unicode.IsUpper(r) {
			return false
		}
		significant++
	}
	return significant > 0
}

func hasMarker(markers []Marker, start, end int) bool {
	k := firstMarker(markers, start)
	return k < len(markers) && markers[k].Start < end
}

// firstMarker returns the index of the first marker ending after pos.
func firstMarker(markers []Marker, pos int) int {
	lo, hi := 0, len(markers)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if markers[mid].End <= pos {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// explicitBlocks converts caller-supplied blocks, clipped to the body.
func explicitBlocks(src []byte, in []Block, start, end int) []block {
	out := make([]block, 0, len(in))
	for _, b := range in {
		s, e := max(b.Start, start), min(b.End, end)
		s = skipSpace(src, s, e)
		e = trimEnd(src, s, e)
		if s >= e {
			continue
		}
		nb := block{kind: b.Kind, level: b.Level, start: s, end: e, fallback: b.Kind}
		switch b.Kind {
		case Heading:
			// Tolerate Markdown syntax left in a heading's span.
			for nb.start < e && src[nb.start] == '#' {
				nb.start++
			}
			for nb.end > nb.start && src[nb.end-1] == '#' {
				nb.end--
			}
			nb.start = skipSpace(src, nb.start, nb.end)
			nb.end = trimEnd(src, nb.start, nb.end)
			nb.fallback = Paragraph
		case ListItem:
			if be := bulletEnd(src, s, e); be >= 0 {
				nb.start = be
			}
		}
		if nb.start < nb.end {
			out = append(out, nb)
		}
	}
	return out
}
