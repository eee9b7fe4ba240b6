package config

import (
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/prose"
)

// topKeys are the keys of the file, in documentation order.
var topKeys = []string{"rules", "fail-on", "min-coverage", "reference-headings", "claim-cues",
	"benefit-headings", "online", "ignore", "suppress"}

// cueLists are the list categories of claim-cues and the field each fills.
var cueLists = []struct {
	key   string
	field func(*prose.Cues) *[]string
}{
	{"research", func(c *prose.Cues) *[]string { return &c.Research }},
	{"effect", func(c *prose.Cues) *[]string { return &c.Effect }},
	{"comparison", func(c *prose.Cues) *[]string { return &c.Comparison }},
	{"quantity-units", func(c *prose.Cues) *[]string { return &c.QuantityUnits }},
	{"summary", func(c *prose.Cues) *[]string { return &c.Summary }},
	{"anecdote", func(c *prose.Cues) *[]string { return &c.Anecdote }},
	{"imperative", func(c *prose.Cues) *[]string { return &c.Imperative }},
	{"call-to-action", func(c *prose.Cues) *[]string { return &c.CallToAction }},
	{"caption", func(c *prose.Cues) *[]string { return &c.Caption }},
	{"faq", func(c *prose.Cues) *[]string { return &c.FAQ }},
	{"study-nouns", func(c *prose.Cues) *[]string { return &c.StudyNouns }},
	{"abbreviations", func(c *prose.Cues) *[]string { return &c.Abbreviations }},
	{"number-abbreviations", func(c *prose.Cues) *[]string { return &c.NumberAbbreviations }},
}

// cueMaps are the map categories of claim-cues, with the values allowed
// (nil: any string).
var cueMaps = []struct {
	key     string
	field   func(*prose.Cues) *map[string]string
	allowed []string
}{
	{"study-kinds", func(c *prose.Cues) *map[string]string { return &c.StudyKinds }, evidenceKinds},
	{"synonyms", func(c *prose.Cues) *map[string]string { return &c.Synonyms }, nil},
	{"directions", func(c *prose.Cues) *map[string]string { return &c.Directions }, []string{"up", "down"}},
}

// evidenceKinds are the values of study-kinds (lint.Evidence, without
// "unknown").
var evidenceKinds = []string{"meta-analysis", "systematic-review", "randomized-trial", "trial",
	"observational", "review", "animal-study", "protocol", "guideline", "book", "web-page"}

// KnownRules returns the rule names the rules section accepts: every rule
// of lint.All and BadSuppressionRule.
func KnownRules() []string {
	var out []string
	for _, r := range lint.All() {
		out = append(out, r.Name)
	}
	return append(out, BadSuppressionRule)
}

func isKnownRule(name string) bool { return slices.Contains(KnownRules(), name) }

// decoder walks the YAML node tree, filling cfg and collecting errors.
type decoder struct {
	path string
	cfg  *Config
	errs ErrorList
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	e := &Error{Path: d.path, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (d *decoder) decode(data []byte) {
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return // empty file: defaults
		}
		d.syntaxError(err)
		return
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		if err != nil {
			d.syntaxError(err)
		} else {
			d.errorf(&extra, "a second YAML document; the file must hold one mapping")
		}
		return
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return
		}
		root = root.Content[0]
	}
	root = deref(root)
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return // only comments
	}
	d.mapping(root, "the file", topKeys, func(key string, _, v *yaml.Node) {
		switch key {
		case "rules":
			d.rules(v)
		case "fail-on":
			if s, ok := d.enum(v, "fail-on", "error", "warning", "info", "none"); ok {
				sev, _ := lint.ParseSeverity(s)
				d.cfg.FailOn.Severity, d.cfg.FailOn.Set = sev, true
			}
		case "min-coverage":
			d.minCoverage(v)
		case "reference-headings":
			d.cfg.ReferenceHeadings = lower(d.strings(v, key))
		case "claim-cues":
			d.claimCues(v)
		case "benefit-headings":
			d.cfg.Cues.BenefitLeadIn = lower(d.strings(v, key))
		case "online":
			d.online(v)
		case "ignore":
			d.ignore(v)
		case "suppress":
			d.suppress(v)
		}
	})
}

