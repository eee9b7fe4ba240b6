package markdown

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"sync"

	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/prose"
)

// mdParser is CommonMark plus footnotes. The footnote AST transformer is
// left out on purpose: it deletes definitions nobody references, and those
// are exactly the entries unused-reference must see.
var mdParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(append(parser.DefaultBlockParsers(),
			util.Prioritized(extension.NewFootnoteBlockParser(), 999))...),
		parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
			util.Prioritized(extension.NewFootnoteParser(), 101))...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
})

// Parse reads a Markdown article into a Document with the same markers,
// entries and rules as lint.ParseText, plus explicit Blocks. Every span
// points into src.
func Parse(name string, src []byte, opts lint.ParseOptions) *lint.Document {
	d := lint.NewDocument(name, "markdown", src)
	d.Cues = opts.Cues
	in := src
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		// Three spaces keep every offset and still let "# Title" open the
		// first line; goldmark would read the BOM as text.
		in = slices.Clone(src)
		copy(in, "   ")
	}
	r := &reader{src: src, d: d, opts: opts, b: lint.NewMarkerBuilder(src), p: lint.NewProseBuilder(src)}
	r.collect(mdParser().Parse(text.NewReader(in)), ctx{depth: -1})
	r.chooseList()
	for _, blk := range r.blocks {
		if blk.start >= d.BodyEnd || r.inList(blk.start) {
			continue
		}
		level := blk.level
		if len(d.Blocks) == 0 && blk.kind == prose.Heading && level == 1 {
			// The opening title goes in with level 0, as plain text gives
			// it: prose then drops a title with nothing under it, where an
			// explicit level 1 would keep it as the parent of the next
			// heading and add an empty row to the coverage table.
			level = 0
		}
		d.Blocks = append(d.Blocks, prose.Block{Kind: blk.kind, Level: level, Start: blk.start, End: blk.end})
		r.inlines(blk.node)
		r.proseBlock(blk)
	}
	r.numberFootnotes()
	r.b.ResolveDoc(d)
	r.p.Set(d)
	return d
}

// reader holds what one parse collects.
type reader struct {
	src  []byte
	d    *lint.Document
	opts lint.ParseOptions
	b    *lint.MarkerBuilder
	p    *lint.ProseBuilder

	blocks   []blockInfo
	headings []headingInfo
	lists    []*gast.List // top-level lists, in order
	defs     []*east.Footnote
	refs     []fnRef // footnote references in document order
	listSpan lint.Span
}

type blockInfo struct {
	node       gast.Node
	pos        int // the node's start: a heading's '#'
	kind       prose.BlockKind
	level      int
	start, end int
}

type headingInfo struct {
	start int
	text  string
}

// fnRef is a footnote reference "[^key]"; defined is false when no
// definition carries the key (goldmark then leaves it as text).
type fnRef struct {
	key     string
	span    lint.Span
	label   lint.Span
	defined bool
}

// ctx tracks the list item a block sits in: its first paragraph is the
// item's text, later ones are paragraphs of their own.
type ctx struct {
	depth int
	used  *bool
}

// collect walks the block tree once, recording body blocks, headings,
// top-level lists and footnote definitions.
func (r *reader) collect(n gast.Node, c ctx) {
	switch v := n.(type) {
	case *gast.Heading:
		start, end := linesSpan(v)
		if start < end {
			r.blocks = append(r.blocks, blockInfo{node: v, pos: v.Pos(), kind: prose.Heading, level: v.Level, start: start, end: end})
			r.headings = append(r.headings, headingInfo{start: v.Pos(), text: plainText(r.src, v)})
		}
		return
	case *gast.Paragraph, *gast.TextBlock:
		start, end := linesSpan(v)
		if start >= end {
			return
		}
		blk := blockInfo{node: v, kind: prose.Paragraph, start: start, end: end}
		if c.used != nil && !*c.used {
			blk.kind, blk.level = prose.ListItem, c.depth
			*c.used = true
		}
		r.blocks = append(r.blocks, blk)
		return
	case *gast.List:
		if c.depth < 0 {
			r.lists = append(r.lists, v)
		}
		for it := v.FirstChild(); it != nil; it = it.NextSibling() {
			used := false
			for ch := it.FirstChild(); ch != nil; ch = ch.NextSibling() {
				r.collect(ch, ctx{depth: c.depth + 1, used: &used})
			}
		}
		return
	case *east.FootnoteList:
		for f := v.FirstChild(); f != nil; f = f.NextSibling() {
			if fn, ok := f.(*east.Footnote); ok {
				r.defs = append(r.defs, fn)
			}
		}
		return
	case *gast.FencedCodeBlock, *gast.CodeBlock, *gast.HTMLBlock, *gast.ThematicBreak:
		return // never prose, never markers
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		r.collect(ch, c)
	}
}

