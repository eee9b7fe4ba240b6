// Package suppress hides findings the author has judged not to apply, and
// reports suppressions that are themselves wrong.
//
// # In Markdown and HTML
//
// HTML comments switch rules off:
//
//	<!-- reflint-disable-next-line uncited-claim -- common knowledge -->
//	<!-- reflint-disable uncited-claim, low-coverage -- a quoted interview -->
//	…
//	<!-- reflint-enable uncited-claim, low-coverage -->
//
// RULE is a rule name, a comma (or blank) separated list, or all.
// disable-next-line covers findings whose span starts on the line after the
// comment's end. disable covers findings starting after the comment until
// a reflint-enable of the rule (or of all, or with no rule list) or the
// end of the file. After "disable all", "enable RULE" switches that one
// rule back on. The reason follows " -- " and is required on both disable
// forms; reflint-enable needs none.
//
// Comments inside fenced code blocks and inline code spans (Markdown), and
// inside <script>, <style> and <textarea> (HTML), are not directives.
// Documents of format "text" have no directives.
//
// # In plain text (and any format)
//
// Plain text has no comments, so suppressions live in the configuration
// (config.Suppression): a finding of one of the entry's rules is hidden
// when the text of the line its span starts on, or the text of the span
// itself, contains the entry's text, both compared case-insensitively with
// runs of blanks folded into one space. They apply to every format.
//
// # bad-suppression
//
// Filter adds findings of Rule (bad-suppression, warning) for a directive
// without a reason (which is then not applied: a reason is the price of a
// suppression), a directive naming an unknown rule or none, an unknown
// reflint-… directive, a reflint-enable with nothing to enable, and, for
// each rule of a directive, a suppression that suppressed nothing, as
// staticcheck does for lint:ignore. These findings are never suppressed
// themselves. Configuration entries that matched nothing cannot be placed
// in a document; Usage collects them across files instead.
package suppress

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/config"
)

// Rule is the rule bad suppressions are reported under. Its Run reports
// nothing: Filter makes its findings, after the other rules have run. Its
// severity can be changed in the configuration like any rule's
// (config.Settings.Adjust).
var Rule = &lint.Rule{
	Name:     config.BadSuppressionRule,
	Title:    "a suppression without a reason, or one that suppressed nothing",
	Severity: lint.Warning,
	Doc: `A reflint-disable or reflint-disable-next-line comment must say why the finding does not
apply, after " -- ": a suppression without a reason is reported and not applied. A
suppression that hides no finding is reported too, so that stale ones are removed when the
text they excused changes. So are unknown rule names and directives, and a reflint-enable
with nothing disabled.`,
	Bad:  "<!-- reflint-disable-next-line uncited-claim -->\nCoffee is the most popular drink.",
	Good: "<!-- reflint-disable-next-line uncited-claim -- common knowledge -->\nCoffee is the most popular drink.",
	Run:  func(*lint.Pass) {},
}

// Kind is the kind of a directive.
type Kind int

// The directive kinds.
const (
	DisableNextLine Kind = iota + 1
	Disable
	Enable
)

func (k Kind) String() string {
	switch k {
	case DisableNextLine:
		return "reflint-disable-next-line"
	case Disable:
		return "reflint-disable"
	case Enable:
		return "reflint-enable"
	}
	return "reflint-?"
}

// Directive is one reflint comment of a document.
type Directive struct {
	Kind Kind
	// Rules are the rule names as written, or "all"; empty on an Enable
	// that enables everything.
	Rules  []string
	Reason string
	// Span covers the whole comment, <!-- to -->.
	Span lint.Span
	// Problem, when set, says why the directive is malformed; it is then
	// reported and not applied.
	Problem string
}

// Options refine FilterWith.
type Options struct {
	// Ran lists the rules that ran; a directive for a rule that did not
	// run is not reported as having suppressed nothing. Nil means every
	// rule ran.
	Ran []*lint.Rule
	// Usage, when set, records which configuration suppressions matched.
	Usage *Usage
}

// Filter returns the findings no suppression hides, followed in position
// order by bad-suppression findings. textRules are the configuration's
// plain-text suppressions. The input slice is not modified.
func Filter(doc *lint.Document, findings []lint.Finding, textRules []config.Suppression) []lint.Finding {
	return FilterWith(doc, findings, textRules, Options{})
}

