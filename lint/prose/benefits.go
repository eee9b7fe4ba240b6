package prose

import (
	"math"
	"sort"
)

// findBenefits looks near the top of the article for a lead-in ("Key
// Points", "Benefits", "TL;DR", or a paragraph ending in ':' that names one)
// followed by a list, and records the list's items as the declared
// benefits. An item with deeper items under it, or an opening item that
// speaks of benefits in general ("X has numerous benefits, ..."), is the
// list's lead statement, not a benefit; items nested under a benefit are
// its sub-points.
func findBenefits(src []byte, blocks []block, m *matcher, r *Result) {
	if len(blocks) == 0 {
		return
	}
	bodyStart, bodyEnd := blocks[0].start, blocks[len(blocks)-1].end
	limit := bodyStart + (bodyEnd-bodyStart)/3
	for bi := 0; bi < len(blocks) && bi < 25; bi++ {
		b := &blocks[bi]
		if bi > 0 && b.start > limit {
			return
		}
		if b.kind == ListItem || bi+1 >= len(blocks) || blocks[bi+1].kind != ListItem {
			continue
		}
		if !leadIn(src, b, m) {
			continue
		}
		end := bi + 1
		for end < len(blocks) && blocks[end].kind == ListItem {
			end++
		}
		takeBenefits(src, blocks[bi+1:end], r)
		return
	}
}

// leadIn reports whether a block introduces the benefits list: a short
// block opening with a lead-in phrase, or a paragraph ending in ':' that
// contains one.
func leadIn(src []byte, b *block, m *matcher) bool {
	toks := tokenize(src, b.start, b.end, nil, nil)
	if len(toks) == 0 {
		return false
	}
	colon := lastRune(src, b.start, b.end) == ':'
	for _, p := range m.leadIns {
		if len(toks) <= len(p)+3 && matchStems(toks, 0, p) {
			return true
		}
		if colon && b.kind == Paragraph {
			for i := range toks {
				if matchStems(toks, i, p) {
					return true
				}
			}
		}
	}
	return false
}

func takeBenefits(src []byte, items []block, r *Result) {
	// The lead statement opens the list: every other item hangs under it,
	// or it speaks of benefits in general. An item with a few sub-points
	// under it later in the list is still a benefit.
	parent := len(items) > 2
	for k := range items {
		items[k].benefit = true
		if k > 0 && items[k].level <= items[0].level {
			parent = false
		}
	}
	if len(items) > 0 && (parent || generalLead(src, &items[0])) {
		items[0].lead = true
	}
	depth := -1
	for k := range items {
		if !items[k].lead && (depth < 0 || items[k].level < depth) {
			depth = items[k].level
		}
	}
	for k := range items {
		it := &items[k]
		if it.lead || it.level != depth {
			continue
		}
		r.Benefits = append(r.Benefits, Benefit{Text: normalize(src[it.start:it.end]), Start: it.start, End: it.end})
	}
}

// generalLead reports whether an item speaks of benefits in general ("has
// numerous mental health benefits") rather than promising one.
func generalLead(src []byte, it *block) bool {
	toks := tokenize(src, it.start, it.end, nil, nil)
	quantifier := false
	for _, t := range toks {
		switch t.low {
		case "numerous", "many", "several", "multiple", "various", "lots", "range", "host", "countless":
			quantifier = true
		}
		switch t.stem {
		case "benefit", "advantag", "way", "reason":
			if quantifier {
				return true
			}
		}
	}
	return false
}

// benefitStop are words that carry no topic in a benefit or a heading.
var benefitStop = map[string]bool{
	"it": true, "its": true, "it'": true, "may": true, "can": true, "could": true,
	"might": true, "will": true, "the": true, "a": true, "an": true,
	"and": true, "or": true, "of": true, "for": true, "to": true, "in": true,
	"on": true, "with": true, "your": true, "you": true, "their": true,
	"our": true, "is": true, "ar": true, "are": true, "be": true, "ha": true,
	"has": true, "have": true, "help": true, "also": true, "more": true,
	"very": true, "some": true, "all": true, "how": true, "what": true,
	"why": true, "doe": true, "does": true, "do": true, "thi": true,
	"this": true, "that": true, "these": true, "those": true, "from": true,
	"by": true, "as": true, "at": true, "even": true, "just": true,
	"get": true, "make": true, "who": true, "when": true, "which": true,
	"about": true, "than": true, "into": true, "both": true, "way": true,
}

// topic is the meaning-bearing content of a benefit or a heading.
type topic struct {
	concepts map[string]bool
	dirs     map[string]bool
}

func topicOf(src []byte, start, end int, m *matcher) topic {
	t := topic{concepts: map[string]bool{}, dirs: map[string]bool{}}
	for _, tok := range tokenize(src, start, end, nil, nil) {
		if tok.number || benefitStop[tok.stem] || benefitStop[tok.low] {
			continue
		}
		if d, ok := m.directions[tok.stem]; ok {
			t.dirs[d] = true
			continue
		}
		if c, ok := m.synonyms[tok.stem]; ok {
			t.concepts[c] = true
			continue
		}
		if len(tok.stem) > 2 {
			t.concepts[tok.stem] = true
		}
	}
	return t
}

