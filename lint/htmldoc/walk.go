package htmldoc

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/prose"
)

// walker turns the DOM into blocks and markers. Text between block
// elements forms one block (a run); inline elements extend the run.
type walker struct {
	r      *reader
	cursor int // source offset up to which text tokens are consumed
	run    run
}

// run is the block being collected.
type run struct {
	ctx        blockCtx
	start, end int
	scan       []lint.Span // text the plain-text scanner reads
	has        bool
}

// blockCtx is the kind a run gets from its enclosing block element.
type blockCtx struct {
	kind  prose.BlockKind
	level int
	depth int   // list nesting: -1 outside lists
	used  *bool // the list item has had its first run
}

func (w *walker) walk(n *html.Node, c blockCtx) {
	r := w.r
	switch n.Type {
	case html.TextNode:
		w.text(n, c)
		return
	case html.ElementNode:
	default:
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			w.walk(ch, c)
		}
		return
	}
	e := r.elem(n)
	if e != nil && e.start >= r.d.BodyEnd || n == r.list {
		return
	}
	block := blockElements[n.Data]
	if skipElement(n) {
		// A skipped inline element (code, an edit link) lies inside its
		// block when text follows it, and never stretches the block's end.
		if block {
			w.flush()
		}
		if e != nil {
			w.cursor = max(w.cursor, e.end)
			if !proseCode[n.Data] {
				r.p.Blank(lint.Span{Start: e.start, End: e.end})
			}
		}
		return
	}
	if e != nil && !block {
		switch {
		case n.Data == "sup" && w.sup(n, e, c):
			return
		case n.Data == "a" && w.anchor(n, e, c):
			return
		}
	}
	if !block {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			w.walk(ch, c)
		}
		return
	}
	w.flush()
	inner := c
	switch {
	case headings[n.Data]:
		inner = blockCtx{kind: prose.Heading, level: int(n.Data[1] - '0'), depth: c.depth}
	case n.Data == "ul" || n.Data == "ol":
		inner = blockCtx{kind: prose.Paragraph, depth: c.depth + 1}
	case n.Data == "li":
		used := false
		inner = blockCtx{kind: prose.ListItem, level: max(c.depth, 0), depth: c.depth, used: &used}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		w.walk(ch, inner)
	}
	w.flush()
}

// text adds the text tokens of a DOM text node to the run. The tokens are
// matched from the cursor on by their decoded text, so that text the
// parser dropped or moved (a <title> in an implied head) is stepped over.
func (w *walker) text(n *html.Node, c blockCtx) {
	rest := n.Data
	skippedTokens := 0
	texts := w.r.t.texts
	for _, t := range texts[w.r.t.firstText(w.cursor):] {
		if rest == "" || t.start >= w.r.d.BodyEnd {
			break
		}
		if !strings.HasPrefix(rest, t.data) {
			if rest != n.Data || skippedTokens == maxSkip {
				break
			}
			skippedTokens++
			continue
		}
		rest = rest[len(t.data):]
		w.cursor = t.end
		if strings.TrimSpace(t.data) == "" {
			continue
		}
		w.extend(t.start, t.end, c)
		w.run.scan = append(w.run.scan, lint.Span{Start: t.start, End: t.end})
	}
}

// maxSkip bounds the search for a text node's first token.
const maxSkip = 16

func (w *walker) extend(start, end int, c blockCtx) {
	if !w.run.has {
		w.run = run{ctx: c, start: start, end: end, has: true}
		return
	}
	w.run.start, w.run.end = min(w.run.start, start), max(w.run.end, end)
}

// flush ends the run: it becomes a block, and its text is scanned for
// plain-text markers.
func (w *walker) flush() {
	if !w.run.has {
		return
	}
	c := w.run.ctx
	kind, level := c.kind, c.level
	if kind == prose.ListItem {
		if *c.used {
			kind, level = prose.Paragraph, 0
		}
		*c.used = true
	}
	if kind == prose.Heading && level == 1 && len(w.r.d.Blocks) == 0 {
		// The opening title goes in with level 0, as plain text gives it:
		// prose then drops a title with nothing under it, where level 1
		// would keep it as the parent of the next heading.
		level = 0
	}
	// An element left open in broken markup may run past the body's end.
	end := min(w.run.end, w.r.d.BodyEnd)
	if w.run.start < end {
		w.r.d.Blocks = append(w.r.d.Blocks, prose.Block{Kind: kind, Level: level, Start: w.run.start, End: end})
	}
	for _, s := range w.run.scan {
		w.r.b.ScanText(s.Start, s.End)
	}
	w.run = run{}
}

// sup reads a <sup> element as a marker when its text is a citation
// group. It is an exponent, not a marker, after a unit, a one-letter
// variable or a number ("m<sup>2</sup>", "n<sup>2</sup>") unless it links
// to a note. Either way its text is never scanned again.
func (w *walker) sup(n *html.Node, e *element, c blockCtx) bool {
	chars := w.chars(e)
	anchored := false
	var find func(*html.Node)
	find = func(m *html.Node) {
		for ch := m.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.ElementNode && ch.Data == "a" && strings.HasPrefix(attr(ch, "href"), "#") {
				anchored = true
			}
			find(ch)
		}
	}
	find(n)
	w.extend(e.start, e.end, c)
	w.cursor = max(w.cursor, e.end)
	items, ok := lint.ParseMarkerText(chars)
	if ok && (anchored || !lint.ExponentBefore(w.r.src, e.start)) {
		span := lint.Span{Start: e.start, End: e.end}
		w.r.b.Add(lint.MarkerGroup{Span: span, Style: lint.StyleHTML, Items: items})
	}
	return true
}

// anchor reads a link to a note ("#cite_note-3", "#fn1", "#ref-2") whose
// text is a citation group as a marker, as Wikipedia-style "[1]" links
// are. Other links are ordinary inline text.
func (w *walker) anchor(n *html.Node, e *element, c blockCtx) bool {
	href := attr(n, "href")
	if (!strings.HasPrefix(href, "#") || !noteID(href[1:])) && !lint.InCitationParens(w.r.src, e.start, e.end) {
		return false
	}
	items, ok := lint.ParseMarkerText(w.chars(e))
	if !ok {
		return false
	}
	w.extend(e.start, e.end, c)
	w.cursor = max(w.cursor, e.end)
	span := lint.Span{Start: e.start, End: e.end}
	w.r.b.Add(lint.MarkerGroup{Span: span, Style: lint.StyleHTML, Items: items})
	return true
}

// chars is the decoded text inside an element, with source spans.
func (w *walker) chars(e *element) []lint.MarkerChar {
	var cs []lint.MarkerChar
	for _, t := range w.r.t.textsIn(e.tagEnd, e.closeStart) {
		cs = lint.AppendMarkerChars(cs, w.r.src, t.start, t.end)
	}
	return cs
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// blockElements end the run before them and after them.
var blockElements = set("address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
	"div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
	"header", "hgroup", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section", "summary", "table",
	"tbody", "td", "tfoot", "th", "thead", "tr", "ul")
