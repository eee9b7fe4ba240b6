package lint

// Result is the outcome of linting one file.
type Result struct {
	Doc      *Document
	Findings []Finding
	// Lookups counts the online look-ups made for this file; nil offline.
	Lookups *LookupStats
}

// Summary counts findings by severity across results.
type Summary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	// Lookups sums the online look-ups; absent offline.
	Lookups *LookupStats `json:"lookups,omitempty"`
}

// Summarize counts the findings of all results.
func Summarize(results []Result) Summary {
	var s Summary
	for _, r := range results {
		s.Add(r)
	}
	return s
}

// Add counts one more file.
func (s *Summary) Add(r Result) {
	s.Files++
	if r.Lookups != nil {
		if s.Lookups == nil {
			s.Lookups = &LookupStats{}
		}
		s.Lookups.add(*r.Lookups)
	}
	for _, f := range r.Findings {
		switch f.Severity {
		case Error:
			s.Errors++
		case Warning:
			s.Warnings++
		case Info:
			s.Infos++
		}
	}
}

// CountAtLeast counts the findings at or above a severity; 0 counts none
// (--fail-on none).
func CountAtLeast(results []Result, least Severity) int {
	if least == 0 {
		return 0
	}
	n := 0
	for _, r := range results {
		for _, f := range r.Findings {
			if f.Severity >= least {
				n++
			}
		}
	}
	return n
}