// mapBenefits gives each benefit the section that argues it. Headings are
// compared by a weighted Dice overlap of their concepts: a concept shared by
// many headings (the article's own subject, "strength training") weighs
// little. Agreeing direction verbs (improves ↔ boost, reduces ↔ lower) add
// a bonus, opposite ones a penalty. Pairs are assigned best first, each
// section once; a benefit left over then takes its best section even if
// used, and one with no heading match falls back to the section whose text
// mentions its concepts most.
func mapBenefits(src []byte, m *matcher, r *Result) {
	if len(r.Benefits) == 0 {
		return
	}
	var home *Section
	for i := range r.Sentences {
		if r.Sentences[i].Start >= r.Benefits[0].Start {
			home = r.Sentences[i].Section
			break
		}
	}
	var cands []*Section
	for _, s := range flatten(r.Sections, nil) {
		if s != home && s.Start < s.End {
			cands = append(cands, s)
		}
	}
	if len(cands) == 0 {
		return
	}
	heads := make([]topic, len(cands))
	df := map[string]int{}
	for k, s := range cands {
		heads[k] = topicOf(src, s.Start, s.End, m)
		for c := range heads[k].concepts {
			df[c]++
		}
	}
	n := float64(len(cands))
	weight := func(c string) float64 { return math.Log(1 + n/float64(max(df[c], 1))) }
	bens := make([]topic, len(r.Benefits))
	type pair struct {
		b, s  int
		score float64
	}
	var pairs []pair
	for bi := range r.Benefits {
		bens[bi] = topicOf(src, r.Benefits[bi].Start, r.Benefits[bi].End, m)
		for si := range cands {
			if sc := overlap(bens[bi], heads[si], weight); sc >= weakMatch {
				pairs = append(pairs, pair{bi, si, sc})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].score > pairs[j].score })
	assigned := make([]int, len(r.Benefits))
	for k := range assigned {
		assigned[k] = -1
	}
	used := make([]bool, len(cands))
	for _, p := range pairs {
		if p.score >= strongMatch && assigned[p.b] < 0 && !used[p.s] {
			assigned[p.b], used[p.s] = p.s, true
		}
	}
	for _, p := range pairs {
		if p.score >= strongMatch && assigned[p.b] < 0 {
			assigned[p.b] = p.s
		}
	}
	// A benefit still without a section takes a weaker match, but only a
	// section no other benefit has: one shared concept in an otherwise
	// different wording ("wreck your sleep" ↔ "Caffeine and Sleep").
	for _, p := range pairs {
		if assigned[p.b] < 0 && !used[p.s] {
			assigned[p.b], used[p.s] = p.s, true
		}
	}
	bodyFallback(src, m, r, cands, bens, assigned, used)
	for bi, si := range assigned {
		if si < 0 {
			continue
		}
		s := cands[si]
		title := s.Title
		r.Benefits[bi].Section = &title
		r.Benefits[bi].section = s
	}
}

// Heading matches: a strong one is assigned first; a weak one only to a
// benefit left without a section, and only to a section still free.
const (
	strongMatch = 0.35
	weakMatch   = 0.2
)

func overlap(a, b topic, weight func(string) float64) float64 {
	var common, wa, wb float64
	for c := range a.concepts {
		w := weight(c)
		wa += w
		if b.concepts[c] {
			common += w
		}
	}
	for c := range b.concepts {
		wb += weight(c)
	}
	if common == 0 {
		return 0
	}
	score := 2 * common / (wa + wb)
	switch {
	case a.dirs["up"] && b.dirs["up"] || a.dirs["down"] && b.dirs["down"]:
		score += 0.15
	case a.dirs["up"] && b.dirs["down"] || a.dirs["down"] && b.dirs["up"]:
		score -= 0.15
	}
	return score
}

// bodyFallback maps benefits no heading matched to the section whose own
// sentences mention most of the benefit's concepts (at least three
// mentions), preferring sections not yet taken.
func bodyFallback(src []byte, m *matcher, r *Result, cands []*Section, bens []topic, assigned []int, used []bool) {
	need := map[string]bool{}
	for bi, si := range assigned {
		if si < 0 {
			for c := range bens[bi].concepts {
				need[c] = true
			}
		}
	}
	if len(need) == 0 {
		return
	}
	index := make(map[*Section]int, len(cands))
	for k, s := range cands {
		index[s] = k
	}
	counts := make([]map[string]int, len(cands))
	var toks []token
	for i := range r.Sentences {
		st := &r.Sentences[i]
		k, ok := index[st.Section]
		if !ok || st.noise {
			continue
		}
		toks = tokenize(src, st.Start, st.End, nil, toks[:0])
		for _, t := range toks {
			c := t.stem
			if syn, ok := m.synonyms[c]; ok {
				c = syn
			}
			if need[c] {
				if counts[k] == nil {
					counts[k] = map[string]int{}
				}
				counts[k][c]++
			}
		}
	}
	for bi, si := range assigned {
		if si >= 0 || len(bens[bi].concepts) == 0 {
			continue
		}
		best, bestCov, bestHits := -1, 0.0, 0
		for k := range cands {
			found, hits := 0, 0
			for c := range bens[bi].concepts {
				if counts[k][c] > 0 {
					found++
					hits += counts[k][c]
				}
			}
			cov := float64(found) / float64(len(bens[bi].concepts))
			if used[k] {
				cov -= 0.01
			}
			if hits >= 3 && cov >= 0.5 && (cov > bestCov || cov == bestCov && hits > bestHits) {
				best, bestCov, bestHits = k, cov, hits
			}
		}
		if best >= 0 {
			assigned[bi] = best
			used[best] = true
		}
	}
}
