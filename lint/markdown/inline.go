package markdown

import (
	"bytes"
	"slices"
	"strings"

	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/reflint/reflint/lint"
)

// inlines finds the markers of one body block. Explicit markup (footnote
// references, <sup>, links to "#…" anchors) is added as explicit groups;
// the rest of each line is handed to the plain-text scanner, except code
// spans, raw HTML (comments included), link destinations, images and
// autolinks, which never hold markers.
func (r *reader) inlines(blk gast.Node) {
	var excl []lint.Span
	r.walkInline(blk, &excl)
	slices.SortFunc(excl, func(a, b lint.Span) int { return a.Start - b.Start })
	lines := blk.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		pos := seg.Start
		for _, x := range excl {
			if x.End <= pos || x.Start >= seg.Stop {
				continue
			}
			if x.Start > pos {
				r.scanPiece(pos, x.Start)
			}
			pos = max(pos, x.End)
		}
		if pos < seg.Stop {
			r.scanPiece(pos, seg.Stop)
		}
	}
}

// scanPiece scans prose for plain-text markers after taking out footnote
// references that goldmark left as text because no definition has their
// key ("[^14]"): those are citations of a missing entry.
func (r *reader) scanPiece(start, end int) {
	for start < end {
		k := bytes.Index(r.src[start:end], []byte("[^"))
		if k < 0 {
			break
		}
		at := start + k
		c := bytes.IndexByte(r.src[at+2:end], ']')
		key := ""
		if c > 0 {
			key = string(r.src[at+2 : at+2+c])
		}
		if key == "" || strings.ContainsAny(key, " \t[") {
			r.b.ScanText(start, at+2)
			start = at + 2
			continue
		}
		r.b.ScanText(start, at)
		stop := at + 2 + c + 1
		r.refs = append(r.refs, fnRef{key: key, span: lint.Span{Start: at, End: stop},
			label: lint.Span{Start: at + 2, End: stop - 1}})
		start = stop
	}
	if start < end {
		r.b.ScanText(start, end)
	}
}

// walkInline visits the inline children of n, adding explicit markers and
// collecting the spans the plain-text scanner must not see.
func (r *reader) walkInline(n gast.Node, excl *[]lint.Span) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch v := ch.(type) {
		case *gast.Text, *gast.String:
		case *east.FootnoteLink:
			p := v.Pos()
			end := closing(r.src, p+2, ']')
			span := lint.Span{Start: p, End: end}
			r.refs = append(r.refs, fnRef{key: string(r.src[p+2 : max(p+2, end-1)]), span: span,
				label: lint.Span{Start: p + 2, End: max(p+2, end-1)}, defined: true})
			*excl = append(*excl, span)
		case *gast.CodeSpan:
			*excl = append(*excl, lint.Span{Start: v.Pos(), End: r.codeSpanEnd(v)})
		case *gast.AutoLink:
			*excl = append(*excl, lint.Span{Start: v.Pos(), End: closing(r.src, v.Pos(), '>')})
		case *gast.Image:
			*excl = append(*excl, lint.Span{Start: v.Pos(), End: r.linkEnd(v)})
		case *gast.Link:
			end := r.linkEnd(v)
			// "[1](#fn1)", or a number linked to its source inside a
			// citation parenthesis: "([1](https://…), [2](https://…))".
			if bytes.HasPrefix(v.Destination, []byte("#")) || lint.InCitationParens(r.src, v.Pos(), end) {
				// "[1](#fn1)": a link to an anchor whose text is a number.
				if items, ok := lint.ParseMarkerText(r.textChars(v, nil)); ok {
					span := lint.Span{Start: v.Pos(), End: end}
					r.b.Add(lint.MarkerGroup{Span: span, Style: lint.StyleBracket, Items: items})
					*excl = append(*excl, span)
					continue
				}
			}
			*excl = append(*excl, lint.Span{Start: r.labelEnd(v), End: end})
			r.walkInline(v, excl)
		case *gast.RawHTML:
			if isTag(r.rawText(v), "sup", false) {
				if next, ok := r.sup(v, excl); ok {
					ch = next
					continue
				}
			}
			for i := range v.Segments.Len() {
				s := v.Segments.At(i)
				*excl = append(*excl, lint.Span{Start: s.Start, End: s.Stop})
			}
		default:
			r.walkInline(v, excl)
		}
	}
}

// sup reads "<sup>…</sup>" from the opening tag to its closing sibling.
// The element is a marker when its text is a citation group and it does
// not follow a unit or number ("m<sup>2</sup>"), unless it links to an
// anchor, which makes it a citation wherever it stands. It returns the
// closing tag's node so the walk continues after it.
func (r *reader) sup(open *gast.RawHTML, excl *[]lint.Span) (gast.Node, bool) {
	var chars []lint.MarkerChar
	anchored := false
	for n := open.NextSibling(); n != nil; n = n.NextSibling() {
		raw, isRaw := n.(*gast.RawHTML)
		switch {
		case isRaw && isTag(r.rawText(raw), "sup", true):
			last := raw.Segments.At(raw.Segments.Len() - 1)
			span := lint.Span{Start: open.Pos(), End: last.Stop}
			*excl = append(*excl, span)
			items, ok := lint.ParseMarkerText(chars)
			if ok && (anchored || !lint.ExponentBefore(r.src, span.Start)) {
				r.b.Add(lint.MarkerGroup{Span: span, Style: lint.StyleHTML, Items: items})
			}
			return n, true
		case isRaw:
			anchored = anchored || isAnchorLink(r.rawText(raw))
		case n.Kind() == gast.KindLink:
			anchored = anchored || bytes.HasPrefix(n.(*gast.Link).Destination, []byte("#"))
			chars = r.textChars(n, chars)
		case n.Kind() == gast.KindText:
			t := n.(*gast.Text)
			chars = lint.AppendMarkerChars(chars, r.src, t.Segment.Start, t.Segment.Stop)
		default:
			chars = r.textChars(n, chars)
		}
	}
	return nil, false
}

