package lint

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reflint/reflint/lint/prose"
)

// coverageRow is one line of the coverage table: a declared benefit and
// the section that argues it, or a section when there is no benefit list.
type coverageRow struct {
	label   string
	section *prose.Section
}

func coverageRows(r *prose.Result) []coverageRow {
	var rows []coverageRow
	if len(r.Benefits) > 0 {
		byTitle := make(map[string]*prose.Section)
		for _, s := range r.AllSections() {
			byTitle[s.Title] = s
		}
		for _, b := range r.Benefits {
			row := coverageRow{label: b.Text}
			if b.Section != nil {
				row.section = byTitle[*b.Section]
			}
			rows = append(rows, row)
		}
		return rows
	}
	for _, s := range r.AllSections() {
		if s.Claims > 0 || len(s.References) > 0 {
			rows = append(rows, coverageRow{label: s.Title, section: s})
		}
	}
	return rows
}

// WriteCoverage writes the coverage table of one document: per benefit (or
// section) its claims, how many are cited, supported and uncited, the
// coverage, the distinct references, the evidence mix and a bar.
func WriteCoverage(w io.Writer, d *Document) error {
	ew := &errWriter{w: w}
	rows := coverageRows(d.Coverage())
	if len(rows) == 0 {
		ew.printf("%s: no sections with claims\n", d.Name)
		return ew.err
	}
	ew.printf("%s: claim coverage\n", d.Name)
	ew.printf("  %-40s %6s %5s %5s %7s %5s  %-20s %4s  %s\n", "benefit or section", "claims", "cited", "supp.", "uncited", "cov.", "", "refs", "evidence")
	for _, row := range rows {
		label := clip(row.label, 40)
		s := row.section
		if s == nil {
			ew.printf("  %-40s %s\n", label, "(no section argues it)")
			continue
		}
		uncited := s.Claims - s.CitedClaims - s.SupportedClaims
		ew.printf("  %-40s %6d %5d %5d %7d %4.0f%%  %s %4d  %s\n", label, s.Claims, s.CitedClaims, s.SupportedClaims, uncited,
			100*prose.Coverage(s), prose.Bar(s.CitedClaims, s.SupportedClaims, uncited, 20), len(s.References), evidenceMix(s.Evidence))
	}
	return ew.err
}

// evidenceMix renders {"meta-analysis": 3, "trial": 1} as
// "3 meta-analyses, 1 trial", most frequent first.
func evidenceMix(m map[string]int) string {
	kinds := make([]string, 0, len(m))
	for k := range m {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if m[kinds[i]] != m[kinds[j]] {
			return m[kinds[i]] > m[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	parts := make([]string, 0, len(kinds))
	for _, k := range kinds {
		name := k
		if k != "meta-analysis" {
			name = strings.ReplaceAll(k, "-", " ")
		}
		if m[k] != 1 {
			name = pluralKind(name)
		}
		parts = append(parts, fmt.Sprintf("%d %s", m[k], name))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

func pluralKind(name string) string {
	switch {
	case strings.HasSuffix(name, "analysis"):
		return strings.TrimSuffix(name, "analysis") + "analyses"
	case strings.HasSuffix(name, "study"):
		return strings.TrimSuffix(name, "study") + "studies"
	case strings.HasSuffix(name, "unknown"), strings.HasSuffix(name, "observational"):
		return name
	}
	return name + "s"
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
