package lint

// CitationOrder reports entries not numbered in order of first citation.
var CitationOrder = &Rule{
	Name:     "citation-order",
	Title:    "entries not introduced in order of first citation",
	Severity: Warning,
	Doc: `In numbered styles (Vancouver, AMA, most health sites) entries are numbered in the order
they are first cited. The rule finds the longest run of first citations that does rise and
reports only the entries outside it, so one misplaced entry gives one finding, not a cascade.
Lists that are not numbered (author-date styles, or numbers lost in copying) are not checked.`,
	Bad:  "Protein helps.[2] Creatine helps too.[1]",
	Good: "Protein helps.[1] Creatine helps too.[2]",
	Run: func(p *Pass) {
		if p.Doc.List == nil || !p.Doc.List.Numbered() {
			return // author-date lists are alphabetical, and unnumbered ones have no order to keep
		}
		first, order := p.Doc.firstCitations()
		entries := p.Doc.entryNumbers()
		var seq []int
		for _, n := range order {
			if entries[n] {
				seq = append(seq, n)
			}
		}
		keep := longestRising(seq)
		for i, n := range seq {
			if !keep[i] {
				p.Reportf(first[n].Span, []int{n}, "reference #%d is first cited %s; number entries in order of first citation", n, outOfOrder(seq, keep, i))
			}
		}
	},
}

// outOfOrder says which in-order entry seq[i] jumps: "before #2" when a
// lower number is cited later, else "after #7".
func outOfOrder(seq []int, keep []bool, i int) string {
	for j := i + 1; j < len(seq); j++ {
		if keep[j] && seq[j] < seq[i] {
			return "before #" + itoa(seq[j])
		}
	}
	for j := i - 1; j >= 0; j-- {
		if keep[j] && seq[j] > seq[i] {
			return "after #" + itoa(seq[j])
		}
	}
	return "out of order"
}

// longestRising marks the elements of one longest strictly increasing
// subsequence of seq (patience sorting, O(n log n)).
func longestRising(seq []int) []bool {
	tails := []int{} // tails[k]: index of the smallest tail of a run of length k+1
	prev := make([]int, len(seq))
	for i, v := range seq {
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if seq[tails[mid]] < v {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		prev[i] = -1
		if lo > 0 {
			prev[i] = tails[lo-1]
		}
		if lo == len(tails) {
			tails = append(tails, i)
		} else {
			tails[lo] = i
		}
	}
	keep := make([]bool, len(seq))
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			keep[i] = true
		}
	}
	return keep
}
