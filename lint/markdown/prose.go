package markdown

import (
	"slices"

	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/reflint/reflint/lint"
)

// proseBlock records the markup of one body block for Document.ProseText.
// What a reader sees is text: text nodes (character references decoded,
// backslashes of escapes dropped), code span contents, autolink addresses
// and footnote references, which are markers. Everything else between the
// block's first and last byte is markup and is blanked: emphasis
// delimiters, link brackets and destinations, images, raw HTML, code span
// backticks, block quote markers and indentation of continuation lines.
// "<br>" reads as a space.
func (r *reader) proseBlock(blk blockInfo) {
	var shown []lint.Span
	r.shownText(blk.node, &shown)
	slices.SortFunc(shown, func(a, b lint.Span) int { return a.Start - b.Start })
	pos := blk.start
	for _, s := range shown {
		if s.Start > pos {
			r.p.Blank(lint.Span{Start: pos, End: min(s.Start, blk.end)})
		}
		pos = max(pos, s.End)
	}
	if pos < blk.end {
		r.p.Blank(lint.Span{Start: pos, End: blk.end})
	}
}

// shownText collects the spans of n's inline children that a reader sees.
func (r *reader) shownText(n gast.Node, shown *[]lint.Span) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch v := ch.(type) {
		case *gast.Text:
			seg := lint.Span{Start: v.Segment.Start, End: v.Segment.Stop}
			*shown = append(*shown, seg)
			if !v.IsRaw() { // code span contents are literal
				r.p.Entities(seg)
				r.escapes(seg)
			}
		case *gast.Image:
			// Neither the picture nor its description is prose.
		case *gast.RawHTML:
			if isTag(r.rawText(v), "br", false) {
				for i := range v.Segments.Len() {
					s := v.Segments.At(i)
					span := lint.Span{Start: s.Start, End: s.Stop}
					*shown = append(*shown, span)
					r.p.Replace(span, " ")
				}
			}
		case *gast.AutoLink:
			// "<https://…>" shows the address itself.
			end := closing(r.src, v.Pos(), '>')
			if end-v.Pos() > 2 {
				*shown = append(*shown, lint.Span{Start: v.Pos() + 1, End: end - 1})
			}
		case *east.FootnoteLink:
			*shown = append(*shown, lint.Span{Start: v.Pos(), End: closing(r.src, v.Pos()+2, ']')})
		default:
			r.shownText(ch, shown)
		}
	}
}

// escapes blanks the backslash of each backslash escape ("\*") in text.
func (r *reader) escapes(s lint.Span) {
	for i := s.Start; i+1 < s.End; i++ {
		if r.src[i] == '\\' && isASCIIPunct(r.src[i+1]) {
			r.p.Blank(lint.Span{Start: i, End: i + 1})
			i++
		}
	}
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
