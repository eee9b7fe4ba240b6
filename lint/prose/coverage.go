package prose

import (
	"slices"
	"strconv"
	"strings"
)

// sectionStats counts each section's claims, collects the entries it cites
// (its sub-sections included) with their evidence mix, and decides whether
// each summary is covered.
func sectionStats(r *Result, markers []Marker, refs map[int]RefInfo) {
	all := flatten(r.Sections, nil)
	// flatten is pre-order, which is document order for a section tree.
	own := make(map[*Section][]int, len(all))
	mi := 0
	for _, s := range all {
		s.Uncited = []SentenceRef{}
		for mi < len(markers) && markers[mi].Start < s.Start {
			mi++
		}
		for mi < len(markers) && markers[mi].Start < s.ownEnd {
			own[s] = append(own[s], markers[mi].Number)
			mi++
		}
	}
	for i := range r.Sentences {
		st := &r.Sentences[i]
		sec := st.Section
		if sec == nil || st.Label != LabelClaim {
			continue
		}
		sec.Claims++
		switch st.Status {
		case StatusCited:
			sec.CitedClaims++
		case StatusSupported:
			sec.SupportedClaims++
		default:
			sec.Uncited = append(sec.Uncited, SentenceRef{Start: st.Start, End: st.End, Text: r.Text(st.Start, st.End)})
		}
	}
	var collect func(s *Section) []int
	collect = func(s *Section) []int {
		nums := slices.Clone(own[s])
		for _, c := range s.Children {
			nums = append(nums, collect(c)...)
		}
		slices.Sort(nums)
		nums = slices.Compact(nums)
		if nums == nil {
			nums = []int{}
		}
		s.References = nums
		s.Evidence = map[string]int{}
		for _, n := range nums {
			kind := refs[n].Evidence
			if kind == "" {
				kind = "unknown"
			}
			s.Evidence[kind]++
		}
		return nums
	}
	for _, s := range r.Sections {
		collect(s)
	}
	for i := range r.Sentences {
		st := &r.Sentences[i]
		if st.Label != LabelSummary {
			continue
		}
		if st.Section != nil && len(st.Section.References) > 0 {
			st.Status = StatusCovered
		} else {
			st.Status = StatusUncovered
		}
	}
}

// flatten appends the sections of the tree in document order.
func flatten(ss []*Section, out []*Section) []*Section {
	for _, s := range ss {
		out = append(out, s)
		out = flatten(s.Children, out)
	}
	return out
}

// AllSections returns every section of the tree in document order.
func (r *Result) AllSections() []*Section {
	return flatten(r.Sections, nil)
}

// UncitedClaims returns the claims that neither carry a marker nor are
// followed by one in their paragraph. Each keeps its Cue, which the rule
// message quotes to say why the sentence was taken for a claim.
func UncitedClaims(r *Result) []Sentence {
	var out []Sentence
	for _, s := range r.Sentences {
		if s.Label == LabelClaim && s.Status == StatusUncited {
			out = append(out, s)
		}
	}
	return out
}

// Mismatch is a sentence whose description of its evidence disagrees with
// the entries it cites.
type Mismatch struct {
	Start, End int
	Text       string
	// Named is what the sentence says: a year ("2024") or a study kind
	// ("meta-analysis").
	Named string
	// Refs are the cited entries, and Cited what each of them is (its year
	// or evidence kind), in the same order.
	Refs  []int
	Cited []string
}

// YearMismatches returns sentences that name a year for their evidence
// ("a 2024 meta-analysis") while no cited entry of known year is within one
// year of it: online-first and print years differ by one routinely.
func YearMismatches(r *Result, refs map[int]RefInfo) []Mismatch {
	var out []Mismatch
	for _, s := range r.Sentences {
		if s.Year == 0 || len(s.Markers) == 0 {
			continue
		}
		var nums []int
		var cited []string
		ok := false
		for _, n := range distinct(s.Markers) {
			y := refs[n].Year
			if y == 0 {
				continue
			}
			if abs(y-s.Year) <= 1 {
				ok = true
				break
			}
			nums = append(nums, n)
			cited = append(cited, strconv.Itoa(y))
		}
		if ok || len(nums) == 0 {
			continue
		}
		out = append(out, Mismatch{Start: s.Start, End: s.End, Text: r.Text(s.Start, s.End), Named: strconv.Itoa(s.Year), Refs: nums, Cited: cited})
	}
	return out
}

