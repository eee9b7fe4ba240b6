package lint

import (
	"fmt"
	"slices"
	"strings"
)

// Severity is how serious a finding is.
type Severity int

// The three severities, in increasing order.
const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "none"
}

// ParseSeverity reads "error", "warning", "info" or "none" (returned as 0).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "info":
		return Info, nil
	case "none":
		return 0, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning, info or none)", s)
}

// Rule is one check. It is a value, like go/analysis's Analyzer: a stable
// name, its documentation and a run function that reports findings.
type Rule struct {
	// Name is the stable kebab-case ID used in output and configuration.
	// Never rename or reuse one.
	Name string
	// Title is a one-line summary: lower case, no final period.
	Title string
	// Doc explains what the rule reports and why it matters.
	Doc string
	// Bad and Good are short examples for `reflint explain`.
	Bad, Good string
	// Severity is the default severity of the rule's findings.
	Severity Severity
	// Online rules read the verdicts of --online look-ups; without them
	// they report nothing.
	Online bool
	// Run inspects the document and reports through the pass.
	Run func(*Pass)
}

// Config holds the settings rules read.
type Config struct {
	// MinCoverage is the share (0–1) of claims a section must have cited
	// or supported; 0 turns low-coverage off.
	MinCoverage float64
	// SectionCoverage overrides MinCoverage for sections by title
	// (compared case-insensitively).
	SectionCoverage map[string]float64
}

// minCoverage returns the threshold for a section title.
func (c Config) minCoverage(title string) float64 {
	for t, v := range c.SectionCoverage {
		if strings.EqualFold(t, title) {
			return v
		}
	}
	return c.MinCoverage
}

// Pass is what a rule may see and do while it runs.
type Pass struct {
	Doc    *Document
	Rule   *Rule
	Config Config

	findings []Finding
}

// Report records a finding; rule name and severity default to the rule's.
func (p *Pass) Report(f Finding) {
	if f.Rule == "" {
		f.Rule = p.Rule.Name
	}
	if f.Severity == 0 {
		f.Severity = p.Rule.Severity
	}
	p.findings = append(p.findings, f)
}

// Reportf records a finding about the given entry numbers.
func (p *Pass) Reportf(span Span, refs []int, format string, args ...any) {
	p.Report(Finding{Span: span, References: refs, Message: fmt.Sprintf(format, args...)})
}

// Finding is one problem a rule found.
type Finding struct {
	Rule     string
	Severity Severity
	// Message is lower case with no final period.
	Message string
	Span    Span
	// References lists the entry numbers the finding concerns (for an
	// unresolved marker, the missing number).
	References []int
	// Related points at other places that explain the finding, such as
	// the first of two duplicate entries.
	Related []Related
	// Fix, when set, is an edit of the source that resolves the finding
	// (offered by reflint fix; reports carry it as data).
	Fix *Fix
}

// Fix is a set of non-overlapping edits with a verb-phrase message.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces the bytes of Span with NewText.
type Edit struct {
	Span    Span
	NewText string
}

// Related is a secondary location of a finding.
type Related struct {
	Span    Span
	Message string
}

// Run runs rules over the document and returns their findings sorted by
// position, then rule name.
func Run(d *Document, rules []*Rule) []Finding {
	return RunWith(d, rules, Config{})
}

// RunWith is Run with settings.
func RunWith(d *Document, rules []*Rule, cfg Config) []Finding {
	var out []Finding
	for _, r := range rules {
		p := &Pass{Doc: d, Rule: r, Config: cfg}
		r.Run(p)
		out = append(out, p.findings...)
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		if a.Span.Start != b.Span.Start {
			return a.Span.Start - b.Span.Start
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	return out
}

// firstLine clips a span to its first line, so that a finding about a
// multi-line entry underlines one line.
func (d *Document) firstLine(s Span) Span {
	for i := s.Start; i < s.End; i++ {
		if d.Source[i] == '\n' || d.Source[i] == '\r' {
			return Span{s.Start, i}
		}
	}
	return s
}
