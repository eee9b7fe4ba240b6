// Package fix computes the safe repairs of an article's citations: it
// merges duplicate entries into the first copy and renumbers the reference
// list in order of first citation, rewriting every marker to match.
//
// A plan is a list of byte edits through the document's spans, so it works
// for any input format (text, Markdown, HTML): only marker groups and the
// reference list are ever touched, and no entry is removed unless it is a
// duplicate by the rules of lint.DuplicateReference.
//
// Plan refuses (with an *UnsafeError) when a fix would have to guess: when
// an entry number is printed twice for different works and markers cite
// it, or when a marker names no entry and renumbering would make it name
// one.
package fix

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reflint/reflint/lint"
)

// Edit replaces the source bytes [Start, End) with Text.
type Edit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// UnsafeError says why a document cannot be fixed without guessing. Plan
// returns no edits with it.
type UnsafeError struct {
	Reasons []string
}

func (e *UnsafeError) Error() string {
	return "cannot fix safely: " + strings.Join(e.Reasons, "; ")
}

// Plan computes the edits that merge each duplicate entry into its first
// copy and renumber the list in order of first citation, with every marker
// rewritten. It returns no edits when there is nothing to fix (or no
// reference list), and an *UnsafeError when the fix would have to guess.
// Edits are sorted by Start and never overlap.
//
// A plain-text document's fix is checked by parsing the fixed text again
// (see Options.Reparse); Plan is PlanWith with default options.
func Plan(d *lint.Document) ([]Edit, error) { return PlanWith(d, Options{}) }

// Options tune PlanWith.
type Options struct {
	// Reparse parses a fixed source the way the document was parsed. The
	// plan is kept only if the fixed source reads as intended: the same
	// marker groups citing the new numbers, and the list holding the kept
	// entries in their new order and numbering. Changing a printed number
	// can change how a parser reads a line (a continuation line that
	// starts with a number may become an entry), and such a fix is
	// refused. Nil means lint.ParseText for Format "text" and no check for
	// other formats.
	Reparse func(name string, src []byte) *lint.Document
}

// PlanWith is Plan with options.
func PlanWith(d *lint.Document, opts Options) ([]Edit, error) {
	if d == nil || d.List == nil || len(d.References) == 0 {
		return nil, nil
	}
	if !d.List.Numbered() {
		// An author-date list is ordered by author, and a list whose
		// numbers were lost has none to rewrite.
		return nil, &UnsafeError{Reasons: []string{"the reference list is not numbered"}}
	}
	p := newPlanner(d)
	if err := p.check(); err != nil {
		return nil, err
	}
	edits := append(p.markerEdits(), p.listEdits()...)
	slices.SortFunc(edits, func(a, b Edit) int { return a.Start - b.Start })
	for i := 1; i < len(edits); i++ {
		if edits[i].Start < edits[i-1].End {
			return nil, fmt.Errorf("internal error: overlapping edits at byte %d", edits[i].Start)
		}
	}
	reparse := opts.Reparse
	if reparse == nil && d.Format == "text" {
		reparse = func(name string, src []byte) *lint.Document { return lint.ParseText(name, src, lint.ParseOptions{}) }
	}
	if len(edits) > 0 && reparse != nil {
		if reason := p.verify(reparse(d.Name, Apply(d.Source, edits))); reason != "" {
			return nil, &UnsafeError{Reasons: []string{reason}}
		}
	}
	return edits, nil
}

