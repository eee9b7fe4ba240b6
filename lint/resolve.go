package lint

// resolveMarkers turns candidate groups into markers, keeping the groups
// that survive in place in cands (a large file holds no second copy).
// Strong candidates are kept
// whatever they cite, so that a citation of a missing entry is reported.
// Weak ones (digits glued to a word, after a comma or an abbreviation) are
// kept only when every number names an existing entry and the group fits
// the order of first citations: a new number may run at most a few ahead
// of the highest number cited so far, as articles cite in order.
func resolveMarkers(cands []MarkerGroup, entries map[int]bool) ([]Marker, []MarkerGroup) {
	// Sized up front: on a large file, growing by doubling would leave
	// the old arrays as garbage at the peak.
	markers := make([]Marker, 0, len(cands)+len(cands)/2)
	groups := cands[:0]
	cited := make(map[int]bool)
	// A list numbered from 22 starts citing at 22: the highest number
	// "cited" before the first marker is one below the lowest entry.
	highest := -1
	for n := range entries {
		if highest < 0 || n-1 < highest {
			highest = n - 1
		}
	}
	highest = max(highest, 0)
	for _, g := range cands {
		nums := g.numbers()
		if g.weak && !plausible(nums, entries, cited, highest) {
			continue
		}
		gi := len(groups)
		g.weak = false
		groups = append(groups, g)
		for _, it := range g.Items {
			for _, n := range (MarkerGroup{Items: []GroupItem{it}}).numbers() {
				span := g.Span
				if len(g.Items) > 1 {
					span = it.Span
				}
				markers = append(markers, Marker{Number: n, Span: span, Style: g.Style, Group: gi})
			}
		}
		for _, n := range nums {
			cited[n] = true
			highest = max(highest, n)
		}
	}
	return markers, groups
}

// plausible reports whether a weak group's numbers all name entries and
// do not leap ahead of the citations seen so far.
func plausible(nums []int, entries, cited map[int]bool, highest int) bool {
	const lookahead = 3
	for _, n := range nums {
		if !entries[n] {
			return false
		}
		if !cited[n] && n > highest+lookahead+len(nums) {
			return false
		}
	}
	return true
}