// chooseList decides the reference list and the end of the body: the
// footnote definitions when there are any, else an ordered list (or a
// paragraph of numbered lines) under the last reference heading, else a
// final ordered list that reads like a bibliography.
func (r *reader) chooseList() {
	r.d.BodyEnd = len(r.src)
	if len(r.defs) > 0 {
		r.footnoteList()
		return
	}
	for hi, h := range slices.Backward(r.headings) {
		if !lint.IsReferenceHeading(h.text, r.opts.ReferenceHeadings) {
			continue
		}
		next := len(r.src)
		if hi+1 < len(r.headings) {
			next = r.headings[hi+1].start
		}
		if r.headedList(h, next) {
			return
		}
	}
	r.finalList()
}

// headedList takes the first ordered list, or paragraph of numbered lines,
// between a reference heading and the next heading.
func (r *reader) headedList(h headingInfo, next int) bool {
	for _, l := range r.lists {
		if l.Pos() > h.start && l.Pos() < next && l.IsOrdered() {
			r.setList(h.start, r.listEntries(l))
			return true
		}
	}
	for _, blk := range r.blocks {
		if blk.kind != prose.Paragraph || blk.start <= h.start || blk.start >= next {
			continue
		}
		if refs := r.lineEntries(blk.node); len(refs) > 0 {
			r.setList(h.start, refs)
			return true
		}
	}
	// A bulleted list that reads like a bibliography (APA and Harvard
	// lists are alphabetical, not numbered): entries numbered 1, 2, ...
	for _, l := range r.lists {
		if l.Pos() > h.start && l.Pos() < next && !l.IsOrdered() {
			if refs := r.listEntries(l); lint.Bibliographic(refs) {
				r.setList(h.start, refs)
				r.d.List.Unnumbered = true
				return true
			}
		}
	}
	return false
}

// finalList accepts the last top-level ordered list of two or more items
// when nothing but paragraphs follows it and at least half its items look
// bibliographic (a year, a DOI or a URL): the plain-text rule for lists
// without a heading.
func (r *reader) finalList() {
	if len(r.lists) == 0 {
		return
	}
	l := r.lists[len(r.lists)-1]
	if !l.IsOrdered() || l.ChildCount() < 2 {
		return
	}
	for _, h := range r.headings {
		if h.start > l.Pos() {
			return
		}
	}
	if refs := r.listEntries(l); lint.Bibliographic(refs) {
		r.setList(-1, refs)
	}
}

// setList records the list; heading is the heading's start or -1.
func (r *reader) setList(heading int, refs []lint.Reference) {
	if len(refs) == 0 {
		return
	}
	list := &lint.RefList{Span: lint.Span{Start: refs[0].Span.Start, End: refs[0].Span.End}}
	for _, ref := range refs {
		list.Span.Start = min(list.Span.Start, ref.Span.Start)
		list.Span.End = max(list.Span.End, ref.Span.End)
	}
	r.d.BodyEnd = list.Span.Start
	if heading >= 0 {
		list.Heading = r.headingSpan(heading)
		r.d.BodyEnd = heading
	}
	r.d.List, r.d.References, r.listSpan = list, refs, list.Span
}

func (r *reader) headingSpan(start int) lint.Span {
	end := start
	for end < len(r.src) && r.src[end] != '\n' && r.src[end] != '\r' {
		end++
	}
	return lint.Span{Start: start, End: end}
}

func (r *reader) inList(pos int) bool {
	return r.d.List != nil && r.listSpan.Contains(pos)
}

