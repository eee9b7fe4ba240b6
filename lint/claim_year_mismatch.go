package lint

import (
	"strings"

	"github.com/reflint/reflint/lint/prose"
)

// ClaimYearMismatch reports a sentence whose named year disagrees with the
// entry it cites.
var ClaimYearMismatch = &Rule{
	Name:     "claim-year-mismatch",
	Title:    "the year a sentence names differs from the cited entry's",
	Severity: Warning,
	Doc: `The sentence names a year for its evidence ("a 2024 meta-analysis") but no cited entry
is within one year of it (online-first and print years often differ by one). Either the marker
points at the wrong entry or the sentence misdates the study.`,
	Bad:  "A 2019 meta-analysis found a large effect.[1]\n\nReferences\n1. BMJ 2024;384:e075847. …",
	Good: "A 2024 meta-analysis found a large effect.[1]\n\nReferences\n1. BMJ 2024;384:e075847. …",
	Run: func(p *Pass) {
		for _, m := range prose.YearMismatches(p.Doc.Coverage(), p.Doc.refInfo()) {
			p.Reportf(Span{m.Start, m.End}, m.Refs, "sentence names %s but cites %s", m.Named, describeCited(m.Refs, m.Cited))
		}
	},
}

// describeCited renders "#23 (2019)" or "#6 (protocol), #7 (trial)".
func describeCited(refs []int, cited []string) string {
	parts := make([]string, len(refs))
	for i, n := range refs {
		parts[i] = "#" + itoa(n) + " (" + cited[i] + ")"
	}
	return strings.Join(parts, ", ")
}
