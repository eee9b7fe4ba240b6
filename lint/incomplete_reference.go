package lint

import "strings"

// IncompleteReference reports entries missing what a reader needs to find
// the work.
var IncompleteReference = &Rule{
	Name:     "incomplete-reference",
	Title:    "an entry without year, title or container, or any locator",
	Severity: Warning,
	Doc: `An entry needs a year, a title or a container (journal, book, site) and at least one
locator (volume, pages, DOI, PMID or URL) for a reader to find the work. The message names
what is missing.`,
	Bad:  "References\n1. Strength training and sleep.",
	Good: "References\n1. Sleep Med Rev. 2018;39:52-68. The effect of resistance exercise on sleep.",
	Run: func(p *Pass) {
		for _, r := range p.Doc.References {
			f := r.Fields
			var missing []string
			if f.Year == 0 {
				missing = append(missing, "year")
			}
			if f.Title == "" && f.Container == "" {
				missing = append(missing, "title or container")
			}
			if f.Volume == "" && f.Pages == "" && f.DOI == "" && f.PMID == "" && f.PMCID == "" && f.URL == "" {
				missing = append(missing, "locator (volume, pages, DOI, PMID or URL)")
			}
			if len(missing) > 0 {
				p.Reportf(p.Doc.firstLine(r.Span), []int{r.Number}, "reference #%d has no %s", r.Number, strings.Join(missing, ", no "))
			}
		}
	},
}
