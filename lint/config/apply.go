package config

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/prose"
)

// Flags are the command-line settings that override the file. Zero values
// mean "not given".
type Flags struct {
	// Enable and Disable are --enable and --disable: rule names, applied
	// after the file (disable first, then enable, as lint.Select).
	Enable, Disable []string
	// FailOn is --fail-on; "" when not given.
	FailOn string
	// MinCoverage is --min-coverage in percent; nil when not given.
	MinCoverage *float64
}

// Settings are what main needs to lint the files a Config applies to.
type Settings struct {
	// Rules are the rules to run, in lint.All order; a rule whose severity
	// the file changes is a copy of the lint rule with that severity.
	Rules []*lint.Rule
	// Lint is the rules' configuration (thresholds as shares, 0–1).
	Lint lint.Config
	// Parse are the parser options: extra reference headings and cues.
	Parse lint.ParseOptions
	// FailOn is the lowest severity that makes the exit code 1 (0: none).
	FailOn lint.Severity
	// Suppress are the plain-text suppressions, for suppress.Filter.
	Suppress []Suppression
	// Ignore are the ignore patterns for files.Expand: a pattern with a
	// slash is made absolute against the config file's folder.
	Ignore []string
	// Online are the online settings.
	Online Online

	// off and severity hold the file's and flags' word on every rule,
	// bad-suppression included, for Adjust.
	off      map[string]bool
	severity map[string]lint.Severity
}

// Apply combines the file with the command-line flags; flags win. A nil
// Config is the default configuration. Unknown rule names in flags are
// errors listing the known ones.
func (c *Config) Apply(f Flags) (Settings, error) {
	if c == nil {
		c = &Config{}
	}
	s := Settings{
		off:      make(map[string]bool),
		severity: make(map[string]lint.Severity),
		Suppress: c.Suppress,
		Online:   c.Online,
		Parse:    c.ParseOptions(),
		Lint:     c.LintConfig(f.MinCoverage),
		Ignore:   c.IgnorePatterns(),
	}
	for _, r := range c.Rules {
		if r.Enabled != nil {
			s.off[r.Name] = !*r.Enabled
		}
		if r.Severity != 0 {
			s.severity[r.Name] = r.Severity
		}
	}
	for _, list := range []struct {
		names []string
		off   bool
	}{{f.Disable, true}, {f.Enable, false}} {
		for _, n := range list.names {
			if !isKnownRule(n) {
				return Settings{}, fmt.Errorf("unknown rule %q (known: %s)", n, strings.Join(KnownRules(), ", "))
			}
			s.off[n] = list.off
		}
	}
	for _, r := range lint.All() {
		if s.off[r.Name] {
			continue
		}
		if sev := s.severity[r.Name]; sev != 0 && sev != r.Severity {
			cp := *r
			cp.Severity = sev
			r = &cp
		}
		s.Rules = append(s.Rules, r)
	}
	var err error
	if s.FailOn, err = c.FailOnSeverity(f.FailOn); err != nil {
		return Settings{}, err
	}
	return s, nil
}

// FailOnSeverity returns the fail-on severity: the flag when given, else
// the file's, else error.
func (c *Config) FailOnSeverity(flag string) (lint.Severity, error) {
	if flag != "" {
		sev, err := lint.ParseSeverity(flag)
		if err != nil {
			return 0, fmt.Errorf("--fail-on: %w", err)
		}
		return sev, nil
	}
	if c != nil && c.FailOn.Set {
		return c.FailOn.Severity, nil
	}
	return lint.Error, nil
}

// LintConfig returns the rules' settings; minCoverage (percent, from
// --min-coverage) replaces the file's global threshold when not nil.
func (c *Config) LintConfig(minCoverage *float64) lint.Config {
	var out lint.Config
	if c != nil && c.MinCoverage != nil {
		out.MinCoverage = *c.MinCoverage / 100
	}
	if minCoverage != nil {
		out.MinCoverage = *minCoverage / 100
	}
	if c != nil && len(c.SectionCoverage) > 0 {
		out.SectionCoverage = make(map[string]float64, len(c.SectionCoverage))
		for t, v := range c.SectionCoverage {
			out.SectionCoverage[t] = v / 100
		}
	}
	return out
}

// ParseOptions returns the parser options. Cues is nil when the file adds
// none, so that the analysis keeps its shared default table.
func (c *Config) ParseOptions() lint.ParseOptions {
	if c == nil {
		return lint.ParseOptions{}
	}
	opts := lint.ParseOptions{ReferenceHeadings: c.ReferenceHeadings}
	if !reflect.DeepEqual(c.Cues, prose.Cues{}) {
		cues := c.Cues
		opts.Cues = &cues
	}
	return opts
}

// IgnorePatterns returns the ignore patterns for files.Expand: patterns
// without a slash as written (they match a file or folder name anywhere),
// the others joined to the config file's folder, slash-separated.
func (c *Config) IgnorePatterns() []string {
	if c == nil {
		return nil
	}
	out := make([]string, 0, len(c.Ignore))
	for _, p := range c.Ignore {
		p = filepath.ToSlash(p)
		if strings.Contains(strings.TrimSuffix(p, "/"), "/") && !strings.HasPrefix(p, "/") && c.Dir != "" {
			p = filepath.ToSlash(c.Dir) + "/" + strings.TrimPrefix(p, "./")
		}
		out = append(out, p)
	}
	return out
}

// Adjust applies the rule settings to findings by rule name: findings of
// rules turned off are dropped and severities replaced. The lint rules in
// Rules already carry their settings, so this matters for findings made
// outside lint.RunWith, such as package suppress's bad-suppression. It
// returns a new slice; the input is not modified.
func (s Settings) Adjust(findings []lint.Finding) []lint.Finding {
	out := make([]lint.Finding, 0, len(findings))
	for _, f := range findings {
		if s.off[f.Rule] {
			continue
		}
		if sev := s.severity[f.Rule]; sev != 0 {
			f.Severity = sev
		}
		out = append(out, f)
	}
	return out
}

// Enabled reports whether a rule runs under these settings.
func (s Settings) Enabled(rule string) bool { return !s.off[rule] }
