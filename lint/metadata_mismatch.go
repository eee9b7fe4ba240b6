package lint

import "strings"

// MetadataMismatch reports fields that differ from the registry record.
var MetadataMismatch = &Rule{
	Name:     "metadata-mismatch",
	Title:    "year, journal, volume, issue, pages or title differ from the record",
	Severity: Warning,
	Online:   true,
	Doc: `With --online, the entry was matched to a record in Crossref or PubMed, but some of its
fields disagree with it. One finding per entry lists each field as cited → record.`,
	Bad:  "References\n1. Sports Med. 2016;47(12):2521-2532. The effects of resistance exercise training on anxiety.",
	Good: "References\n1. Sports Med. 2017;47(12):2521-2532. The effects of resistance exercise training on anxiety.",
	Run: func(p *Pass) {
		for _, r := range p.Doc.References {
			l := r.Lookup
			if l == nil || l.Status != LookupMismatch || l.Problem != "" || len(l.Diffs) == 0 {
				continue
			}
			parts := make([]string, len(l.Diffs))
			for i, d := range l.Diffs {
				parts[i] = d.Field + " " + quoteOrNone(d.Cited) + " → " + quoteOrNone(d.Record)
			}
			p.Reportf(p.Doc.firstLine(r.Span), []int{r.Number}, "reference #%d differs from the record: %s", r.Number, strings.Join(parts, ", "))
		}
	},
}

func quoteOrNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return `"` + s + `"`
}