// textChars appends the characters of n's text nodes.
func (r *reader) textChars(n gast.Node, dst []lint.MarkerChar) []lint.MarkerChar {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if t, ok := ch.(*gast.Text); ok {
			dst = lint.AppendMarkerChars(dst, r.src, t.Segment.Start, t.Segment.Stop)
			continue
		}
		dst = r.textChars(ch, dst)
	}
	return dst
}

func (r *reader) rawText(v *gast.RawHTML) []byte {
	var b []byte
	for i := range v.Segments.Len() {
		s := v.Segments.At(i)
		b = append(b, r.src[s.Start:s.Stop]...)
	}
	return b
}

// isTag reports whether raw is the opening (or closing) tag of name.
func isTag(raw []byte, name string, closingTag bool) bool {
	t := bytes.ToLower(bytes.TrimSpace(raw))
	prefix := "<" + name
	if closingTag {
		prefix = "</" + name
	}
	if !bytes.HasPrefix(t, []byte(prefix)) || len(t) <= len(prefix) {
		return false
	}
	c := t[len(prefix)]
	return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '/'
}

// isAnchorLink reports whether raw is an <a> tag whose href is "#…".
func isAnchorLink(raw []byte) bool {
	t := bytes.ToLower(raw)
	if !isTag(t, "a", false) {
		return false
	}
	_, after, ok := bytes.Cut(t, []byte("href="))
	if !ok {
		return false
	}
	v := bytes.TrimLeft(after, `"'`)
	return bytes.HasPrefix(v, []byte("#"))
}

// codeSpanEnd finds the closing backtick run of a code span: goldmark
// records where the span starts and its content, not where it ends.
func (r *reader) codeSpanEnd(v *gast.CodeSpan) int {
	p := v.Pos()
	n := 0
	for p+n < len(r.src) && r.src[p+n] == '`' {
		n++
	}
	from := p + n
	for ch := v.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if t, ok := ch.(*gast.Text); ok {
			from = max(from, t.Segment.Stop)
		}
	}
	for i := from; i < len(r.src); {
		if r.src[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(r.src) && r.src[j] == '`' {
			j++
		}
		if j-i == n {
			return j
		}
		i = j
	}
	return from
}

// labelEnd is the offset of the "]" closing a link's or image's text.
func (r *reader) labelEnd(n gast.Node) int {
	from := n.Pos() + 1
	if n.Kind() == gast.KindImage {
		from++
	}
	var last func(gast.Node)
	last = func(m gast.Node) {
		for ch := m.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if t, ok := ch.(*gast.Text); ok {
				from = max(from, t.Segment.Stop)
			} else if ch.Kind() == gast.KindCodeSpan {
				from = max(from, r.codeSpanEnd(ch.(*gast.CodeSpan)))
			} else {
				last(ch)
			}
		}
	}
	last(n)
	k := bytes.IndexByte(r.src[min(from, len(r.src)):], ']')
	if k < 0 {
		return len(r.src)
	}
	return from + k
}

// linkEnd is the end of a link or image: after "(destination "title")",
// after a "[reference]", or after the text for a shortcut reference.
func (r *reader) linkEnd(n gast.Node) int {
	i := r.labelEnd(n) + 1
	if i >= len(r.src) {
		return len(r.src)
	}
	switch r.src[i] {
	case '(':
		depth := 0
		for j := i; j < len(r.src); j++ {
			switch r.src[j] {
			case '\\':
				j++
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(r.src)
	case '[':
		return closing(r.src, i, ']')
	}
	return i
}

// closing returns the offset after the first c at or after i.
func closing(src []byte, i int, c byte) int {
	if i >= len(src) {
		return len(src)
	}
	k := bytes.IndexByte(src[i:], c)
	if k < 0 {
		return len(src)
	}
	return i + k + 1
}

// plainText is the rendered text of a node: text, code and link text,
// plus a link's destination when it is a web address the text does not
// show (so that a DOI behind "[full text](https://doi.org/…)" is seen).
// Blocks are joined by a space.
func plainText(src []byte, n gast.Node) string {
	var b strings.Builder
	var walk func(gast.Node)
	walk = func(m gast.Node) {
		for ch := m.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch v := ch.(type) {
			case *gast.Text:
				b.Write(v.Segment.Value(src))
				if v.SoftLineBreak() || v.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *gast.String:
				b.Write(v.Value)
			case *gast.AutoLink:
				b.Write(v.URL(src))
			case *gast.RawHTML, *gast.Image, *east.FootnoteLink, *east.FootnoteBacklink:
			case *gast.Link:
				start := b.Len()
				walk(v)
				dest := string(v.Destination)
				if (strings.HasPrefix(dest, "http://") || strings.HasPrefix(dest, "https://")) &&
					!strings.Contains(b.String()[start:], dest) {
					b.WriteString(" " + dest)
				}
			default:
				if ch.Type() == gast.TypeBlock && b.Len() > 0 {
					b.WriteByte(' ')
				}
				walk(ch)
			}
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}
