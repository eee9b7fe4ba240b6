package prose

import (
	"bytes"
	"slices"
	"sort"
	"strings"
)

// Marker is an in-text citation marker already found by the caller.
type Marker struct{ Start, End, Number int }

// RefInfo is what is known of one reference-list entry.
type RefInfo struct {
	// Evidence is the entry's evidence kind: meta-analysis,
	// systematic-review, randomized-trial, trial, observational, review,
	// animal-study, protocol, guideline, book, web-page or unknown.
	Evidence string
	// Year of publication, 0 when unknown.
	Year int
}

// Input is one article body to analyse. All offsets are byte offsets into
// Src; spans are half-open.
type Input struct {
	Src        []byte
	Start, End int // the body: the caller passes 0 .. start of the reference list
	// Blocks is explicit structure from a Markdown or HTML parser; nil
	// derives it from plain text.
	Blocks []Block
	// Markers are sorted by Start.
	Markers []Marker
	// Refs maps an entry number to what is known of the entry.
	Refs map[int]RefInfo
	// Cues extends the default cue table; nil uses the defaults.
	Cues *Cues
}

// Result is the coverage analysis of one article.
type Result struct {
	Sections  []*Section `json:"sections"`
	Benefits  []Benefit  `json:"benefits"`
	Sentences []Sentence `json:"-"`

	src []byte
}

// Section is a heading and the text under it. Claim counts and Uncited
// cover the section's own text; References and Evidence include its
// sub-sections, since a parent is argued by its children's sources.
type Section struct {
	Title           string         `json:"title"`
	Start           int            `json:"-"` // heading span
	End             int            `json:"-"`
	Line            int            `json:"line"` // filled by the caller
	Level           int            `json:"level"`
	Claims          int            `json:"claims"`
	CitedClaims     int            `json:"cited_claims"`
	SupportedClaims int            `json:"supported_claims"`
	Uncited         []SentenceRef  `json:"uncited_claims"`
	References      []int          `json:"references"`
	Evidence        map[string]int `json:"evidence"`
	Children        []*Section     `json:"children,omitempty"`
	BodyStart       int            `json:"-"` // after the heading to the next heading of the same or a higher level
	BodyEnd         int            `json:"-"`

	ownEnd int // start of the next heading of any level
}

// SentenceRef points at one sentence for a report.
type SentenceRef struct {
	Start  int    `json:"-"`
	End    int    `json:"-"`
	Line   int    `json:"line"`   // filled by the caller
	Column int    `json:"column"` // filled by the caller
	Text   string `json:"text"`
}

// Benefit is one item of the declared-benefits list and the section that
// argues it.
type Benefit struct {
	Text    string  `json:"text"`
	Start   int     `json:"-"`
	End     int     `json:"-"`
	Line    int     `json:"line"`    // filled by the caller
	Section *string `json:"section"` // title; null when no section argues it

	section *Section
}

// Sentence is one body sentence and its classification.
type Sentence struct {
	Start, End int
	Label      Label
	// Cue is the text that decided the label: for a claim, the research
	// word, effect verb, comparison or quantity (or "(cited)" when only the
	// marker made it one); for a summary, its opener; for an anecdote, the
	// first-person word; for other sentences the reason ("call to action",
	// "caption", "link", "instruction", "lead-in") or empty.
	Cue     string
	Status  Status
	Markers []int // entry numbers the sentence cites, in order
	Section *Section
	// Year is a year the sentence names for its evidence ("a 2024
	// meta-analysis"); 0 when none.
	Year int
	// StudyKind is the strongest study design the sentence names
	// ("meta-analysis", "randomized-trial", ...); empty when none.
	StudyKind string

	block int  // index of the block holding the sentence
	noise bool // call to action, caption or link
}

// skipped marks a block that is neither a section nor body text: an
// article title with nothing of its own under it.
const skipped BlockKind = -1

// block is a Block with what the analysis learns about it.
type block struct {
	kind     BlockKind
	level    int
	start    int
	end      int
	fallback BlockKind // kind when a heading is demoted to body text
	prose    bool      // holds a sentence that is not noise
	benefit  bool      // item of the declared-benefits list
	lead     bool      // lead statement of that list, not a benefit
}

// Analyze finds the article's sections, classifies its sentences, decides
// which claims are backed, and maps the declared benefits to sections.
func Analyze(in Input) *Result {
	start, end := max(in.Start, 0), min(in.End, len(in.Src))
	if in.End == 0 && in.Start == 0 {
		end = len(in.Src)
	}
	r := &Result{src: in.Src, Sections: []*Section{}, Benefits: []Benefit{}}
	if start >= end {
		return r
	}
	m := matcherFor(in.Cues)
	src := in.Src
	var blocks []block
	if in.Blocks == nil {
		blocks = deriveBlocks(src, skipBOM(src, start, end), end, in.Markers, m)
	} else {
		blocks = explicitBlocks(src, in.Blocks, start, end)
	}

	r.Sentences = sentencesOf(src, blocks, in.Markers, m)
	for _, s := range r.Sentences {
		if !s.noise {
			blocks[s.block].prose = true
		}
	}
	demoteEmptyHeadings(src, blocks, in.Markers, m, r)
	decideLevels(src, blocks, m, in.Blocks == nil)
	r.Sections = buildSections(src, blocks, start, end, r)
	findBenefits(src, blocks, m, r)
	backClaims(r, blocks)
	sectionStats(r, in.Markers, in.Refs)
	mapBenefits(src, m, r)
	return r
}

