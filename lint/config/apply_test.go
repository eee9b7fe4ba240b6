package config

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/reflint/reflint/lint"
)

func parse(t *testing.T, src string) *Config {
	t.Helper()
	c, err := Parse(filepath.Join(t.TempDir(), FileName), []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return c
}

func ptr(v float64) *float64 { return new(v) }

func TestApplyRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		src     string
		flags   Flags
		off     []string          // rules expected absent
		sev     map[string]string // rule -> expected severity
		wantErr string
	}{
		{name: "defaults", sev: map[string]string{"uncited-claim": "warning"}},
		{name: "config off", src: "rules: {uncited-claim: off, reference-kind: false}", off: []string{"uncited-claim", "reference-kind"}},
		{name: "config severity", src: "rules: {citation-order: error, uncited-claim: {severity: info}}",
			sev: map[string]string{"citation-order": "error", "uncited-claim": "info"}},
		{name: "flag enable wins over config", src: "rules: {uncited-claim: off}", flags: Flags{Enable: []string{"uncited-claim"}},
			sev: map[string]string{"uncited-claim": "warning"}},
		{name: "flag disable", flags: Flags{Disable: []string{"low-coverage"}}, off: []string{"low-coverage"}},
		{name: "enable after disable", flags: Flags{Disable: []string{"low-coverage"}, Enable: []string{"low-coverage"}},
			sev: map[string]string{"low-coverage": "info"}},
		{name: "off with severity stays off", src: "rules: {uncited-claim: {enabled: false, severity: error}}", off: []string{"uncited-claim"}},
		{name: "unknown flag rule", flags: Flags{Disable: []string{"nope"}}, wantErr: `unknown rule "nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := parse(t, tt.src)
			s, err := c.Apply(tt.flags)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := make(map[string]*lint.Rule)
			for _, r := range s.Rules {
				got[r.Name] = r
			}
			for _, n := range tt.off {
				if got[n] != nil {
					t.Errorf("%s runs, want off", n)
				}
			}
			for n, sev := range tt.sev {
				if got[n] == nil || got[n].Severity.String() != sev {
					t.Errorf("%s = %v, want severity %s", n, got[n], sev)
				}
			}
			if len(s.Rules)+len(tt.off) != len(lint.All()) {
				t.Errorf("%d rules run, %d off, of %d", len(s.Rules), len(tt.off), len(lint.All()))
			}
		})
	}
}

func TestApplyCopiesRule(t *testing.T) {
	t.Parallel()
	s, err := parse(t, "rules: {citation-order: error}").Apply(Flags{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range s.Rules {
		if r.Name == "citation-order" && r == lint.CitationOrder {
			t.Error("the severity override changed the shared lint rule instead of a copy")
		}
	}
	if lint.CitationOrder.Severity != lint.Warning {
		t.Errorf("lint.CitationOrder.Severity = %v, want warning (unchanged)", lint.CitationOrder.Severity)
	}
	// The copy reports with its own severity.
	doc := lint.ParseText("a.txt", []byte("Body text.2 More.1\n\nReferences\n1. A. Title. J. 2020.\n2. B. Title. J. 2021.\n"), lint.ParseOptions{})
	n := 0
	for _, f := range lint.RunWith(doc, s.Rules, s.Lint) {
		if f.Rule == "citation-order" {
			n++
			if f.Severity != lint.Error {
				t.Errorf("citation-order finding has severity %v, want error", f.Severity)
			}
		}
	}
	if n == 0 {
		t.Error("the test document has no citation-order finding")
	}
}

func TestApplySettings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		src        string
		flags      Flags
		failOn     lint.Severity
		lint       lint.Config
		headings   []string
		cues       bool
		wantErr    string
		ignoreWant []string
	}{
		{name: "defaults", failOn: lint.Error},
		{name: "config fail-on", src: "fail-on: none", failOn: 0},
		{name: "flag fail-on wins", src: "fail-on: none", flags: Flags{FailOn: "warning"}, failOn: lint.Warning},
		{name: "bad flag fail-on", flags: Flags{FailOn: "loud"}, wantErr: "--fail-on"},
		{name: "coverage", src: "min-coverage: {default: 50, sections: {Sleep: 75}}", failOn: lint.Error,
			lint: lint.Config{MinCoverage: 0.5, SectionCoverage: map[string]float64{"Sleep": 0.75}}},
		{name: "flag coverage wins", src: "min-coverage: 50", flags: Flags{MinCoverage: ptr(20)}, failOn: lint.Error,
			lint: lint.Config{MinCoverage: 0.2}},
		{name: "headings and cues", src: "reference-headings: [Quellen]\nclaim-cues: {effect: [mitigate]}", failOn: lint.Error,
			headings: []string{"quellen"}, cues: true},
		{name: "benefit headings are cues", src: "benefit-headings: [Why]", failOn: lint.Error, cues: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := parse(t, tt.src).Apply(tt.flags)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.FailOn != tt.failOn {
				t.Errorf("FailOn = %v, want %v", s.FailOn, tt.failOn)
			}
			if d := cmp.Diff(tt.lint, s.Lint); d != "" {
				t.Errorf("Lint (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.headings, s.Parse.ReferenceHeadings); d != "" {
				t.Errorf("ReferenceHeadings (-want +got):\n%s", d)
			}
			if (s.Parse.Cues != nil) != tt.cues {
				t.Errorf("Cues = %v, want set: %v", s.Parse.Cues, tt.cues)
			}
		})
	}
}

func TestNilConfig(t *testing.T) {
	t.Parallel()
	var c *Config
	s, err := c.Apply(Flags{})
	if err != nil || len(s.Rules) != len(lint.All()) || s.FailOn != lint.Error || s.Parse.Cues != nil {
		t.Errorf("nil Config: %+v, %v", s, err)
	}
}

func TestAdjust(t *testing.T) {
	t.Parallel()
	findings := []lint.Finding{
		{Rule: BadSuppressionRule, Severity: lint.Warning},
		{Rule: "uncited-claim", Severity: lint.Warning},
		{Rule: "citation-order", Severity: lint.Warning},
	}
	s, err := parse(t, "rules: {bad-suppression: error, citation-order: off}").Apply(Flags{})
	if err != nil {
		t.Fatal(err)
	}
	got := s.Adjust(findings)
	want := []lint.Finding{
		{Rule: BadSuppressionRule, Severity: lint.Error},
		{Rule: "uncited-claim", Severity: lint.Warning},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Adjust (-want +got):\n%s", d)
	}
	if findings[0].Severity != lint.Warning {
		t.Error("Adjust modified its input")
	}
	off, _ := parse(t, "").Apply(Flags{Disable: []string{BadSuppressionRule}})
	if off.Enabled(BadSuppressionRule) || len(off.Adjust(findings)) != 2 {
		t.Error("--disable bad-suppression did not drop its findings")
	}
}

func TestIgnorePatterns(t *testing.T) {
	t.Parallel()
	c := parse(t, "ignore: [drafts, '*.tmp.md', content/archive/**, ./notes/*.md, /abs/x.md, 'build/']")
	dir := filepath.ToSlash(c.Dir)
	want := []string{"drafts", "*.tmp.md", dir + "/content/archive/**", dir + "/notes/*.md", "/abs/x.md", "build/"}
	if d := cmp.Diff(want, c.IgnorePatterns()); d != "" {
		t.Errorf("IgnorePatterns (-want +got):\n%s", d)
	}
}

func TestSuppressionMatches(t *testing.T) {
	t.Parallel()
	s := Suppression{Rules: []string{"uncited-claim", "low-coverage"}}
	if !s.Matches("low-coverage") || s.Matches("citation-order") {
		t.Error("Matches by name")
	}
	if !(Suppression{Rules: []string{"all"}}).Matches("anything") {
		t.Error("all matches every rule")
	}
}
