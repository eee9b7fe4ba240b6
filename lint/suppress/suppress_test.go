package suppress

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/config"
)

// at makes a finding of rule whose span is the first occurrence of text.
func at(t *testing.T, src, rule, text string) lint.Finding {
	t.Helper()
	i := strings.Index(src, text)
	if i < 0 {
		t.Fatalf("%q not in source", text)
	}
	return lint.Finding{Rule: rule, Severity: lint.Warning, Span: lint.Span{Start: i, End: i + len(text)}, Message: text}
}

// summary renders findings as "LINE rule: message" for comparison.
func summary(doc *lint.Document, fs []lint.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d %s: %s", doc.Position(f.Span.Start).Line, f.Rule, f.Message))
	}
	return out
}

type spec struct{ rule, text string }

func TestFilterDirectives(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		format   string
		src      string
		findings []spec
		want     []string
	}{
		{
			name:     "next line",
			src:      "<!-- reflint-disable-next-line uncited-claim -- common knowledge -->\nCoffee is popular.\nTea is popular.\n",
			findings: []spec{{"uncited-claim", "Coffee"}, {"uncited-claim", "Tea"}},
			want:     []string{"3 uncited-claim: Tea"},
		},
		{
			name:     "next line other rule stays",
			src:      "<!-- reflint-disable-next-line uncited-claim -- common knowledge -->\nCoffee is popular.\n",
			findings: []spec{{"uncited-claim", "Coffee"}, {"claim-year-mismatch", "popular"}},
			want:     []string{"2 claim-year-mismatch: popular"},
		},
		{
			name:     "comma list and all",
			src:      "<!-- reflint-disable-next-line uncited-claim, claim-year-mismatch -- quoted -->\nA claim.\n<!-- reflint-disable-next-line all -- sponsor block -->\nB claim.\n",
			findings: []spec{{"uncited-claim", "A claim"}, {"claim-year-mismatch", "A claim"}, {"low-coverage", "B claim"}},
			want:     []string{},
		},
		{
			name:     "region",
			src:      "One.\n<!-- reflint-disable uncited-claim -- interview -->\nTwo.\nThree.\n<!-- reflint-enable uncited-claim -->\nFour.\n",
			findings: []spec{{"uncited-claim", "One"}, {"uncited-claim", "Two"}, {"uncited-claim", "Three"}, {"uncited-claim", "Four"}},
			want:     []string{"1 uncited-claim: One", "6 uncited-claim: Four"},
		},
		{
			name:     "region to end of file",
			src:      "<!-- reflint-disable uncited-claim -- archive -->\nTwo.\n\nThree.\n",
			findings: []spec{{"uncited-claim", "Two"}, {"uncited-claim", "Three"}},
			want:     []string{},
		},
		{
			name:     "disable all, enable one",
			src:      "<!-- reflint-disable all -- legacy -->\nTwo.\n<!-- reflint-enable uncited-claim -->\nThree.\n<!-- reflint-enable -->\nFour.\n",
			findings: []spec{{"uncited-claim", "Two"}, {"uncited-claim", "Three"}, {"low-coverage", "Three"}, {"low-coverage", "Four"}},
			want:     []string{"4 uncited-claim: Three", "6 low-coverage: Four"},
		},
		{
			name:     "no reason: reported and not applied",
			src:      "<!-- reflint-disable-next-line uncited-claim -->\nCoffee.\n",
			findings: []spec{{"uncited-claim", "Coffee"}},
			want: []string{
				`1 bad-suppression: reflint-disable-next-line uncited-claim has no reason: add " -- why" before -->`,
				"2 uncited-claim: Coffee",
			},
		},
		{
			name:     "suppressed nothing",
			src:      "<!-- reflint-disable-next-line uncited-claim, low-coverage -- stale -->\nCoffee.\n",
			findings: []spec{{"uncited-claim", "Coffee"}},
			want:     []string{"1 bad-suppression: reflint-disable-next-line low-coverage suppressed nothing; remove it"},
		},
		{
			name:     "blank line breaks next-line",
			src:      "<!-- reflint-disable-next-line uncited-claim -- x -->\n\nCoffee.\n",
			findings: []spec{{"uncited-claim", "Coffee"}},
			want: []string{
				"1 bad-suppression: reflint-disable-next-line uncited-claim suppressed nothing; remove it",
				"3 uncited-claim: Coffee",
			},
		},
		{
			name: "unknown rule, no rule, unknown directive, stray enable",
			src: "<!-- reflint-disable-next-line uncited-claims -- typo -->\nA.\n<!-- reflint-disable -- why -->\n" +
				"<!-- reflint-ignore uncited-claim -- x -->\n<!-- reflint-enable low-coverage -->\n<!-- an ordinary comment -->\n",
			want: []string{
				`1 bad-suppression: unknown rule "uncited-claims" in reflint-disable-next-line (reflint rules lists them)`,
				"3 bad-suppression: reflint-disable names no rule (write a rule, a comma list, or all)",
				`4 bad-suppression: unknown directive "reflint-ignore" (want reflint-disable-next-line, reflint-disable or reflint-enable)`,
				"5 bad-suppression: reflint-enable low-coverage has no reflint-disable of it before it",
			},
		},
		{
			name:     "fenced code and inline code are not directives",
			src:      "```html\n<!-- reflint-disable all -- example -->\n```\nUse `<!-- reflint-disable all -- x -->` to switch off.\nCoffee.\n",
			findings: []spec{{"uncited-claim", "Coffee"}},
			want:     []string{"5 uncited-claim: Coffee"},
		},
		{
			name:     "html script is skipped",
			format:   "html",
			src:      "<script>var s = '<!-- reflint-disable all -- x -->';</script>\n<p>Coffee.</p>\n<!-- reflint-disable-next-line uncited-claim -- html works -->\n<p>Tea.</p>\n",
			findings: []spec{{"uncited-claim", "Coffee"}, {"uncited-claim", "Tea"}},
			want:     []string{"2 uncited-claim: Coffee"},
		},
		{
			name:     "plain text has no directives",
			format:   "text",
			src:      "<!-- reflint-disable-next-line uncited-claim -- x -->\nCoffee.\n",
			findings: []spec{{"uncited-claim", "Coffee"}},
			want:     []string{"2 uncited-claim: Coffee"},
		},
		{
			name:     "multi-line comment counts from its end",
			src:      "<!--\n  reflint-disable-next-line uncited-claim\n  -- a long reason\n-->\nCoffee.\n",
			findings: []spec{{"uncited-claim", "Coffee"}},
			want:     []string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			format := tt.format
			if format == "" {
				format = "markdown"
			}
			doc := lint.NewDocument("a", format, []byte(tt.src))
			var fs []lint.Finding
			for _, s := range tt.findings {
				fs = append(fs, at(t, tt.src, s.rule, s.text))
			}
			got := summary(doc, Filter(doc, fs, nil))
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Filter (-want +got):\n%s", d)
			}
		})
	}
}