func (d *decoder) syntaxError(err error) {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	line, problem := 0, strings.TrimPrefix(msg, "yaml: ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		problem = m[2]
	}
	// yaml.v3 reports a parser error (as opposed to a scanner error) with
	// the 0-based line of the construct it was parsing, or no line on the
	// first line: shift it to the 1-based line of that construct.
	if isParserProblem(problem) {
		line++
	}
	d.errs = append(d.errs, &Error{Path: d.path, Line: line, Msg: "invalid YAML: " + problem})
}

// isParserProblem reports whether a yaml.v3 message comes from its parser
// (parserc.go) rather than its scanner.
func isParserProblem(p string) bool {
	for _, prefix := range []string{"did not find expected <", "did not find expected node content",
		"did not find expected '-' indicator", "did not find expected key", "did not find expected ','",
		"found undefined tag handle", "found duplicate %", "found incompatible YAML document"} {
		if strings.HasPrefix(p, prefix) {
			return true
		}
	}
	return false
}

// deref follows aliases (*anchor) to the node they name.
func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// kind names what a node is, for messages.
func kind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "an empty value"
		case "!!bool":
			return "a boolean"
		case "!!int", "!!float":
			return "a number"
		}
		return fmt.Sprintf("the string %q", n.Value)
	}
	return "an unsupported value"
}

// mapping calls fn for each key of a mapping node. When keys is not nil,
// other keys are errors listing the allowed ones. Duplicate keys are
// errors.
func (d *decoder) mapping(n *yaml.Node, what string, keys []string, fn func(key string, k, v *yaml.Node)) {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping, not %s", what, kind(n))
		return
	}
	seen := make(map[string]bool)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
			d.errorf(k, "keys of %s must be plain strings", what)
			continue
		}
		key := k.Value
		if seen[key] {
			d.errorf(k, "duplicate key %q in %s", key, what)
			continue
		}
		seen[key] = true
		if keys != nil && !slices.Contains(keys, key) {
			d.errorf(k, "unknown key %q in %s (allowed: %s)", key, what, strings.Join(keys, ", "))
			continue
		}
		fn(key, k, v)
	}
}

// str returns a string scalar.
func (d *decoder) str(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		d.errorf(n, "%s must be a string, not %s", what, kind(n))
		return "", false
	}
	return n.Value, true
}

// nonEmpty is str that also refuses blank strings.
func (d *decoder) nonEmpty(n *yaml.Node, what string) (string, bool) {
	s, ok := d.str(n, what)
	if ok && strings.TrimSpace(s) == "" {
		d.errorf(n, "%s must not be empty", what)
		return "", false
	}
	return s, ok
}

func (d *decoder) boolean(n *yaml.Node, what string) (bool, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.errorf(n, "%s must be true or false, not %s", what, kind(n))
		return false, false
	}
	b, err := strconv.ParseBool(n.Value)
	if err != nil {
		// YAML 1.1 spellings that yaml.v3 still tags !!bool.
		b = strings.EqualFold(n.Value, "yes") || strings.EqualFold(n.Value, "on")
	}
	return b, true
}

// percent reads a number from 0 to 100.
func (d *decoder) percent(n *yaml.Node, what string) (float64, bool) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		d.errorf(n, "%s must be a percentage from 0 to 100, not %s", what, kind(n))
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	if err != nil || v < 0 || v > 100 {
		d.errorf(n, "%s must be a percentage from 0 to 100, not %s", what, n.Value)
		return 0, false
	}
	return v, true
}

func (d *decoder) enum(n *yaml.Node, what string, allowed ...string) (string, bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && slices.Contains(allowed, n.Value) {
		return n.Value, true
	}
	d.errorf(n, "%s must be one of %s, not %s", what, strings.Join(allowed, ", "), kind(n))
	return "", false
}

