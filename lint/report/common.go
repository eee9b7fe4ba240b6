package report

import (
	"path/filepath"
	"strings"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/prose"
)

// relPath returns name relative to base, with forward slashes. With an
// empty base, name is returned cleaned and with forward slashes; when name
// lies outside base, as an absolute path. The second result tells whether
// the path is absolute.
func relPath(base, name string) (string, bool) {
	if base != "" {
		ab, err1 := filepath.Abs(base)
		an, err2 := filepath.Abs(name)
		if err1 == nil && err2 == nil {
			if rel, err := filepath.Rel(ab, an); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return filepath.ToSlash(rel), false
			}
			return filepath.ToSlash(an), true
		}
	}
	clean := filepath.Clean(name)
	return filepath.ToSlash(clean), filepath.IsAbs(clean)
}

// ruleIndex maps rule names to their position in lint.All().
func ruleIndex(rules []*lint.Rule) map[string]int {
	m := make(map[string]int, len(rules))
	for i, r := range rules {
		m[r.Name] = i
	}
	return m
}

// span returns the start and end positions of a span, the end never
// before the start.
func span(d *lint.Document, s lint.Span) (start, end lint.Position) {
	start = d.Position(s.Start)
	end = d.Position(max(s.Start, s.End))
	return start, end
}

// coverageRow is one row of a coverage chart: a declared benefit and the
// section that argues it (nil when none does), or a section when the
// article declares no benefits. It mirrors the rows of lint.WriteCoverage.
type coverageRow struct {
	Label   string
	Section *prose.Section
	Benefit bool
}

func coverageRows(r *prose.Result) []coverageRow {
	var rows []coverageRow
	if len(r.Benefits) > 0 {
		byTitle := make(map[string]*prose.Section)
		for _, s := range r.AllSections() {
			byTitle[s.Title] = s // the last of equal titles, as lint.WriteCoverage does
		}
		for _, b := range r.Benefits {
			row := coverageRow{Label: b.Text, Benefit: true}
			if b.Section != nil {
				row.Section = byTitle[*b.Section]
			}
			rows = append(rows, row)
		}
		return rows
	}
	for _, s := range r.AllSections() {
		if s.Claims > 0 || len(s.References) > 0 {
			rows = append(rows, coverageRow{Label: s.Title, Section: s})
		}
	}
	return rows
}
