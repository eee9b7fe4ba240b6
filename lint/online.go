package lint

import "strings"

// LookupStats counts what the online phase did; the JSON summary carries
// it as "lookups".
type LookupStats struct {
	Requests     int `json:"requests"`
	CacheHits    int `json:"cache_hits"`
	Verified     int `json:"verified"`
	Mismatch     int `json:"mismatch"`
	NotFound     int `json:"not_found"`
	Inconclusive int `json:"inconclusive"`
}

func (s *LookupStats) add(o LookupStats) {
	s.Requests += o.Requests
	s.CacheHits += o.CacheHits
	s.Verified += o.Verified
	s.Mismatch += o.Mismatch
	s.NotFound += o.NotFound
	s.Inconclusive += o.Inconclusive
}

// ApplyLookups attaches online verdicts to the document's entries (keyed
// by entry number) and refines each entry's evidence kind from PubMed's
// publication types, which are more reliable than words in a title.
func (d *Document) ApplyLookups(lookups map[int]*Lookup) {
	for i := range d.References {
		r := &d.References[i]
		l, ok := lookups[r.Number]
		if !ok || l == nil {
			continue
		}
		cp := *l
		r.Lookup = &cp
		if e := evidenceFromPubTypes(l.PublicationTypes); e != "" {
			r.Evidence = e
		}
	}
	d.coverage = nil // the evidence mix may have changed
}

// evidenceFromPubTypes maps PubMed publication types to an evidence kind,
// strongest design first; "" when none is telling.
func evidenceFromPubTypes(types []string) Evidence {
	has := func(names ...string) bool {
		for _, t := range types {
			for _, n := range names {
				if strings.EqualFold(t, n) {
					return true
				}
			}
		}
		return false
	}
	switch {
	case has("Meta-Analysis", "Network Meta-Analysis"):
		return EvidenceMetaAnalysis
	case has("Systematic Review"):
		return EvidenceSystematicReview
	case has("Randomized Controlled Trial", "Pragmatic Clinical Trial", "Equivalence Trial"):
		return EvidenceRandomizedTrial
	case has("Clinical Trial", "Clinical Trial, Phase I", "Clinical Trial, Phase II", "Clinical Trial, Phase III",
		"Clinical Trial, Phase IV", "Controlled Clinical Trial"):
		return EvidenceTrial
	case has("Observational Study", "Comparative Study", "Multicenter Study"):
		return EvidenceObservational
	case has("Practice Guideline", "Guideline", "Consensus Development Conference"):
		return EvidenceGuideline
	case has("Review", "Scoping Review"):
		return EvidenceReview
	}
	return ""
}