func skipBOM(src []byte, start, end int) int {
	if bytes.HasPrefix(src[start:end], []byte("\ufeff")) {
		return start + 3
	}
	return start
}

// sentencesOf splits and classifies the sentences of every body block.
func sentencesOf(src []byte, blocks []block, markers []Marker, m *matcher) []Sentence {
	var out []Sentence
	var spans []Span
	var toks []token
	for bi := range blocks {
		b := &blocks[bi]
		if b.kind == Heading || b.kind == skipped {
			continue
		}
		k := firstMarker(markers, b.start)
		h := k
		for h < len(markers) && markers[h].Start < b.end {
			h++
		}
		mk := markers[k:h]
		spans = splitSentences(src, b.start, b.end, mk, m, spans[:0])
		mi := 0
		for _, sp := range spans {
			s := Sentence{Start: sp.Start, End: sp.End, block: bi}
			for mi < len(mk) && mk[mi].End <= sp.Start {
				mi++
			}
			first := mi
			for mi < len(mk) && mk[mi].Start < sp.End {
				s.Markers = append(s.Markers, mk[mi].Number)
				mi++
			}
			core := coreEnd(src, sp.Start, sp.End, mk[first:mi])
			toks = tokenize(src, sp.Start, core, mk[first:mi], toks[:0])
			c := classify(src, sp.Start, core, toks, len(s.Markers) > 0, m)
			s.Label, s.Cue, s.noise = c.label, c.cue, c.noise
			s.Year, s.StudyKind = c.year, c.studyKind
			out = append(out, s)
		}
	}
	return out
}

// coreEnd is the end of the sentence without its trailing markers.
func coreEnd(src []byte, start, end int, mk []Marker) int {
	for _, m := range slices.Backward(mk) {
		if m.End != end {
			break
		}
		end = m.Start
		for end > start && (src[end-1] == ' ' || src[end-1] == ',' || src[end-1] == '\t') {
			end--
		}
	}
	return end
}

// demoteEmptyHeadings turns headings with no prose under them back into
// body text: a call to action, a caption or a "Read more" line that looked
// like a title must not open a section and split the evidence of the one
// it sits in. A heading whose next heading is deeper keeps its place, since
// it has children (an FAQ heading over its questions).
func demoteEmptyHeadings(src []byte, blocks []block, markers []Marker, m *matcher, r *Result) {
	next := -1 // index of the next surviving heading
	prose := false
	var demoted []Sentence
	for bi := len(blocks) - 1; bi >= 0; bi-- {
		b := &blocks[bi]
		if b.kind != Heading {
			prose = prose || b.prose
			continue
		}
		keep := prose
		if !keep && next >= 0 && blocks[next].level > 0 && b.level > 0 && blocks[next].level > b.level {
			keep = true
		}
		if !keep && next >= 0 && b.level == 0 && isFAQ(src, b, m) {
			keep = true
		}
		if !keep && bi == 0 && blocks[bi].fallback == Paragraph {
			// The article title: not body text, and with nothing under it
			// not a section either.
			b.kind = skipped
			continue
		}
		if !keep {
			b.kind = b.fallback
			demoted = append(demoted, classifyBlock(src, bi, b, markers, m)...)
			prose = prose || b.prose
			continue
		}
		next = bi
		prose = false
	}
	if len(demoted) > 0 {
		// One merge at the end keeps many demotions linear.
		r.Sentences = append(r.Sentences, demoted...)
		sort.SliceStable(r.Sentences, func(i, j int) bool { return r.Sentences[i].Start < r.Sentences[j].Start })
	}
}

// classifyBlock splits and classifies one block that became body text.
func classifyBlock(src []byte, bi int, b *block, markers []Marker, m *matcher) []Sentence {
	one := []block{*b}
	ss := sentencesOf(src, one, markers, m)
	for k := range ss {
		ss[k].block = bi
		if !ss[k].noise {
			b.prose = true
		}
	}
	return ss
}

func isFAQ(src []byte, b *block, m *matcher) bool {
	toks := tokenize(src, b.start, b.end, nil, nil)
	for i := range toks {
		for _, p := range m.faq {
			if matchStems(toks, i, p) {
				return true
			}
		}
	}
	return false
}

func matchStems(toks []token, i int, stems []string) bool {
	if len(stems) == 0 || i+len(stems) > len(toks) {
		return false
	}
	for k, s := range stems {
		if toks[i+k].stem != s {
			return false
		}
	}
	return true
}