// FilterWith is Filter with options.
func FilterWith(doc *lint.Document, findings []lint.Finding, textRules []config.Suppression, opts Options) []lint.Finding {
	dirs := Directives(doc)
	used := make(map[useKey]bool)
	out := make([]lint.Finding, 0, len(findings))
	for _, f := range findings {
		if k, ok := onNextLine(doc, dirs, f); ok {
			used[k] = true
			continue
		}
		if k, ok := suppressedBy(dirs, f); ok {
			used[k] = true
			continue
		}
		if i := matchText(doc, f, textRules); i >= 0 {
			opts.Usage.mark(textRules[i])
			continue
		}
		out = append(out, f)
	}
	bad := report(dirs, used, opts.Ran)
	if len(bad) == 0 {
		return out
	}
	out = append(out, bad...)
	slices.SortStableFunc(out, func(a, b lint.Finding) int {
		if a.Span.Start != b.Span.Start {
			return a.Span.Start - b.Span.Start
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	return out
}

// useKey names one rule of one directive.
type useKey struct {
	dir  int
	rule string
}

// suppressedBy replays the directives before a finding and returns the
// one (and its rule) that hides it.
func suppressedBy(dirs []Directive, f lint.Finding) (useKey, bool) {
	var all *useKey
	open := make(map[string]useKey)
	except := make(map[string]bool)
	for i, d := range dirs {
		if d.Problem != "" || d.Span.End > f.Span.Start {
			continue
		}
		switch d.Kind {
		case DisableNextLine:
			// handled below: it depends on lines, not order
		case Disable:
			for _, r := range d.Rules {
				if r == "all" {
					all = &useKey{i, r}
					clear(except)
				} else {
					open[r] = useKey{i, r}
					delete(except, r)
				}
			}
		case Enable:
			if len(d.Rules) == 0 || slices.Contains(d.Rules, "all") {
				all = nil
				clear(open)
				clear(except)
				continue
			}
			for _, r := range d.Rules {
				delete(open, r)
				if all != nil {
					except[r] = true
				}
			}
		}
	}
	if k, ok := open[f.Rule]; ok {
		return k, true
	}
	if all != nil && !except[f.Rule] {
		return *all, true
	}
	return useKey{}, false
}

// onNextLine returns the disable-next-line directive (and its rule) that
// hides a finding: one ending on the line before the finding's start.
func onNextLine(doc *lint.Document, dirs []Directive, f lint.Finding) (useKey, bool) {
	line := doc.Position(f.Span.Start).Line
	for i, d := range dirs {
		if d.Kind != DisableNextLine || d.Problem != "" || doc.Position(d.Span.End).Line+1 != line {
			continue
		}
		for _, r := range d.Rules {
			if r == f.Rule {
				return useKey{i, r}, true
			}
		}
		if slices.Contains(d.Rules, "all") {
			return useKey{i, "all"}, true
		}
	}
	return useKey{}, false
}

// matchText returns the index of the first text rule hiding f, or -1.
func matchText(doc *lint.Document, f lint.Finding, rules []config.Suppression) int {
	if len(rules) == 0 {
		return -1
	}
	line := fold(doc.Text(doc.Line(doc.Position(f.Span.Start).Line)))
	span := fold(doc.Text(f.Span))
	for i, s := range rules {
		if !s.Matches(f.Rule) {
			continue
		}
		t := fold(s.Text)
		if t != "" && (strings.Contains(line, t) || strings.Contains(span, t)) {
			return i
		}
	}
	return -1
}

var blanks = regexp.MustCompile(`\s+`)

// fold lower-cases s and folds runs of blanks into one space.
func fold(s string) string {
	return strings.TrimSpace(blanks.ReplaceAllString(strings.ToLower(s), " "))
}

// Usage records which configuration suppressions hid a finding, across
// files. It is safe for concurrent use; a nil *Usage records nothing.
type Usage struct {
	mu   sync.Mutex
	used map[string]bool
}

func usageKey(s config.Suppression) string {
	return s.Path + "\x00" + itoa(s.Line) + "\x00" + s.Text
}

func (u *Usage) mark(s config.Suppression) {
	if u == nil {
		return
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.used == nil {
		u.used = make(map[string]bool)
	}
	u.used[usageKey(s)] = true
}

// Unused returns the entries of rules that hid no finding in any file
// filtered with this Usage. Main may print them as a note; they are not
// findings of any document.
func (u *Usage) Unused(rules []config.Suppression) []config.Suppression {
	var out []config.Suppression
	for _, s := range rules {
		u.mu.Lock()
		ok := u.used[usageKey(s)]
		u.mu.Unlock()
		if !ok {
			out = append(out, s)
		}
	}
	return out
}
