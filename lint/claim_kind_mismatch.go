package lint

import (
	"github.com/reflint/reflint/lint/prose"
)

// ClaimKindMismatch reports a sentence that names a stronger kind of study
// than the one it cites.
var ClaimKindMismatch = &Rule{
	Name:     "claim-kind-mismatch",
	Title:    "the study kind a sentence names differs from the cited entry's",
	Severity: Warning,
	Doc: `The sentence names a kind of study ("a meta-analysis shows", "a randomised trial found")
but every entry it cites is of a known, different kind: a protocol, a single trial, an animal
study, a web page. Readers take the sentence at its word, so the evidence is overstated. Entries
of unknown kind are given the benefit of the doubt.`,
	Bad:  "A meta-analysis shows a large effect.[1]\n\nReferences\n1. Healthcare 2025;13(2):165. … Meta-Analysis Protocol.",
	Good: "A planned meta-analysis will test the effect.[1]\n\nReferences\n1. Healthcare 2025;13(2):165. … Meta-Analysis Protocol.",
	Run: func(p *Pass) {
		for _, m := range prose.KindMismatches(p.Doc.Coverage(), p.Doc.refInfo()) {
			p.Reportf(Span{m.Start, m.End}, m.Refs, "sentence names a %s but cites %s", m.Named, describeCited(m.Refs, m.Cited))
		}
	},
}