// listEntries turns list items into entries. Lazy numbering ("1." on every
// item) means the numbers a browser shows: the list's start, counting up.
// Otherwise the numbers are taken as written, so that a gap or repeat the
// author typed is reported by reference-numbering instead of being
// silently renumbered on the page.
func (r *reader) listEntries(l *gast.List) []lint.Reference {
	type item struct {
		node   gast.Node
		number int
		num    lint.Span
	}
	var items []item
	lazy := l.ChildCount() > 1
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		p := it.Pos()
		j := p
		for j < len(r.src) && r.src[j] >= '0' && r.src[j] <= '9' {
			j++
		}
		n, err := strconv.Atoi(string(r.src[p:j]))
		if err != nil {
			n, lazy = -1, false
		}
		if len(items) > 0 && items[0].number != n {
			lazy = false
		}
		items = append(items, item{node: it, number: n, num: lint.Span{Start: p, End: j}})
	}
	refs := make([]lint.Reference, 0, len(items))
	for k, it := range items {
		n := it.number
		switch {
		case !l.IsOrdered():
			n = k + 1 // a bulleted list: numbered in list order
		case lazy || n < 0:
			n = l.Start + k
		}
		span := lint.Span{Start: it.num.Start, End: max(it.num.End, nodeEnd(it.node))}
		refs = append(refs, lint.NewReference(n, span, it.num, plainText(r.src, it.node)))
	}
	return refs
}

// lineEntries reads a paragraph whose lines start "[1]", "(1)" or "1)"
// (what pasted lists become when Markdown does not see a list): one entry
// per numbered line, unnumbered lines continuing the entry before.
func (r *reader) lineEntries(n gast.Node) []lint.Reference {
	lines := n.Lines()
	var refs []lint.Reference
	var cur *lint.Reference
	var b strings.Builder
	flush := func() {
		if cur != nil {
			refs = append(refs, lint.NewReference(cur.Number, cur.Span, cur.NumberSpan, b.String()))
		}
	}
	for i := range lines.Len() {
		seg := lines.At(i)
		line := seg.Value(r.src)
		num, textAt, ok := lineNumber(line)
		if !ok {
			if cur == nil {
				return nil
			}
			b.WriteByte(' ')
			b.Write(bytes.TrimSpace(line))
			cur.Span.End = seg.Stop
			continue
		}
		flush()
		b.Reset()
		b.Write(bytes.TrimSpace(line[textAt:]))
		cur = &lint.Reference{Number: num.n, Span: lint.Span{Start: seg.Start, End: trimEnd(r.src, seg.Start, seg.Stop)},
			NumberSpan: lint.Span{Start: seg.Start + num.start, End: seg.Start + num.end}}
	}
	flush()
	return refs
}

type lineNum struct{ n, start, end int }

// lineNumber recognises "[12]", "(12)" and "12)" at the start of a line.
func lineNumber(line []byte) (lineNum, int, bool) {
	i := 0
	open := byte(0)
	if i < len(line) && (line[i] == '[' || line[i] == '(') {
		open = line[i]
		i++
	}
	j := i
	for j < len(line) && j-i < 3 && line[j] >= '0' && line[j] <= '9' {
		j++
	}
	if j == i || j >= len(line) || line[i] == '0' {
		return lineNum{}, 0, false
	}
	closeCh := byte(')')
	if open == '[' {
		closeCh = ']'
	}
	if line[j] != closeCh {
		return lineNum{}, 0, false
	}
	n, _ := strconv.Atoi(string(line[i:j]))
	return lineNum{n: n, start: i, end: j}, j + 1, true
}

// footnoteList makes the definitions the list. When they form one run at
// the end (optionally under a heading) the body ends where the run starts;
// definitions scattered through the text leave the body whole, and are
// simply not part of it.
func (r *reader) footnoteList() {
	first, last := r.defs[0].Pos(), r.defs[0].Pos()
	for _, f := range r.defs {
		first, last = min(first, f.Pos()), max(last, nodeEnd(f))
	}
	contiguous := true
	for _, blk := range r.blocks {
		if blk.start > first && blk.start < last {
			contiguous = false
		}
	}
	list := &lint.RefList{Span: lint.Span{Start: first, End: last}}
	r.d.List, r.listSpan = list, list.Span
	if !contiguous {
		return
	}
	r.d.BodyEnd = first
	// A heading directly before the run is the list's heading.
	var prev *blockInfo
	for i := range r.blocks {
		if r.blocks[i].start < first {
			prev = &r.blocks[i]
		}
	}
	if prev != nil && prev.kind == prose.Heading {
		list.Heading = r.headingSpan(prev.pos)
		r.d.BodyEnd = prev.pos
	}
}