// decideLevels gives plain-text headings a level from context: the first
// block of the body is the title (1), other headings are 2, and
// question-shaped headings after an FAQ heading are its children (3) until
// a heading that is not a question. Explicit levels are kept.
func decideLevels(src []byte, blocks []block, m *matcher, plain bool) {
	faqLevel := 0
	first := true
	for bi := range blocks {
		b := &blocks[bi]
		if b.kind != Heading {
			if b.prose || b.kind == skipped {
				first = false
			}
			continue
		}
		question := lastRune(src, b.start, b.end) == '?'
		if b.level == 0 {
			switch {
			case first && plain:
				b.level = 1
			case faqLevel > 0 && question:
				b.level = faqLevel + 1
			default:
				b.level = 2
			}
		}
		first = false
		switch {
		case isFAQ(src, b, m):
			faqLevel = b.level
		case !question || b.level <= faqLevel:
			faqLevel = 0
		}
	}
}

// buildSections makes the section tree from the surviving headings. A lone
// top-level heading at the very start is the article's title: its section
// holds the introduction only, and the headings after it become top-level
// sections instead of its children, so that the report lists the argued
// sections rather than one root. Prose before the first heading gets an
// "(introduction)" section.
func buildSections(src []byte, blocks []block, start, end int, r *Result) []*Section {
	var heads []int
	for bi := range blocks {
		if blocks[bi].kind == Heading {
			heads = append(heads, bi)
		}
	}
	var all []*Section
	introProse := false
	for bi := range blocks {
		if blocks[bi].kind == Heading {
			break
		}
		introProse = introProse || blocks[bi].prose
	}
	if introProse {
		all = append(all, &Section{Title: "(introduction)", Start: start, End: start, BodyStart: start})
	}
	for _, bi := range heads {
		b := &blocks[bi]
		all = append(all, &Section{
			Title:     headingText(src, b.start, b.end),
			Start:     b.start,
			End:       b.end,
			Level:     b.level,
			BodyStart: b.end,
		})
	}
	for k, s := range all {
		s.ownEnd = end
		if k+1 < len(all) {
			s.ownEnd = all[k+1].Start
		}
		s.BodyEnd = end
		for n := k + 1; n < len(all); n++ {
			if all[n].Level <= s.Level {
				s.BodyEnd = all[n].Start
				break
			}
		}
	}
	// The title: first heading, at the start, strictly shallower than all
	// the others.
	titled := false
	if len(heads) > 0 && !introProse {
		t := all[0]
		titled = true
		for _, s := range all[1:] {
			if s.Level <= t.Level {
				titled = false
				break
			}
		}
		if titled {
			t.BodyEnd = t.ownEnd
		}
	}
	lone := titled || introProse // all[0] has no children
	if introProse {
		all[0].BodyEnd = all[0].ownEnd
	}
	var roots []*Section
	var stack []*Section
	for k, s := range all {
		if k == 0 && lone {
			roots = append(roots, s)
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].Level >= s.Level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			roots = append(roots, s)
		} else {
			p := stack[len(stack)-1]
			p.Children = append(p.Children, s)
		}
		stack = append(stack, s)
	}
	// Each sentence belongs to the innermost section around it.
	k := 0
	for i := range r.Sentences {
		s := &r.Sentences[i]
		for k+1 < len(all) && all[k+1].Start <= s.Start {
			k++
		}
		if len(all) > 0 && all[k].Start <= s.Start {
			s.Section = all[k]
		}
	}
	return roots
}

// headingText is the heading's text on one line, without soft hyphens and
// a trailing colon.
func headingText(src []byte, start, end int) string {
	t := normalize(src[start:end])
	return strings.TrimRight(t, ":")
}

// normalize collapses blanks and drops soft hyphens, for report text.
func normalize(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	space := false
	for i := 0; i < len(b); {
		if size := spaceSize(b, i, len(b)); size > 0 {
			if size != 2 || b[i] != 0xC2 || b[i+1] != 0xAD {
				space = true
			}
			i += size
			continue
		}
		if space && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		space = false
		sb.WriteByte(b[i])
		i++
	}
	return sb.String()
}

// Text returns the normalised text of src[start:end] of the analysed source.
func (r *Result) Text(start, end int) string {
	if start < 0 || end > len(r.src) || start >= end {
		return ""
	}
	return normalize(r.src[start:end])
}

// backClaims decides, paragraph by paragraph, whether each claim is cited
// (its sentence carries a marker), supported (a later sentence of the same
// block does) or uncited. Walking each block backwards makes it one pass.
func backClaims(r *Result, blocks []block) {
	ss := r.Sentences
	for i := len(ss) - 1; i >= 0; {
		j := i
		later := false
		for j >= 0 && ss[j].block == ss[i].block {
			s := &ss[j]
			if blocks[s.block].benefit && s.Label != LabelQuestion {
				s.Label, s.Cue = LabelSummary, "declared benefit"
			}
			if s.Label == LabelClaim {
				switch {
				case len(s.Markers) > 0:
					s.Status = StatusCited
				case later:
					s.Status = StatusSupported
				default:
					s.Status = StatusUncited
				}
			}
			later = later || len(s.Markers) > 0
			j--
		}
		i = j
	}
}
