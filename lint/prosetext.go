package lint

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"
)

// ProseBuilder lays out Document.ProseText: the source with the markup a
// reader knows of blanked out, byte for byte, so that the coverage
// analysis reads the article's words at the offsets of the source.
//
// A reader records markup with Blank (tags, emphasis delimiters, link
// destinations), markup that renders as a break with Replace ("<br>" is a
// space) and visible text whose character references must be decoded with
// Entities. Set then writes the text:
//
//   - Marker groups keep their source bytes: prose skips them, and a group
//     ending in blanks ("<sup>7</sup>" as "     7      ") would be trimmed
//     off the end of its sentence. Marker digits thus stay where they are.
//   - Outside the body's blocks every edit stays in place: a blank becomes
//     spaces, a reference its character followed by spaces.
//   - Inside a block, markup within a run of non-blank text closes up:
//     "<em>un</em>likely", "don&rsquo;t", "[study](https://…)." read
//     "unlikely", "don’t", "study." and the freed bytes become spaces where
//     the run ends (before the next blank, line break, marker or block
//     edge). Padding inside a word would split it in two ("don’    t"):
//     spaces end a word for prose's tokenizer, and the only filler it reads
//     as part of a word, the soft hyphen, is two bytes long and cannot fill
//     an odd gap such as "&apos;" (6 bytes) around "'" (1 byte). So a
//     word's later characters may lie a few bytes before their place in
//     the source; where a run starts, line breaks, markers and block edges
//     keep their offsets. Markup standing alone between blanks is spaces;
//     a reference at the start of a run ("&ldquo;Yes") is spaces followed
//     by its character, so the run's first word stays in place.
//   - Line breaks inside markup are kept, so that lines stay lines.
type ProseBuilder struct {
	src   []byte
	edits []proseEdit
	buf   []byte // layout's scratch
}

// proseEdit replaces src[start:end] by text, len(text) <= end-start.
type proseEdit struct {
	start, end int
	text       string
}

// NewProseBuilder starts a prose text for src.
func NewProseBuilder(src []byte) *ProseBuilder { return &ProseBuilder{src: src} }

// Blank marks src[s] as markup that shows nothing.
func (p *ProseBuilder) Blank(s Span) {
	if s.Start < s.End {
		p.edits = append(p.edits, proseEdit{s.Start, s.End, ""})
	}
}

// Replace marks src[s] as markup that reads as text, such as a line break
// that reads as " "; text longer than the span is ignored. Markup that
// spans lines is blanked instead, its line breaks kept.
func (p *ProseBuilder) Replace(s Span, text string) {
	switch {
	case s.Start >= s.End || len(text) > s.Len():
	case bytes.ContainsAny(p.src[s.Start:s.End], "\r\n"):
		p.Blank(s)
	default:
		p.edits = append(p.edits, proseEdit{s.Start, s.End, text})
	}
}

// Entities marks the character references in the visible text src[s] for
// decoding.
func (p *ProseBuilder) Entities(s Span) {
	for i := s.Start; i < s.End; {
		k := bytes.IndexByte(p.src[i:s.End], '&')
		if k < 0 {
			return
		}
		i += k
		if n, dec := entityAt(p.src, i, s.End); n > 0 {
			p.edits = append(p.edits, proseEdit{i, i + n, dec})
			i += n
			continue
		}
		i++
	}
}

// Set lays out d.ProseText from the recorded edits, d.Blocks, d.Groups and
// d.BodyEnd; the text after the body is the source. It is called once.
func (p *ProseBuilder) Set(d *Document) {
	out := slices.Clone(p.src)
	edits := p.normalized(d.BodyEnd)
	for _, e := range edits {
		n := copy(out[e.start:e.end], e.text)
		fill(out[e.start+n : e.end])
	}
	// Marker groups keep their source: prose skips them, and one whose
	// last byte were blank would be trimmed off its sentence.
	var fixed []Span
	for _, g := range d.Groups {
		s := Span{Start: max(0, g.Span.Start), End: min(g.Span.End, len(out))}
		if s.Start < s.End {
			copy(out[s.Start:s.End], p.src[s.Start:s.End])
			fixed = append(fixed, s)
		}
	}
	slices.SortFunc(fixed, func(a, b Span) int { return a.Start - b.Start })
	fixed = union(fixed)
	for _, b := range d.Blocks {
		start, end := max(0, b.Start), min(b.End, d.BodyEnd)
		k, _ := slices.BinarySearchFunc(fixed, start, func(f Span, pos int) int { return f.End - pos })
		for ; k < len(fixed) && fixed[k].Start < end; k++ {
			if f := fixed[k]; f.End > start {
				if f.Start > start {
					p.layout(out, start, f.Start, edits)
				}
				start = max(start, f.End)
			}
		}
		if start < end {
			p.layout(out, start, end, edits)
		}
	}
	d.ProseText = out
}

