package lint

import "strings"

// RetractedReference reports cited works that were retracted.
var RetractedReference = &Rule{
	Name:     "retracted-reference",
	Title:    "the cited work has been retracted",
	Severity: Error,
	Online:   true,
	Doc: `With --online, Crossref (updated-by of type retraction, withdrawal or removal, from the
publisher or Retraction Watch, or a "RETRACTED" title) or PubMed ("Retracted Publication") says
the work was retracted. The message gives the notice and its date.`,
	Bad:  "References\n1. Lancet. 1998;351(9103):637-641. Ileal-lymphoid-nodular hyperplasia … in children.",
	Good: "(cite a work that stands)",
	Run: func(p *Pass) {
		for _, r := range p.Doc.References {
			if r.Lookup == nil || r.Lookup.Retraction == nil {
				continue
			}
			n := r.Lookup.Retraction
			p.Reportf(p.Doc.firstLine(r.Span), []int{r.Number}, "reference #%d has been retracted%s", r.Number, describeNotice(n))
		}
	},
}

// describeNotice renders " (retraction, 2010-02-02, doi:…, per publisher)".
func describeNotice(n *Notice) string {
	var parts []string
	for _, s := range []string{n.Type, n.Date} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if n.DOI != "" {
		parts = append(parts, "doi:"+n.DOI)
	}
	if n.Source != "" {
		parts = append(parts, "per "+n.Source)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}
