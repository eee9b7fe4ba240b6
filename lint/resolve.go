package lint

// resolveMarkers turns candidates into markers. Strong candidates are kept
// whatever they cite, so that a citation of a missing entry is reported.
// Weak ones (digits glued to a word, after a comma or an abbreviation) are
// kept only when every number names an existing entry and the group fits
// the order of first citations: a new number may run at most a few ahead
// of the highest number cited so far, as articles cite in order.
func resolveMarkers(cands []candidate, entries map[int]bool) ([]Marker, []MarkerGroup) {
	// Sized up front: on a large file, growing by doubling would leave
	// the old arrays as garbage at the peak.
	markers := make([]Marker, 0, len(cands)+len(cands)/2)
	groups := make([]MarkerGroup, 0, len(cands))
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
	for _, c := range cands {
		nums := c.group.numbers()
		if !c.strong && !plausible(nums, entries, cited, highest) {
			continue
		}
		gi := len(groups)
		groups = append(groups, c.group)
		for _, it := range c.group.Items {
			for _, n := range (MarkerGroup{Items: []GroupItem{it}}).numbers() {
				span := c.group.Span
				if len(c.group.Items) > 1 {
					span = it.Span
				}
				markers = append(markers, Marker{Number: n, Span: span, Style: c.group.Style, Group: gi})
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