func TestFilterText(t *testing.T) {
	t.Parallel()
	src := "Coffee is the most   popular drink in the world.\nTea is\npopular too.\nAsk your doctor.\n"
	rules := []config.Suppression{
		{Rules: []string{"uncited-claim"}, Text: "coffee is the most popular", Reason: "common knowledge", Path: ".reflint.yml", Line: 3},
		{Rules: []string{"all"}, Text: "Tea is popular", Reason: "wrapped sentence", Path: ".reflint.yml", Line: 6},
		{Rules: []string{"low-coverage"}, Text: "Ask your doctor", Reason: "advice", Path: ".reflint.yml", Line: 9},
		{Rules: []string{"uncited-claim"}, Text: "never matches", Reason: "stale", Path: ".reflint.yml", Line: 12},
	}
	doc := lint.NewDocument("a.txt", "text", []byte(src))
	fs := []lint.Finding{
		at(t, src, "uncited-claim", "Coffee is the most   popular drink"),
		at(t, src, "claim-year-mismatch", "world"),
		at(t, src, "uncited-claim", "Tea is\npopular too."),
		at(t, src, "uncited-claim", "Ask your doctor."),
	}
	var u Usage
	got := summary(doc, FilterWith(doc, fs, rules, Options{Usage: &u}))
	want := []string{"1 claim-year-mismatch: world", "4 uncited-claim: Ask your doctor."}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("FilterWith (-want +got):\n%s", d)
	}
	unused := u.Unused(rules)
	if len(unused) != 2 || unused[0].Line != 9 || unused[1].Line != 12 {
		t.Errorf("Unused = %+v, want the entries of lines 9 and 12", unused)
	}
}

