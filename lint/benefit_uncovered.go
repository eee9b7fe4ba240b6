package lint

import (
	"github.com/reflint/reflint/lint/prose"
)

// BenefitUncovered reports promised benefits that no cited section argues.
var BenefitUncovered = &Rule{
	Name:     "benefit-uncovered",
	Title:    "a declared benefit with no section, or whose section cites nothing",
	Severity: Warning,
	Doc: `The summary list at the top of the article (Key Points, Benefits, Key takeaways, TL;DR,
In this article) promises benefits. Each should be argued by a section that cites evidence.
The rule reports a benefit that no section matches, or whose section cites nothing.`,
	Bad:  "Key Points:\n• It improves sleep.\n\nImprove Sleep\n\nLifting improves sleep quality.",
	Good: "Key Points:\n• It improves sleep.\n\nImprove Sleep\n\nLifting improves sleep quality.[1]",
	Run: func(p *Pass) {
		for _, b := range prose.UncoveredBenefits(p.Doc.Coverage()) {
			if b.Section == nil {
				p.Reportf(Span{b.Start, b.End}, nil, "benefit %q has no section that argues it", b.Text)
			} else {
				p.Reportf(Span{b.Start, b.End}, nil, "benefit %q is argued in %q, which cites nothing", b.Text, *b.Section)
			}
		}
	},
}