// strings reads a list of non-empty strings.
func (d *decoder) strings(n *yaml.Node, what string) []string {
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s must be a list of strings, not %s", what, kind(n))
		return nil
	}
	var out []string
	for _, item := range n.Content {
		if s, ok := d.nonEmpty(deref(item), "an item of "+what); ok {
			out = append(out, s)
		}
	}
	return out
}

func lower(list []string) []string {
	for i, s := range list {
		list[i] = strings.ToLower(strings.TrimSpace(s))
	}
	return list
}

// rules reads the rules section: each rule maps to a boolean, off/on, a
// severity, or a mapping with enabled and severity.
func (d *decoder) rules(n *yaml.Node) {
	const forms = "true, false, on, off, error, warning, info, or a mapping with enabled and severity"
	d.mapping(n, "rules", nil, func(name string, k, v *yaml.Node) {
		if !isKnownRule(name) {
			d.errorf(k, "unknown rule %q (known: %s)", name, strings.Join(KnownRules(), ", "))
			return
		}
		rs := RuleSetting{Name: name, Line: k.Line}
		switch {
		case v.Kind == yaml.ScalarNode && v.Tag == "!!bool":
			b, _ := d.boolean(v, name)
			rs.Enabled = &b
		case v.Kind == yaml.ScalarNode && v.Tag == "!!str":
			switch v.Value {
			case "on", "off":
				b := v.Value == "on"
				rs.Enabled = &b
			case "error", "warning", "info":
				rs.Severity, _ = lint.ParseSeverity(v.Value)
			default:
				d.errorf(v, "rule %s: unknown setting %q (want %s)", name, v.Value, forms)
				return
			}
		case v.Kind == yaml.MappingNode:
			d.mapping(v, "rule "+name, []string{"enabled", "severity"}, func(key string, _, v *yaml.Node) {
				switch key {
				case "enabled":
					if b, ok := d.boolean(v, "enabled"); ok {
						rs.Enabled = &b
					}
				case "severity":
					if s, ok := d.enum(v, "severity", "error", "warning", "info"); ok {
						rs.Severity, _ = lint.ParseSeverity(s)
					}
				}
			})
		default:
			d.errorf(v, "rule %s: want %s, not %s", name, forms, kind(v))
			return
		}
		d.cfg.Rules = append(d.cfg.Rules, rs)
	})
}

// minCoverage reads a percentage, or a mapping with default and sections.
func (d *decoder) minCoverage(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		if v, ok := d.percent(n, "min-coverage"); ok {
			d.cfg.MinCoverage = &v
		}
		return
	}
	d.mapping(n, "min-coverage", []string{"default", "sections"}, func(key string, _, v *yaml.Node) {
		switch key {
		case "default":
			if p, ok := d.percent(v, "min-coverage default"); ok {
				d.cfg.MinCoverage = &p
			}
		case "sections":
			d.cfg.SectionCoverage = make(map[string]float64)
			seen := make(map[string]bool)
			d.mapping(v, "min-coverage sections", nil, func(title string, k, v *yaml.Node) {
				low := strings.ToLower(strings.TrimSpace(title))
				if low == "" {
					d.errorf(k, "a section title must not be empty")
					return
				}
				if seen[low] {
					d.errorf(k, "section %q is listed twice (titles are compared case-insensitively)", title)
					return
				}
				seen[low] = true
				if p, ok := d.percent(v, fmt.Sprintf("min-coverage for section %q", title)); ok {
					d.cfg.SectionCoverage[title] = p
				}
			})
		}
	})
}

func (d *decoder) claimCues(n *yaml.Node) {
	var keys []string
	for _, l := range cueLists {
		keys = append(keys, l.key)
	}
	for _, m := range cueMaps {
		keys = append(keys, m.key)
	}
	d.mapping(n, "claim-cues", keys, func(key string, _, v *yaml.Node) {
		for _, l := range cueLists {
			if l.key == key {
				*l.field(&d.cfg.Cues) = lower(d.strings(v, "claim-cues "+key))
				return
			}
		}
		for _, m := range cueMaps {
			if m.key != key {
				continue
			}
			out := make(map[string]string)
			d.mapping(v, "claim-cues "+key, nil, func(word string, k, v *yaml.Node) {
				if strings.TrimSpace(word) == "" {
					d.errorf(k, "a cue phrase must not be empty")
					return
				}
				var val string
				var ok bool
				if m.allowed != nil {
					val, ok = d.enum(v, fmt.Sprintf("claim-cues %s %q", key, word), m.allowed...)
				} else {
					val, ok = d.nonEmpty(v, fmt.Sprintf("claim-cues %s %q", key, word))
				}
				if ok {
					out[strings.ToLower(strings.TrimSpace(word))] = strings.ToLower(val)
				}
			})
			*m.field(&d.cfg.Cues) = out
		}
	})
}