// satisfies lists, for a study kind a sentence names, the entry kinds that
// back it. Trials and observational studies are also backed by a pooled
// analysis of them. A meta-analysis claim accepts a systematic review because
// reference lists often type "systematic review and meta-analysis" as the
// former; anything else — a protocol, a single trial, an animal study, a
// web page — is weaker or different.
var satisfies = map[string][]string{
	"meta-analysis":     {"meta-analysis", "systematic-review"},
	"systematic-review": {"systematic-review", "meta-analysis"},
	"randomized-trial":  {"randomized-trial"},
	"trial":             {"trial", "randomized-trial", "meta-analysis", "systematic-review"}, // "trials show" is often backed by a pooled analysis of them
	"observational":     {"observational", "meta-analysis", "systematic-review"},
	"review":            {"review", "systematic-review", "meta-analysis"},
	"animal-study":      {"animal-study"},
	"guideline":         {"guideline"},
}

// KindMismatches returns sentences that name a study kind ("a
// meta-analysis found") while every cited entry is of a known kind that does
// not back it. An entry of unknown kind might be the one named, so a
// sentence citing one is never reported.
func KindMismatches(r *Result, refs map[int]RefInfo) []Mismatch {
	var out []Mismatch
	for _, s := range r.Sentences {
		want, ok := satisfies[s.StudyKind]
		if !ok || len(s.Markers) == 0 {
			continue
		}
		var nums []int
		var cited []string
		bad := true
		for _, n := range distinct(s.Markers) {
			kind := refs[n].Evidence
			if kind == "" || kind == "unknown" || slices.Contains(want, kind) {
				bad = false
				break
			}
			nums = append(nums, n)
			cited = append(cited, kind)
		}
		if !bad {
			continue
		}
		out = append(out, Mismatch{Start: s.Start, End: s.End, Text: r.Text(s.Start, s.End), Named: s.StudyKind, Refs: nums, Cited: cited})
	}
	return out
}

// UncoveredBenefits returns declared benefits that no section argues, or
// whose section cites nothing.
func UncoveredBenefits(r *Result) []Benefit {
	var out []Benefit
	for _, b := range r.Benefits {
		if b.section == nil || len(b.section.References) == 0 {
			out = append(out, b)
		}
	}
	return out
}

// UncoveredSummaries returns summary sentences ("Key takeaway: ...") whose
// section cites nothing.
func UncoveredSummaries(r *Result) []Sentence {
	var out []Sentence
	for _, s := range r.Sentences {
		if s.Label == LabelSummary && s.Status == StatusUncovered && s.Cue != "declared benefit" {
			out = append(out, s)
		}
	}
	return out
}

// Coverage is the share of a section's own claims that are cited or
// supported; 1 when it makes no claims (nothing is missing).
func Coverage(s *Section) float64 {
	if s == nil || s.Claims == 0 {
		return 1
	}
	return float64(s.CitedClaims+s.SupportedClaims) / float64(s.Claims)
}

// Bar draws cited, supported and uncited counts as a bar of width block
// characters: █ cited, ▓ supported, ░ uncited. Widths are apportioned by
// largest remainder so the bar is always exactly width wide, and a non-zero
// count never vanishes while there is room for it.
func Bar(cited, supported, uncited, width int) string {
	if width <= 0 {
		return ""
	}
	counts := [3]int{max(cited, 0), max(supported, 0), max(uncited, 0)}
	total := counts[0] + counts[1] + counts[2]
	if total == 0 {
		return strings.Repeat("·", width)
	}
	var cells [3]int
	var rem [3]int
	used := 0
	for k, c := range counts {
		cells[k] = c * width / total
		rem[k] = c * width % total
		used += cells[k]
	}
	for used < width {
		best := -1
		for k := range counts {
			// Prefer a non-zero count that got no cell, then the largest
			// remainder.
			if counts[k] == 0 {
				continue
			}
			if best < 0 || (cells[k] == 0 && cells[best] > 0) ||
				(cells[k] == 0) == (cells[best] == 0) && rem[k] > rem[best] {
				best = k
			}
		}
		cells[best]++
		rem[best] = -1
		used++
	}
	var sb strings.Builder
	for k, ch := range [3]string{"█", "▓", "░"} {
		sb.WriteString(strings.Repeat(ch, cells[k]))
	}
	return sb.String()
}

func distinct(nums []int) []int {
	out := slices.Clone(nums)
	slices.Sort(out)
	return slices.Compact(out)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
