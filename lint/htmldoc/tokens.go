package htmldoc

import (
	"bytes"
	"slices"
	"strconv"

	"golang.org/x/net/html"
)

// The HTML parser behind goquery keeps no source offsets (golang/go
// #28343). So the source is tokenized first, keeping a running total of
// len(Raw()): every start tag gets its element record with exact offsets
// and a data-reflint attribute carrying the record's index, and the marked
// copy is what goquery parses. Each DOM element then knows where it stands
// in the original bytes.

// idAttr links a DOM element to its element record.
const idAttr = "data-reflint"

// element is where one start tag, and its end, lie in the source.
type element struct {
	name       string
	start      int // '<' of the start tag
	tagEnd     int // after the start tag's '>'
	closeStart int // '<' of the end tag, or where the element was implicitly closed
	end        int // after the end tag's '>', or = closeStart when implicit
}

// text is one text token: its raw span and decoded text.
type text struct {
	start, end int
	data       string
}

// tag is one piece of markup: a start or end tag, a comment or a doctype.
type tag struct {
	start, end int
	name       string // the tag name; empty for comments and doctypes
}

// tokenized is the result of the first pass.
type tokenized struct {
	elems  []element
	texts  []text
	tags   []tag
	marked []byte
}

func tokenize(src []byte) *tokenized {
	t := &tokenized{marked: make([]byte, 0, len(src)+len(src)/8)}
	z := html.NewTokenizer(bytes.NewReader(src))
	var open []int // indices of open elements
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		start := off
		off = min(len(src), off+len(z.Raw()))
		raw := src[start:off]
		n := ""
		if tt != html.TextToken {
			name, _ := z.TagName() // once: it consumes the name
			n = string(name)
			t.tags = append(t.tags, tag{start: start, end: off, name: n})
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			open = t.implyEnd(open, n, start)
			k := len(t.elems)
			t.elems = append(t.elems, element{name: n, start: start, tagEnd: off, closeStart: off, end: off})
			t.mark(raw, k)
			if tt == html.StartTagToken && !voidElements[n] {
				open = append(open, k)
			}
			continue
		case html.EndTagToken:
			open = t.close(open, n, start, off)
		case html.TextToken:
			t.texts = append(t.texts, text{start: start, end: off, data: string(z.Text())})
		}
		t.marked = append(t.marked, raw...)
	}
	for _, k := range open {
		t.elems[k].closeStart, t.elems[k].end = len(src), len(src)
	}
	return t
}

// mark copies a start tag with the record index added as an attribute.
func (t *tokenized) mark(raw []byte, k int) {
	cut := len(raw)
	switch {
	case bytes.HasSuffix(raw, []byte("/>")):
		cut -= 2
	case bytes.HasSuffix(raw, []byte(">")):
		cut--
	default:
		t.marked = append(t.marked, raw...) // cut off at the end of input
		return
	}
	t.marked = append(t.marked, raw[:cut]...)
	t.marked = append(t.marked, ` `+idAttr+`="`...)
	t.marked = strconv.AppendInt(t.marked, int64(k), 10)
	t.marked = append(t.marked, '"')
	t.marked = append(t.marked, raw[cut:]...)
}

// close ends the innermost open element named name and everything opened
// inside it; an end tag with nothing to close is ignored, as browsers do.
func (t *tokenized) close(open []int, name string, start, end int) []int {
	for i, k := range slices.Backward(open) {
		if t.elems[k].name != name {
			continue
		}
		for _, k := range open[i+1:] {
			t.elems[k].closeStart, t.elems[k].end = start, start
		}
		t.elems[open[i]].closeStart, t.elems[open[i]].end = start, end
		return open[:i]
	}
	return open
}

// implyEnd closes what a start tag implicitly ends: a new <li> ends the
// open item of its list, a block element ends an open <p>, a heading ends
// an open heading, a cell or row ends the open cell or row. It is the
// common part of HTML's rules, enough for spans; the tree goquery builds
// follows the full rules.
func (t *tokenized) implyEnd(open []int, name string, at int) []int {
	closeFrom := func(i int) []int {
		for _, k := range open[i:] {
			t.elems[k].closeStart, t.elems[k].end = at, at
		}
		return open[:i]
	}
	find := func(targets map[string]bool, stops map[string]bool) int {
		for i, k := range slices.Backward(open) {
			n := t.elems[k].name
			if targets[n] {
				return i
			}
			if stops[n] {
				return -1
			}
		}
		return -1
	}
	switch name {
	case "li":
		if i := find(set("li"), set("ol", "ul", "menu", "table")); i >= 0 {
			open = closeFrom(i)
		}
	case "dt", "dd":
		if i := find(set("dt", "dd"), set("dl", "table")); i >= 0 {
			open = closeFrom(i)
		}
	case "tr":
		if i := find(set("tr"), set("table")); i >= 0 {
			open = closeFrom(i)
		}
	case "td", "th":
		if i := find(set("td", "th"), set("tr", "table")); i >= 0 {
			open = closeFrom(i)
		}
	}
	if headings[name] {
		if i := find(headings, blockStops); i >= 0 && i == len(open)-1 {
			open = closeFrom(i)
		}
	}
	if closesP[name] {
		if i := find(set("p"), blockStops); i >= 0 {
			open = closeFrom(i)
		}
	}
	return open
}

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

var (
	voidElements = set("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
		"source", "track", "wbr")
	headings = set("h1", "h2", "h3", "h4", "h5", "h6")
	// closesP are the start tags that end an open paragraph.
	closesP = set("address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption",
		"figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol",
		"p", "pre", "section", "table", "ul", "li", "dd", "dt")
	blockStops = set("td", "th", "table", "li", "div", "blockquote", "section", "article", "body", "html",
		"button", "caption")
)

// textsIn returns the text tokens lying inside [start, end).
func (t *tokenized) textsIn(start, end int) []text {
	i := t.firstText(start)
	j := i
	for j < len(t.texts) && t.texts[j].start < end {
		j++
	}
	return t.texts[i:j]
}

// firstText returns the index of the first text token starting at or
// after pos.
func (t *tokenized) firstText(pos int) int {
	i, _ := slices.BinarySearchFunc(t.texts, pos, func(x text, pos int) int { return x.start - pos })
	return i
}
