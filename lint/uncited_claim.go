package lint

import (
	"github.com/reflint/reflint/lint/prose"
)

// UncitedClaim reports claims with no marker in their sentence or paragraph.
var UncitedClaim = &Rule{
	Name:     "uncited-claim",
	Title:    "a claim with no marker in its sentence or paragraph",
	Severity: Warning,
	Doc: `A sentence asserts something that needs evidence (research language such as "studies
show", a quantity or comparison, an effect verb such as "reduces") but neither it nor a later
sentence of its paragraph carries a citation marker. The message quotes the cue that made the
sentence a claim. First-person anecdotes, questions, summaries and instructions are not claims.`,
	Bad:  "Research shows that cold showers double your metabolism.\n\nReferences\n1. …",
	Good: "Research shows that cold showers raise noradrenaline.[1]\n\nReferences\n1. …",
	Run: func(p *Pass) {
		if p.Doc.List == nil && len(p.Doc.Markers) == 0 {
			return // an article that cites nothing is not a cited article
		}
		for _, s := range prose.UncitedClaims(p.Doc.Coverage()) {
			p.Reportf(Span{s.Start, s.End}, nil, "claim has no citation in its sentence or paragraph (cue: %q)", s.Cue)
		}
	},
}