// verify compares the parse of the fixed source with what the plan
// intends; it returns why they differ, or "".
func (p *planner) verify(d2 *lint.Document) string {
	const prefix = "the fixed file would read differently: "
	if len(d2.References) != len(p.order) {
		return prefix + fmt.Sprintf("its list would have %d entries instead of %d", len(d2.References), len(p.order))
	}
	for k, i := range p.order {
		r := d2.References[k]
		if r.Number != p.base+k || r.Text != p.refs[i].Text {
			return prefix + fmt.Sprintf("entry #%d at line %d would not be %q", p.base+k, d2.Position(r.Span.Start).Line, p.refs[i].Text)
		}
	}
	if len(d2.Groups) != len(p.expected) {
		return prefix + fmt.Sprintf("it would have %d marker groups instead of %d", len(d2.Groups), len(p.expected))
	}
	for i, g := range d2.Groups {
		if !slices.Equal(expand(g), p.expected[i]) {
			return prefix + fmt.Sprintf("the marker %q at line %d would not cite %v", d2.Text(g.Span), d2.Position(g.Span.Start).Line, p.expected[i])
		}
	}
	return ""
}

// planner holds what Plan works out about a document.
type planner struct {
	d    *lint.Document
	refs []lint.Reference
	// root[i] is the index of the entry that entry i is merged into (i
	// itself for an entry that stays).
	root []int
	// byNumber lists the entries printed with each number.
	byNumber map[int][]int
	// order is the kept entries in their new list order.
	order []int
	// newNumber[i] is entry i's number after the fix (its root's number
	// for a merged entry).
	newNumber []int
	base      int
	// expected[i] is what group i cites after the fix.
	expected [][]int
}

func newPlanner(d *lint.Document) *planner {
	p := &planner{d: d, refs: d.References, byNumber: map[int][]int{}}
	n := len(p.refs)
	p.root = make([]int, n)
	byStart := make(map[int]int, n)
	p.base = p.refs[0].Number
	for i, r := range p.refs {
		p.root[i] = i
		byStart[r.Span.Start] = i
		p.byNumber[r.Number] = append(p.byNumber[r.Number], i)
		p.base = min(p.base, r.Number)
	}
	// The duplicate-reference rule reports each duplicate against the
	// first earlier entry it matches: the finding spans the duplicate's
	// first line, its related location the first copy's.
	for _, f := range lint.Run(d, []*lint.Rule{lint.DuplicateReference}) {
		if len(f.Related) == 0 {
			continue
		}
		j, ok1 := byStart[f.Span.Start]
		i, ok2 := byStart[f.Related[0].Span.Start]
		if ok1 && ok2 && i < j {
			p.root[j] = i
		}
	}
	for j := range p.root { // roots point backwards: one pass resolves chains
		p.root[j] = p.root[p.root[j]]
	}
	p.order = p.newOrder()
	p.newNumber = make([]int, n)
	for k, i := range p.order {
		p.newNumber[i] = p.base + k
	}
	for j := range p.refs {
		p.newNumber[j] = p.newNumber[p.root[j]]
	}
	return p
}

// resolve returns the entry a cited number names (its root), and whether
// it names exactly one work.
func (p *planner) resolve(n int) (entry int, ok, ambiguous bool) {
	idx := p.byNumber[n]
	if len(idx) == 0 {
		return -1, false, false
	}
	r := p.root[idx[0]]
	for _, k := range idx[1:] {
		if p.root[k] != r {
			return r, true, true
		}
	}
	return r, true, false
}

// newOrder puts the cited entries in order of first citation and every
// uncited entry right after the entry it followed in the list, so that a
// list already in order keeps its layout.
func (p *planner) newOrder() []int {
	var cited []int
	seen := make([]bool, len(p.refs))
	for _, m := range p.d.Markers {
		if r, ok, _ := p.resolve(m.Number); ok && !seen[r] {
			seen[r] = true
			cited = append(cited, r)
		}
	}
	after := map[int][]int{}
	var front []int
	prev := -1
	for i := range p.refs {
		if p.root[i] != i {
			continue
		}
		if !seen[i] {
			if prev < 0 {
				front = append(front, i)
			} else {
				after[prev] = append(after[prev], i)
			}
		}
		prev = i
	}
	var out []int
	var emit func(int)
	emit = func(i int) {
		out = append(out, i)
		for _, u := range after[i] {
			emit(u)
		}
	}
	for _, u := range front {
		emit(u)
	}
	for _, c := range cited {
		emit(c)
	}
	return out
}