// union merges overlapping spans sorted by start.
func union(spans []Span) []Span {
	var out []Span
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// fill blanks b, keeping line breaks.
func fill(b []byte) {
	for i, c := range b {
		if c != '\n' && c != '\r' {
			b[i] = ' '
		}
	}
}

// normalized returns the edits inside the body in order, without overlaps
// (an edit inside an earlier blank goes), with blanks cut around line
// breaks, which stay as text.
func (p *ProseBuilder) normalized(bodyEnd int) []proseEdit {
	in := p.edits
	slices.SortStableFunc(in, func(a, b proseEdit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	out := make([]proseEdit, 0, len(in))
	last := 0
	for _, e := range in {
		if e.text == "" {
			e.start, e.end = max(e.start, last), min(e.end, bodyEnd)
		}
		if e.start < last || e.end > bodyEnd || e.start >= e.end {
			continue
		}
		last = e.end
		if e.text != "" {
			out = append(out, e)
			continue
		}
		for i := e.start; i < e.end; {
			j := i
			for j < e.end && p.src[j] != '\n' && p.src[j] != '\r' {
				j++
			}
			if j > i {
				out = append(out, proseEdit{i, j, ""})
			}
			for j < e.end && (p.src[j] == '\n' || p.src[j] == '\r') {
				j++
			}
			i = j
		}
	}
	return out
}

// layout writes out[start:end], a stretch of one block between marker
// groups, closing up markup inside runs of non-blank text. Only edits
// wholly inside the stretch move; the rest of out is already laid out in
// place and is read as text.
func (p *ProseBuilder) layout(out []byte, start, end int, edits []proseEdit) {
	i, _ := slices.BinarySearchFunc(edits, start, func(e proseEdit, pos int) int { return e.start - pos })
	j := i
	for j < len(edits) && edits[j].end <= end {
		j++
	}
	edits = edits[i:j]
	buf := p.buf[:0]
	defer func() { p.buf = buf }()
	pay := func(pos int) { // the freed bytes, as spaces up to pos
		for len(buf) < pos-start {
			buf = append(buf, ' ')
		}
	}
	ei := 0
	glued := false // the last byte written is not a blank
	for pos := start; pos < end; {
		if ei < len(edits) && edits[ei].start == pos {
			e := edits[ei]
			ei++
			next := nextShown(out, edits[ei:], e.end, end)
			switch {
			case e.text == "" && glued && next:
				// closed up: the freed bytes go where the run ends
			case e.text == "":
				pay(e.end)
				glued = false
			case startsBlank(e.text):
				pay(e.start)
				buf = append(buf, e.text...)
				pay(e.end)
				glued = false
			case !next:
				buf = append(buf, e.text...)
				pay(e.end)
				glued = false
			case glued:
				buf = append(buf, e.text...)
			default: // a run starts: the character goes right before it
				pay(e.end - len(e.text))
				buf = append(buf, e.text...)
				glued = true
			}
			pos = e.end
			continue
		}
		stop := end
		if ei < len(edits) {
			stop = edits[ei].start
		}
		// Text up to the next blank moves as one piece.
		k := pos
		for k < stop && !isBlankAt(out, k, stop) {
			if out[k] < utf8.RuneSelf {
				k++
			} else {
				_, size := utf8.DecodeRune(out[k:stop])
				k += size
			}
		}
		if k > pos {
			buf = append(buf, out[pos:k]...)
			glued, pos = true, k
			continue
		}
		_, size := utf8.DecodeRune(out[pos:stop])
		pay(pos)
		buf = append(buf, out[pos:pos+size]...)
		glued = false
		pos += size
	}
	pay(end)
	copy(out[start:end], buf)
}

// nextShown reports whether the first thing shown at pos, blanks skipped,
// is a character that is not blank, before end.
func nextShown(out []byte, edits []proseEdit, pos, end int) bool {
	k := 0
	for k < len(edits) && edits[k].start == pos && edits[k].text == "" {
		pos = edits[k].end
		k++
	}
	switch {
	case pos >= end:
		return false
	case k < len(edits) && edits[k].start == pos:
		return !startsBlank(edits[k].text)
	}
	return !isBlankAt(out, pos, end)
}

// isBlankAt reports whether b[i:end] starts with a blank character.
func isBlankAt(b []byte, i, end int) bool {
	if c := b[i]; c < utf8.RuneSelf {
		return c == ' ' || c >= '\t' && c <= '\r'
	}
	r, _ := utf8.DecodeRune(b[i:end])
	return unicode.IsSpace(r)
}

func startsBlank(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}