// numberFootnotes numbers the definitions and adds a marker for every
// footnote reference. When every label is a number ([^1], [^12]) the labels
// are the numbers, as the author wrote them. Otherwise footnotes are
// numbered as goldmark and GitHub render them: in order of first
// reference; definitions nobody references follow in order of definition,
// then references to keys with no definition, so that they are reported as
// unresolved.
func (r *reader) numberFootnotes() {
	if len(r.defs) == 0 && len(r.refs) == 0 {
		return
	}
	numeric := true
	for _, f := range r.defs {
		numeric = numeric && labelNumber(string(f.Ref)) > 0
	}
	for _, ref := range r.refs {
		numeric = numeric && labelNumber(ref.key) > 0
	}
	num := map[string]int{}
	if numeric {
		for _, f := range r.defs {
			num[string(f.Ref)] = labelNumber(string(f.Ref))
		}
		for _, ref := range r.refs {
			num[ref.key] = labelNumber(ref.key)
		}
	} else {
		next := 1
		assign := func(key string) {
			if _, ok := num[key]; !ok {
				num[key] = next
				next++
			}
		}
		for _, ref := range r.refs {
			if ref.defined {
				assign(ref.key)
			}
		}
		for _, f := range r.defs {
			assign(string(f.Ref))
		}
		for _, ref := range r.refs {
			assign(ref.key)
		}
	}
	if len(r.defs) > 0 {
		refs := make([]lint.Reference, 0, len(r.defs))
		seen := map[string]bool{}
		for _, f := range r.defs {
			key := string(f.Ref)
			n := num[key]
			if !numeric && seen[key] {
				// A second definition of a key is never rendered: give it
				// a number of its own so that it shows up as unused.
				n = len(num) + len(refs) + 1
			}
			seen[key] = true
			p := f.Pos()
			label := lint.Span{Start: p, End: p}
			if p+2+len(key) <= len(r.src) && r.src[p] == '[' && r.src[p+1] == '^' {
				label = lint.Span{Start: p + 2, End: p + 2 + len(key)}
			}
			span := lint.Span{Start: p, End: max(label.End, nodeEnd(f))}
			refs = append(refs, lint.NewReference(n, span, label, plainText(r.src, f)))
		}
		if !numeric {
			slices.SortStableFunc(refs, func(a, b lint.Reference) int { return a.Number - b.Number })
		}
		r.d.References = refs
	}
	for _, ref := range r.refs {
		n := num[ref.key]
		r.b.Add(lint.MarkerGroup{Span: ref.span, Style: lint.StyleFootnote,
			Items: []lint.GroupItem{{Span: ref.label, From: n, To: n}}})
	}
}

// labelNumber returns a footnote label's value when it is a citation
// number (1–999, no leading zero), else 0.
func labelNumber(key string) int {
	if len(key) == 0 || len(key) > 3 || key[0] == '0' {
		return 0
	}
	n, err := strconv.Atoi(key)
	if err != nil || n <= 0 {
		return 0
	}
	return n
}

// linesSpan returns the span of a block's text lines.
func linesSpan(n gast.Node) (start, end int) {
	l := n.Lines()
	if l.Len() == 0 {
		return 0, 0
	}
	return l.At(0).Start, l.At(l.Len() - 1).Stop
}

// nodeEnd is the end of the last text line of a block and its children.
func nodeEnd(n gast.Node) int {
	end := 0
	if n.Type() == gast.TypeBlock {
		if l := n.Lines(); l.Len() > 0 {
			end = l.At(l.Len() - 1).Stop
		}
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if ch.Type() == gast.TypeBlock {
			end = max(end, nodeEnd(ch))
		}
	}
	return end
}

func trimEnd(src []byte, start, end int) int {
	for end > start && (src[end-1] == ' ' || src[end-1] == '\t' || src[end-1] == '\n' || src[end-1] == '\r') {
		end--
	}
	return end
}