// check refuses fixes that would have to guess.
func (p *planner) check() error {
	var reasons []string
	reported := map[int]bool{}
	top := p.base + len(p.order) - 1
	for _, m := range p.d.Markers {
		if reported[m.Number] {
			continue
		}
		_, ok, ambiguous := p.resolve(m.Number)
		pos := p.d.Position(m.Span.Start)
		switch {
		case ambiguous:
			reasons = append(reasons, fmt.Sprintf("entry number %d is printed for %d different works and cited at line %d; say which one is meant",
				m.Number, len(p.byNumber[m.Number]), pos.Line))
		case !ok && m.Number >= p.base && m.Number <= top:
			reasons = append(reasons, fmt.Sprintf("marker %d at line %d has no entry, and after renumbering #%d would name another work; fix that marker first",
				m.Number, pos.Line, m.Number))
		default:
			continue
		}
		reported[m.Number] = true
	}
	if len(reasons) > 0 {
		return &UnsafeError{Reasons: reasons}
	}
	return nil
}

// mapNumber returns the number a marker's n becomes; numbers without an
// entry stay as they are.
func (p *planner) mapNumber(n int) int {
	if r, ok, _ := p.resolve(n); ok {
		return p.newNumber[r]
	}
	return n
}

// listEdits renumbers the entries, moves them into their new order and
// removes the merged duplicates. Each kept entry's slot in the list
// receives the entry that now belongs there; the text between entries
// (line breaks, indentation, bullets) stays where it is.
func (p *planner) listEdits() []Edit {
	var out []Edit
	src := p.d.Source
	k := 0
	for i, r := range p.refs {
		if p.root[i] != i {
			// Remove the entry with the line break before it; entry 0 is
			// never a duplicate, so there is always an entry before.
			out = append(out, Edit{Start: p.refs[i-1].Span.End, End: r.Span.End})
			continue
		}
		want := p.order[k]
		num := p.base + k
		k++
		if want == i {
			if text := renderEntryNumber(src, r.NumberSpan, num); r.NumberSpan.Len() > 0 && text != string(src[r.NumberSpan.Start:r.NumberSpan.End]) {
				out = append(out, Edit{Start: r.NumberSpan.Start, End: r.NumberSpan.End, Text: text})
			}
			continue
		}
		w := p.refs[want]
		text := string(src[w.Span.Start:w.Span.End])
		if w.NumberSpan.Len() > 0 {
			text = string(src[w.Span.Start:w.NumberSpan.Start]) + renderEntryNumber(src, w.NumberSpan, num) + string(src[w.NumberSpan.End:w.Span.End])
		}
		out = append(out, Edit{Start: r.Span.Start, End: r.Span.End, Text: text})
	}
	return out
}

// renderEntryNumber returns the text of an entry's number span with the
// number changed to n. A printed number keeps its form (Unicode
// superscripts or ASCII digits); in markup whose number comes from the
// entry's position (an HTML <li> tag) only a value attribute is changed,
// and ids and other attributes are kept, so that links to the entry still
// reach it.
func renderEntryNumber(src []byte, old lint.Span, n int) string {
	text := string(src[old.Start:old.End])
	if text != "" && strings.TrimFunc(text, isAnyDigit) == "" {
		if r, _ := utf8.DecodeRuneInString(text); superValue(r) >= 0 {
			return toSuper(strconv.Itoa(n))
		}
		return strconv.Itoa(n)
	}
	if m := valueAttr.FindStringSubmatchIndex(text); m != nil {
		return text[:m[2]] + strconv.Itoa(n) + text[m[3]:]
	}
	return text
}

// valueAttr finds the value attribute of an HTML list item.
var valueAttr = regexp.MustCompile(`(?i)\svalue\s*=\s*["']?\s*(\d+)`)

