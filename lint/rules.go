package lint

import (
	"fmt"
	"strings"
)

// All returns every rule, in the order they are documented.
func All() []*Rule {
	return []*Rule{
		MissingReferenceList,
		UnresolvedMarker,
		UnusedReference,
		DuplicateReference,
		CitationOrder,
		ReferenceNumbering,
		MarkerRepeated,
		IncompleteReference,
		MalformedIdentifier,
		ReferenceKind,
		UncitedClaim,
		ClaimYearMismatch,
		ClaimKindMismatch,
		BenefitUncovered,
		LowCoverage,
		DOINotFound,
		IdentifierMismatch,
		MetadataMismatch,
		ReferenceNotFound,
		RetractedReference,
		ReferenceNotice,
		SuggestIdentifier,
	}
}

// ByName returns the rule with the given name, or nil.
func ByName(name string) *Rule {
	for _, r := range All() {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// Select returns the rules left after enabling and disabling by name.
// Unknown names are an error listing the known ones.
func Select(enable, disable []string) ([]*Rule, error) {
	known := make([]string, 0, len(All()))
	for _, r := range All() {
		known = append(known, r.Name)
	}
	off := make(map[string]bool)
	for _, n := range disable {
		if ByName(n) == nil {
			return nil, fmt.Errorf("unknown rule %q (known: %s)", n, strings.Join(known, ", "))
		}
		off[n] = true
	}
	for _, n := range enable {
		if ByName(n) == nil {
			return nil, fmt.Errorf("unknown rule %q (known: %s)", n, strings.Join(known, ", "))
		}
		delete(off, n)
	}
	var out []*Rule
	for _, r := range All() {
		if !off[r.Name] {
			out = append(out, r)
		}
	}
	return out, nil
}

// entryNumbers returns the set of entry numbers of the document.
func (d *Document) entryNumbers() map[int]bool {
	m := make(map[int]bool, len(d.References))
	for _, r := range d.References {
		m[r.Number] = true
	}
	return m
}

// firstCitations returns each cited number's first marker, and the cited
// numbers in order of first citation.
func (d *Document) firstCitations() (map[int]Marker, []int) {
	first := make(map[int]Marker)
	var order []int
	for _, m := range d.Markers {
		if _, ok := first[m.Number]; !ok {
			first[m.Number] = m
			order = append(order, m.Number)
		}
	}
	return first, order
}

func itoa(n int) string { return fmt.Sprint(n) }
