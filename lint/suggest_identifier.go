package lint

import "strings"

// SuggestIdentifier offers the DOI or PMID found for an entry without one.
var SuggestIdentifier = &Rule{
	Name:     "suggest-identifier",
	Title:    "a DOI or PMID was found for an entry that lacks one",
	Severity: Info,
	Online:   true,
	Doc: `With --online, an entry without a DOI or PMID was matched to a record that has one. Adding
it lets readers and tools find the work without searching.`,
	Bad:  "References\n1. Sports Med. 2017;47(12):2521-2532. The effects of resistance exercise training on anxiety.",
	Good: "References\n1. Sports Med. 2017;47(12):2521-2532. The effects of resistance exercise training on anxiety. doi:10.1007/s40279-017-0769-0",
	Run: func(p *Pass) {
		for _, r := range p.Doc.References {
			l := r.Lookup
			if l == nil || l.Status != LookupVerified && l.Status != LookupMismatch || l.Problem != "" {
				continue
			}
			var add []string
			if r.Fields.DOI == "" && l.DOI != "" {
				add = append(add, "doi:"+l.DOI)
			}
			if r.Fields.PMID == "" && l.PMID != "" {
				add = append(add, "PMID: "+l.PMID)
			}
			if len(add) > 0 {
				p.Reportf(p.Doc.firstLine(r.Span), []int{r.Number}, "reference #%d can cite %s", r.Number, strings.Join(add, ", "))
			}
		}
	},
}