func (d *decoder) online(n *yaml.Node) {
	o := &d.cfg.Online
	d.mapping(n, "online", []string{"mailto", "crossref", "pubmed", "lock-file"}, func(key string, _, v *yaml.Node) {
		switch key {
		case "mailto":
			if s, ok := d.nonEmpty(v, "online mailto"); ok {
				if !strings.Contains(s, "@") || strings.ContainsAny(s, " \t") {
					d.errorf(v, "online mailto must be an e-mail address, not %q", s)
					return
				}
				o.Mailto = s
			}
		case "crossref", "pubmed":
			if b, ok := d.boolean(v, "online "+key); ok {
				if key == "crossref" {
					o.Crossref = &b
				} else {
					o.PubMed = &b
				}
			}
		case "lock-file":
			if s, ok := d.nonEmpty(v, "online lock-file"); ok {
				if !filepath.IsAbs(s) {
					s = filepath.Join(d.cfg.Dir, s)
				}
				o.LockFile = s
			}
		}
	})
}

func (d *decoder) ignore(n *yaml.Node) {
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "ignore must be a list of file patterns, not %s", kind(n))
		return
	}
	for _, item := range n.Content {
		item = deref(item)
		s, ok := d.nonEmpty(item, "an ignore pattern")
		if !ok {
			continue
		}
		if err := checkPattern(s); err != nil {
			d.errorf(item, "ignore pattern %q: %v (patterns use *, ?, [a-z] and ** for any folders)", s, err)
			continue
		}
		d.cfg.Ignore = append(d.cfg.Ignore, s)
	}
}

// checkPattern validates every segment of a slash-separated pattern.
func checkPattern(p string) error {
	for seg := range strings.SplitSeq(filepath.ToSlash(p), "/") {
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return errors.New("malformed pattern")
		}
	}
	return nil
}

func (d *decoder) suppress(n *yaml.Node) {
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "suppress must be a list of entries with rule, text and reason, not %s", kind(n))
		return
	}
	for _, item := range n.Content {
		item = deref(item)
		s := Suppression{Path: d.path, Line: item.Line}
		have := make(map[string]bool)
		before := len(d.errs)
		d.mapping(item, "a suppress entry", []string{"rule", "text", "reason"}, func(key string, _, v *yaml.Node) {
			have[key] = true
			switch key {
			case "rule":
				if r, ok := d.nonEmpty(v, "suppress rule"); ok {
					s.Rules = d.ruleList(v, r)
				}
			case "text":
				s.Text, _ = d.nonEmpty(v, "suppress text")
			case "reason":
				s.Reason, _ = d.nonEmpty(v, "suppress reason")
			}
		})
		if item.Kind != yaml.MappingNode {
			continue
		}
		for _, k := range []string{"rule", "text", "reason"} {
			if !have[k] {
				d.errorf(item, "a suppress entry needs %s (rule, text and reason are required)", k)
			}
		}
		if len(d.errs) == before {
			d.cfg.Suppress = append(d.cfg.Suppress, s)
		}
	}
}

// ruleList splits "a, b" into rule names and checks each.
func (d *decoder) ruleList(n *yaml.Node, s string) []string {
	var out []string
	for _, name := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		if name != "all" && !isKnownRule(name) {
			d.errorf(n, "unknown rule %q in suppress (known: all, %s)", name, strings.Join(KnownRules(), ", "))
			continue
		}
		out = append(out, name)
	}
	return out
}
