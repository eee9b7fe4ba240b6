package prose

import (
	"bytes"
	"unicode/utf8"
)

// Label is what a body sentence does.
type Label string

// The sentence labels.
const (
	// LabelClaim asserts a fact or an effect and should carry evidence.
	LabelClaim Label = "claim"
	// LabelSummary restates the section ("Key takeaway: ...") or is an item
	// of the declared-benefits list; it is covered by its section.
	LabelSummary Label = "summary"
	// LabelAnecdote is first-person experience or opinion.
	LabelAnecdote Label = "anecdote"
	// LabelQuestion asks.
	LabelQuestion Label = "question"
	// LabelOther is everything else: instructions, calls to action,
	// captions, links, jokes, transitions.
	LabelOther Label = "other"
)

// Status is how a claim is backed, or whether a summary is covered.
type Status string

// The statuses. Claims get cited, supported or uncited; summaries covered or
// uncovered; other labels none.
const (
	StatusNone      Status = ""
	StatusCited     Status = "cited"     // the sentence carries a marker
	StatusSupported Status = "supported" // a later sentence of its paragraph does
	StatusUncited   Status = "uncited"
	StatusCovered   Status = "covered"   // summary whose section cites something
	StatusUncovered Status = "uncovered" // summary whose section cites nothing
)

// The cue recorded for claims that are claims only because they cite.
const cueMarker = "(cited)"

// classification is the verdict on one sentence.
type classification struct {
	label     Label
	cue       string
	noise     bool // call to action, caption or link: not prose
	year      int
	studyKind string
}

// kindRank orders evidence kinds, strongest first, for choosing which kind
// a sentence claims when it names several.
var kindRank = map[string]int{
	"meta-analysis": 0, "systematic-review": 1, "randomized-trial": 2,
	"trial": 3, "observational": 4, "review": 5, "guideline": 6,
	"animal-study": 7,
}

// classify labels the sentence src[start:core]; core excludes the trailing
// citation markers. hasMarker says whether the sentence carries any.
func classify(src []byte, start, core int, toks []token, hasMarker bool, m *matcher) classification {
	var c classification
	if len(toks) == 0 {
		c.label = LabelOther
		c.noise = true
		return c
	}
	var hits [numCategories]hit
	c.studyKind = scanHits(toks, m, &hits)
	cueText := func(cat category) string {
		h := hits[cat]
		return string(bytes.ReplaceAll(src[toks[h.pos].start:toks[h.pos+h.n-1].end], []byte("\u00ad"), nil))
	}
	c.year = namedYear(toks, m)

	if reason := noise(src, start, core, toks, m); reason != "" {
		c.label, c.cue, c.noise = LabelOther, reason, true
		return c
	}
	last := lastRune(src, start, core)
	if last == '?' {
		c.label = LabelQuestion
		return c
	}
	if hits[catSummary].set && hits[catSummary].pos == 0 {
		c.label, c.cue = LabelSummary, cueText(catSummary)
		return c
	}
	if !hasMarker {
		if pos, n := firstPerson(toks, m); pos >= 0 {
			c.label = LabelAnecdote
			c.cue = string(src[toks[pos].start:toks[pos+n-1].end])
			return c
		}
	}
	if last == ':' {
		// A lead-in ("Studies point to three mechanisms:") announces the
		// list that follows; the list items carry the claims.
		c.label, c.cue = LabelOther, "lead-in"
		return c
	}
	if hits[catImperative].set && hits[catImperative].pos == 0 && transition(toks[0].low) {
		// "Let's look at the evidence" announces evidence, it gives none.
		c.label, c.cue = LabelOther, "transition"
		return c
	}
	if hits[catResearch].set {
		c.label, c.cue = LabelClaim, cueText(catResearch)
		return c
	}
	if hits[catImperative].set && hits[catImperative].pos == 0 {
		c.label, c.cue = LabelOther, "instruction"
		return c
	}
	// Of an effect verb and a comparison, quote the one that comes first
	// (the longer on a tie): "more effective" reads better than "effective".
	e, k := hits[catEffect], hits[catComparison]
	switch {
	case e.set && (!k.set || e.pos < k.pos || e.pos == k.pos && e.n >= k.n):
		c.label, c.cue = LabelClaim, cueText(catEffect)
		return c
	case k.set:
		c.label, c.cue = LabelClaim, cueText(catComparison)
		return c
	}
	if a, b := comparative(toks); a >= 0 {
		c.label, c.cue = LabelClaim, string(src[toks[a].start:toks[b].end])
		return c
	}
	if q := quantity(toks, m); q >= 0 {
		c.label, c.cue = LabelClaim, string(src[toks[q].start:toks[q+1].end])
		return c
	}
	if hasMarker {
		c.label, c.cue = LabelClaim, cueMarker
		return c
	}
	c.label = LabelOther
	return c
}

// hit is the first match of a cue category in a sentence.
type hit struct {
	pos, n int
	set    bool
}

