package htmldoc

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/prose"
)

// Parse reads an HTML article into a Document with the same markers,
// entries and rules as lint.ParseText, plus explicit Blocks. Every span
// points into src. Nothing is fetched and no script runs.
func Parse(name string, src []byte, opts lint.ParseOptions) *lint.Document {
	d := lint.NewDocument(name, "html", src)
	d.Cues = opts.Cues
	d.BodyEnd = len(src)
	t := tokenize(src)
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(t.marked))
	if err != nil {
		// The HTML parser accepts any input; reading from memory cannot
		// fail. Keep the document empty rather than guess.
		return d
	}
	r := &reader{src: src, d: d, opts: opts, t: t, b: lint.NewMarkerBuilder(src), p: lint.NewProseBuilder(src)}
	r.findList(doc)
	w := &walker{r: r, cursor: 0}
	for _, n := range doc.Nodes {
		w.walk(n, blockCtx{kind: prose.Paragraph, depth: -1})
	}
	w.flush()
	r.b.ResolveDoc(d)
	r.proseText()
	return d
}

// reader holds what one parse needs.
type reader struct {
	src  []byte
	d    *lint.Document
	opts lint.ParseOptions
	t    *tokenized
	b    *lint.MarkerBuilder
	p    *lint.ProseBuilder
	list *html.Node // the reference list element, skipped by the walk
}

// elem returns the element record of a DOM node; nil for elements the
// parser implied (html, head, body, tbody) and for non-elements.
func (r *reader) elem(n *html.Node) *element {
	if n == nil || n.Type != html.ElementNode {
		return nil
	}
	for _, a := range n.Attr {
		if a.Key == idAttr {
			k, err := strconv.Atoi(a.Val)
			if err != nil || k < 0 || k >= len(r.t.elems) {
				return nil
			}
			return &r.t.elems[k]
		}
	}
	return nil
}

// findList decides the reference list: an <ol> marked as one (Wikipedia's
// ol.references, footnote sections of static-site generators, items with
// cite_note/fn/ref ids), else the first <ol> under the last reference
// heading.
func (r *reader) findList(doc *goquery.Document) {
	var best *goquery.Selection
	doc.Find("ol").Each(func(_ int, s *goquery.Selection) {
		if skipped(s.Nodes[0]) {
			return
		}
		marked := s.HasClass("references") || s.Parent().HasClass("footnotes") ||
			s.Closest(".footnotes, [role=doc-endnotes], .reflist, .references").Length() > 0 ||
			s.ChildrenFiltered("li[id]").FilterFunction(func(_ int, li *goquery.Selection) bool {
				id, _ := li.Attr("id")
				return noteID(id)
			}).Length() > 0
		if marked && (best == nil || s.ChildrenFiltered("li").Length() >= best.ChildrenFiltered("li").Length()) {
			best = s
		}
	})
	if best == nil {
		best = r.headedList(doc, "ol")
	}
	if best == nil {
		// A bulleted list under a references heading (APA and Harvard
		// lists are alphabetical) counts when it reads like references.
		if ul := r.headedList(doc, "ul"); ul != nil && r.elem(ul.Nodes[0]) != nil {
			r.setList(doc, ul)
			if r.d.List != nil && !lint.Bibliographic(r.d.References) {
				r.d.List, r.d.References, r.list, r.d.BodyEnd = nil, nil, nil, len(r.src)
			} else if r.d.List != nil {
				r.d.List.Unnumbered = true
			}
		}
		return
	}
	if r.elem(best.Nodes[0]) == nil {
		return
	}
	r.setList(doc, best)
}

// headedList returns the first list element (ol or ul) after the last
// reference heading and before the heading after it.
func (r *reader) headedList(doc *goquery.Document, tag string) *goquery.Selection {
	heads := doc.Find("h1, h2, h3, h4, h5, h6")
	var found *goquery.Selection
	for i := heads.Length() - 1; i >= 0 && found == nil; i-- {
		h := heads.Eq(i)
		e := r.elem(h.Nodes[0])
		if e == nil || skipped(h.Nodes[0]) || !lint.IsReferenceHeading(headingText(h), r.opts.ReferenceHeadings) {
			continue
		}
		next := len(r.src)
		if i+1 < heads.Length() {
			if ne := r.elem(heads.Get(i + 1)); ne != nil {
				next = ne.start
			}
		}
		doc.Find(tag).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			if oe := r.elem(s.Nodes[0]); oe != nil && oe.start > e.start && oe.start < next {
				found = s
				return false
			}
			return true
		})
	}
	return found
}