// markerEdits rewrites every marker group whose numbers change.
func (p *planner) markerEdits() []Edit {
	st := newDocStyle(p.d)
	var out []Edit
	for _, g := range p.d.Groups {
		if len(g.Items) == 0 {
			p.expected = append(p.expected, nil)
			continue
		}
		old := expand(g)
		nums := make([]int, len(old))
		changed := false
		for i, n := range old {
			nums[i] = p.mapNumber(n)
			changed = changed || nums[i] != n
		}
		if !changed {
			p.expected = append(p.expected, old)
			continue
		}
		slices.Sort(nums)
		nums = slices.Compact(nums)
		p.expected = append(p.expected, nums)
		text := st.render(p.d.Source, g, nums)
		if text != string(p.d.Source[g.Span.Start:g.Span.End]) {
			out = append(out, Edit{Start: g.Span.Start, End: g.Span.End, Text: text})
		}
	}
	return out
}

// maxRange mirrors lint's bound on range expansion: longer ranges cite
// their ends only.
const maxRange = 200

// expand lists the numbers a group cites, as lint reads them.
func expand(g lint.MarkerGroup) []int {
	var out []int
	for _, it := range g.Items {
		lo, hi := min(it.From, it.To), max(it.From, it.To)
		if hi-lo > maxRange {
			out = append(out, lo, hi)
			continue
		}
		for n := lo; n <= hi; n++ {
			out = append(out, n)
		}
	}
	return out
}

// docStyle is how the article writes its marker groups, per style: the
// most common separator between numbers, the range dash and whether it
// uses ranges at all.
type docStyle struct {
	sep    map[lint.MarkerStyle]string
	dash   map[lint.MarkerStyle]string
	ranges map[lint.MarkerStyle]bool
}

func newDocStyle(d *lint.Document) docStyle {
	st := docStyle{sep: map[lint.MarkerStyle]string{}, dash: map[lint.MarkerStyle]string{}, ranges: map[lint.MarkerStyle]bool{}}
	seps := map[lint.MarkerStyle]map[string]int{}
	dashes := map[lint.MarkerStyle]map[string]int{}
	count := func(m map[lint.MarkerStyle]map[string]int, s lint.MarkerStyle, v string) {
		if m[s] == nil {
			m[s] = map[string]int{}
		}
		m[s][v]++
	}
	for _, g := range d.Groups {
		for i, it := range g.Items {
			if i > 0 {
				count(seps, g.Style, string(d.Source[g.Items[i-1].Span.End:it.Span.Start]))
			}
			if it.From != it.To {
				st.ranges[g.Style] = true
				if dash := itemDash(d.Source, it); dash != "" {
					count(dashes, g.Style, dash)
				}
			}
		}
	}
	for s, m := range seps {
		st.sep[s] = mostCommon(m)
	}
	for s, m := range dashes {
		st.dash[s] = mostCommon(m)
	}
	return st
}

func mostCommon(m map[string]int) string {
	best, n := "", 0
	for v, c := range m {
		if c > n || c == n && v < best {
			best, n = v, c
		}
	}
	return best
}

// itemDash returns the text between a range's two numbers ("–", " - ",
// "⁻").
func itemDash(src []byte, it lint.GroupItem) string {
	s := string(src[it.Span.Start:it.Span.End])
	s = strings.TrimLeftFunc(s, isAnyDigit)
	s = strings.TrimRightFunc(s, isAnyDigit)
	return s
}

func isAnyDigit(r rune) bool { return r >= '0' && r <= '9' || superValue(r) >= 0 }