// scanHits records the first match of each category in one pass over the
// tokens and returns the strongest study design named.
func scanHits(toks []token, m *matcher, hits *[numCategories]hit) (studyKind string) {
	kindBest := -1
	for i := range toks {
		for pi := range m.index[toks[i].stem] {
			p := &m.index[toks[i].stem][pi]
			if !p.matchAt(toks, i) {
				continue
			}
			if p.cat == catKind {
				if r, ok := kindRank[p.kind]; ok && (kindBest < 0 || r < kindBest) {
					kindBest, studyKind = r, p.kind
				} else if !ok && studyKind == "" {
					studyKind = p.kind
				}
				continue
			}
			if h := &hits[p.cat]; !h.set {
				h.pos, h.n, h.set = i, len(p.stems), true
			}
		}
	}
	return studyKind
}

// noise reports why a sentence is not prose at all: a link line, a call to
// action or a figure caption. Such sentences neither count as claims nor
// make a heading above them a section.
func noise(src []byte, start, end int, toks []token, m *matcher) string {
	text := src[start:end]
	if bytes.HasPrefix(text, []byte(">>")) || bytes.HasPrefix(text, []byte("→")) ||
		bytes.HasPrefix(text, []byte("»")) || bytes.Contains(text, []byte("http://")) ||
		bytes.Contains(text, []byte("https://")) || bytes.Contains(text, []byte("www.")) {
		return "link"
	}
	for i := range toks {
		for pi := range m.index[toks[i].stem] {
			p := &m.index[toks[i].stem][pi]
			if p.cat == catCTA && p.matchAt(toks, i) {
				return "call to action"
			}
			if p.cat == catImperative && i == 0 && p.matchAt(toks, i) && isCTAVerb(toks[0].low) {
				return "call to action"
			}
		}
		if i < 8 && m.captionNoun[toks[i].stem] {
			if i+1 < len(toks) {
				switch toks[i+1].stem {
				case "of", "show", "illustrat", "depict", "describ":
					return "caption"
				}
				if i == 0 && toks[1].number {
					return "caption"
				}
			}
		}
	}
	return ""
}

// transition reports whether an opening imperative only leads the reader on.
func transition(w string) bool {
	switch w {
	case "let's", "let", "here's", "here", "imagine":
		return true
	}
	return false
}

// isCTAVerb is the part of Imperative that is promotion whatever follows.
func isCTAVerb(w string) bool {
	switch w {
	case "download", "subscribe", "join", "click", "buy", "order", "register", "sign", "grab":
		return true
	}
	return false
}

// firstPerson finds a first-person cue outside quotation marks and returns
// its token position and length, or -1. "Type I diabetes" is not a person.
func firstPerson(toks []token, m *matcher) (pos, n int) {
	for i := range toks {
		if toks[i].quoted {
			continue
		}
		for pi := range m.index[toks[i].stem] {
			p := &m.index[toks[i].stem][pi]
			if p.cat != catAnecdote || !p.matchAt(toks, i) {
				continue
			}
			if toks[i].low == "i" && i > 0 {
				switch toks[i-1].low {
				case "type", "phase", "grade", "class", "stage", "level", "part":
					continue
				}
			}
			return i, len(p.stems)
		}
	}
	return -1, 0
}

// comparative finds "more/less/fewer X than" and "-er than" with up to
// three words between, the comparison shape a fixed phrase list misses
// ("more iron than spinach"). It returns the span of tokens, or -1.
func comparative(toks []token) (from, to int) {
	for i := range toks {
		switch toks[i].low {
		case "more", "less", "fewer", "mehr", "weniger":
		default:
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			if toks[k].low == "than" || toks[k].low == "als" {
				return i, k
			}
		}
	}
	return -1, -1
}

// quantity returns the position of a number followed by a unit ("40 %",
// "3 times", "2-fold"), or -1.
func quantity(toks []token, m *matcher) int {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].number && m.units[toks[i+1].stem] {
			return i
		}
	}
	return -1
}

// namedYear returns a year the sentence gives its evidence: "a 2024
// meta-analysis", "the 2019 study", "Smith et al. (2019)". Other years
// ("since 2019", "by 2030") are not about a source and are ignored.
func namedYear(toks []token, m *matcher) int {
	for i := range toks {
		t := &toks[i]
		if !t.number || len(t.low) != 4 {
			continue
		}
		y := 0
		for _, c := range []byte(t.low) {
			if c < '0' || c > '9' {
				y = -1
				break
			}
			y = y*10 + int(c-'0')
		}
		if y < 1900 || y > 2099 {
			continue
		}
		if i >= 1 && toks[i-1].low == "al" {
			return y
		}
		for k := i + 1; k < len(toks) && k <= i+3; k++ {
			if m.studyNouns[toks[k].stem] {
				return y
			}
		}
	}
	return 0
}

// lastRune returns the last character of the sentence text, looking through
// closing quotes and brackets: `“Does it work?”` ends in '?'.
func lastRune(src []byte, start, end int) rune {
	for end > start {
		r, size := utf8.DecodeLastRune(src[start:end])
		switch r {
		case '"', '\'', ')', ']', '”', '’', '»', ' ', '\t', '\n', '\r', '\u00a0':
			end -= size
			continue
		}
		return r
	}
	return 0
}