func TestFilterRan(t *testing.T) {
	t.Parallel()
	src := "<!-- reflint-disable-next-line doi-not-found -- checked by hand -->\n1. A. Title. 2020. doi:10.1/x\n"
	doc := lint.NewDocument("a.md", "markdown", []byte(src))
	offline := []*lint.Rule{lint.UncitedClaim}
	if got := FilterWith(doc, nil, nil, Options{Ran: offline}); len(got) != 0 {
		t.Errorf("a suppression of a rule that did not run was reported: %v", summary(doc, got))
	}
	if got := Filter(doc, nil, nil); len(got) != 1 {
		t.Errorf("with every rule run, the unused suppression should be reported: %v", summary(doc, got))
	}
}

func TestFilterKeepsOrderAndInput(t *testing.T) {
	t.Parallel()
	src := "A.\n<!-- reflint-disable-next-line uncited-claim -->\nB.\n"
	doc := lint.NewDocument("a.md", "markdown", []byte(src))
	in := []lint.Finding{at(t, src, "uncited-claim", "A."), at(t, src, "uncited-claim", "B.")}
	orig := append([]lint.Finding(nil), in...)
	got := Filter(doc, in, nil)
	if d := cmp.Diff(orig, in); d != "" {
		t.Errorf("Filter modified its input:\n%s", d)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Span.Start < got[i-1].Span.Start {
			t.Errorf("findings out of order: %v", summary(doc, got))
		}
	}
	if len(got) != 3 || got[1].Rule != Rule.Name || got[1].Severity != lint.Warning {
		t.Errorf("got %v", summary(doc, got))
	}
}

func TestRuleValue(t *testing.T) {
	t.Parallel()
	if Rule.Name != "bad-suppression" || Rule.Severity != lint.Warning || Rule.Run == nil || Rule.Title == "" {
		t.Errorf("Rule = %+v", Rule)
	}
	if lint.ByName(Rule.Name) != nil {
		t.Error("bad-suppression clashes with a lint rule")
	}
	// Its Run reports nothing: Filter makes its findings.
	doc := lint.NewDocument("a.md", "markdown", []byte(Rule.Bad))
	if got := lint.Run(doc, []*lint.Rule{Rule}); len(got) != 0 {
		t.Errorf("Rule.Run reported %v", got)
	}
	// Its Bad example is reported, its Good one is not (given a finding).
	bad := Filter(doc, nil, nil)
	if len(bad) != 1 {
		t.Errorf("Bad example: %v", summary(doc, bad))
	}
	good := lint.NewDocument("a.md", "markdown", []byte(Rule.Good))
	f := at(t, Rule.Good, "uncited-claim", "Coffee")
	if got := Filter(good, []lint.Finding{f}, nil); len(got) != 0 {
		t.Errorf("Good example: %v", summary(good, got))
	}
}

func TestParseDirective(t *testing.T) {
	t.Parallel()
	tests := []struct {
		body string
		want Directive
		ok   bool
	}{
		{" reflint-disable a,b -- why not ", Directive{Kind: Disable, Rules: []string{"a", "b"}, Reason: "why not"}, true},
		{"reflint-disable a b --- long dash", Directive{Kind: Disable, Rules: []string{"a", "b"}, Reason: "long dash"}, true},
		{"reflint-disable-next-line co--op -- reason", Directive{Kind: DisableNextLine, Rules: []string{"co--op"}, Reason: "reason"}, true},
		{"reflint-enable", Directive{Kind: Enable}, true},
		{"reflint-enable all", Directive{Kind: Enable, Rules: []string{"all"}}, true},
		{"just a comment", Directive{}, false},
		{"reflintish", Directive{}, false},
	}
	for _, tt := range tests {
		got, ok := parseDirective(tt.body, lint.Span{})
		if ok != tt.ok {
			t.Errorf("%q: ok = %v", tt.body, ok)
			continue
		}
		if d := cmp.Diff(tt.want, got); ok && d != "" {
			t.Errorf("%q (-want +got):\n%s", tt.body, d)
		}
	}
}
