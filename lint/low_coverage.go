package lint

import (
	"github.com/reflint/reflint/lint/prose"
)

// LowCoverage reports sections whose claims are mostly uncited.
var LowCoverage = &Rule{
	Name:     "low-coverage",
	Title:    "a section whose share of cited claims is below --min-coverage",
	Severity: Info,
	Doc: `A section's coverage is the share of its claims that are cited or supported (followed by
a citation in the same paragraph). The rule reports sections below the threshold set with
--min-coverage (a percentage; the default 0 turns the rule off).`,
	Bad:  "Improve Sleep\n\nLifting improves sleep. It also deepens it. It shortens sleep onset.[1]\n\nIt helps insomnia.",
	Good: "Improve Sleep\n\nLifting improves sleep.[1] It also deepens it.[2] It helps insomnia.[3]",
	Run: func(p *Pass) {
		if p.Config.MinCoverage <= 0 && len(p.Config.SectionCoverage) == 0 {
			return
		}
		for _, s := range p.Doc.Coverage().AllSections() {
			want := p.Config.minCoverage(s.Title)
			if c := prose.Coverage(s); s.Claims > 0 && c < want {
				p.Reportf(Span{s.Start, s.End}, nil, "section %q has %.0f%% of its claims cited, below %.0f%%", s.Title, 100*c, 100*want)
			}
		}
	},
}