// setList builds the entries. Numbers count from the list's start
// attribute (default 1); an item's value attribute resets the count, as in
// a browser. An item's text is its decoded text without back-links ("^",
// "↩") and without style sheets that citation templates embed.
func (r *reader) setList(doc *goquery.Document, ol *goquery.Selection) {
	oe := r.elem(ol.Nodes[0])
	n := 1
	if v, ok := ol.Attr("start"); ok {
		if s, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			n = s
		}
	}
	var refs []lint.Reference
	ol.ChildrenFiltered("li").Each(func(_ int, li *goquery.Selection) {
		e := r.elem(li.Nodes[0])
		if e == nil {
			return
		}
		if v, ok := li.Attr("value"); ok {
			if s, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				n = s
			}
		}
		c := li.Clone()
		c.Find(backlinks).Remove()
		refs = append(refs, lint.NewReference(n, lint.Span{Start: e.start, End: e.end},
			lint.Span{Start: e.start, End: e.tagEnd}, c.Text()))
		n++
	})
	if len(refs) == 0 {
		return
	}
	list := &lint.RefList{Span: lint.Span{Start: refs[0].Span.Start, End: refs[len(refs)-1].Span.End}}
	r.d.BodyEnd = oe.start
	if h := r.headingBefore(doc, oe.start); h != nil {
		list.Heading = lint.Span{Start: h.start, End: h.end}
		r.d.BodyEnd = h.start
	}
	r.d.List, r.d.References, r.list = list, refs, ol.Nodes[0]
}

// headingBefore returns the last heading before pos when it names a
// reference list and no other heading stands between.
func (r *reader) headingBefore(doc *goquery.Document, pos int) *element {
	var last *goquery.Selection
	var le *element
	doc.Find("h1, h2, h3, h4, h5, h6").Each(func(_ int, h *goquery.Selection) {
		if e := r.elem(h.Nodes[0]); e != nil && e.start < pos {
			last, le = h, e
		}
	})
	if last == nil || !lint.IsReferenceHeading(headingText(last), r.opts.ReferenceHeadings) {
		return nil
	}
	return le
}

// backlinks are the links from an entry back to where it is cited.
const backlinks = `style, script, .mw-cite-backlink, .footnote-backref, .reversefootnote, a[role="doc-backlink"], ` +
	`a[href^="#cite_ref"], a[href^="#fnref"], .cite-accessibility-label`

func headingText(h *goquery.Selection) string {
	c := h.Clone()
	c.Find(".mw-editsection, style, script").Remove()
	return strings.TrimSpace(c.Text())
}

// noteID reports whether an id or fragment names a note or reference:
// cite_note-3, cite_note-Smith2019-3, fn:1, fn1, fn-1, ref-2, ref2, note3,
// endnote4, bib5, CR6, B7.
func noteID(id string) bool {
	id = strings.ToLower(id)
	if id == "" || id[len(id)-1] < '0' || id[len(id)-1] > '9' {
		return false
	}
	if strings.HasPrefix(id, "cite_note") || strings.HasPrefix(id, "cite-note") {
		return true
	}
	p := strings.TrimRight(id, "0123456789")
	p = strings.TrimRight(p, "-_:.")
	switch p {
	case "fn", "footnote", "ref", "reference", "note", "endnote", "en", "bib", "cr", "b", "r", "c", "citation", "cite":
		return true
	}
	return false
}

// skipped reports whether a node is inside content that is never prose:
// scripts, styles, navigation, code, and Wikipedia's edit links.
func skipped(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && skipElement(n) {
			return true
		}
	}
	return false
}

func skipElement(n *html.Node) bool {
	switch n.Data {
	case "script", "style", "noscript", "template", "nav", "code", "pre", "head", "svg", "math", "iframe",
		"button", "select", "textarea", "kbd", "samp":
		return true
	}
	for _, a := range n.Attr {
		switch {
		case a.Key == "role" && a.Val == "navigation":
			return true
		case a.Key == "class" && strings.Contains(a.Val, "mw-editsection"):
			return true
		}
	}
	return false
}