// render prints the numbers of a group in the group's own style: its
// brackets, its separator and its dash, superscript digits for a
// superscript group. Runs of three or more consecutive numbers become
// ranges when the article writes ranges in that style; a flattened group
// gets a range only where it wrote one itself.
func (st docStyle) render(src []byte, g lint.MarkerGroup, nums []int) string {
	first, last := g.Items[0], g.Items[len(g.Items)-1]
	open := string(src[g.Span.Start:first.Span.Start])
	closing := string(src[last.Span.End:g.Span.End])
	super := g.Style == lint.StyleSuperscript

	sep := ""
	if len(g.Items) > 1 {
		sep = string(src[first.Span.End:g.Items[1].Span.Start])
	}
	if sep == "" {
		sep = st.sep[g.Style]
	}
	switch {
	case sep == "" && g.Style == lint.StyleBracket:
		sep = ", "
	case sep == "":
		sep = ","
	case g.Style == lint.StyleFlattened && strings.TrimSpace(sep) == "" && len(g.Items) == 1 && !endsCitation(src, g.Span.End):
		// A spaced group must end where a citation ends to be read as
		// one; a single number before lower-case text gets commas.
		sep = ","
	}
	dash := ""
	for _, it := range g.Items {
		if it.From != it.To {
			dash = itemDash(src, it)
			break
		}
	}
	if dash == "" {
		dash = st.dash[g.Style]
	}
	if dash == "" {
		dash = "–"
		if super {
			dash = "⁻"
		}
	}
	// Flattened groups keep their own form ("3 4 5" stays spaced) and
	// use a range only where they wrote one.
	ranges := st.ranges[g.Style]
	if g.Style == lint.StyleFlattened {
		ranges = hasRange(g)
	}

	var parts []string
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		if ranges && j-i >= 2 {
			parts = append(parts, strconv.Itoa(nums[i])+dash+strconv.Itoa(nums[j]))
			i = j + 1
			continue
		}
		parts = append(parts, strconv.Itoa(nums[i]))
		i++
	}
	for i, part := range parts {
		if i > 0 && sep == "," && !super && len(part) == 3 && g.Style == lint.StyleFlattened {
			// ",100" would read as a thousands separator.
			parts[i] = " " + part
		}
	}
	body := strings.Join(parts, sep)
	if super {
		body = toSuper(body)
	}
	return open + body + closing
}

// hasRange reports whether a group writes a range.
func hasRange(g lint.MarkerGroup) bool {
	for _, it := range g.Items {
		if it.From != it.To {
			return true
		}
	}
	return false
}

// endsCitation reports whether a flattened group ending at k is followed
// by what lint accepts after a spaced group: a line end, closing
// punctuation, or a word that is not lower case.
func endsCitation(src []byte, k int) bool {
	if k >= len(src) || src[k] == '\n' || src[k] == '\r' {
		return true
	}
	r, _ := utf8.DecodeRune(src[k:])
	if !unicode.IsSpace(r) {
		return strings.ContainsRune(",;:)”\"’", r)
	}
	j := k
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	if j >= len(src) || src[j] == '\n' || src[j] == '\r' {
		return true
	}
	r, _ = utf8.DecodeRune(src[j:])
	return !unicode.IsLower(r)
}

const superDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹"

// toSuper turns the ASCII digits and dashes of s into Unicode
// superscripts; other characters (separators) are kept.
func toSuper(s string) string {
	var b strings.Builder
	digits := []rune(superDigits)
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(digits[r-'0'])
		case r == '-':
			b.WriteRune('⁻')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func superValue(r rune) int {
	if i := strings.IndexRune(superDigits, r); i >= 0 {
		return utf8.RuneCountInString(superDigits[:i])
	}
	return -1
}

// Apply returns src with the edits applied. Edits may come in any order
// but must not overlap (Plan's never do); Apply panics if they do or if
// one lies outside src.
func Apply(src []byte, edits []Edit) []byte {
	sorted := slices.Clone(edits)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	var b bytes.Buffer
	b.Grow(len(src))
	last := 0
	for _, e := range sorted {
		if e.Start < last || e.End < e.Start || e.End > len(src) {
			panic(fmt.Sprintf("fix.Apply: edit [%d,%d) overlaps another or lies outside the %d-byte source", e.Start, e.End, len(src)))
		}
		b.Write(src[last:e.Start])
		b.WriteString(e.Text)
		last = e.End
	}
	b.Write(src[last:])
	return b.Bytes()
}
