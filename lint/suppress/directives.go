package suppress

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/config"
)

// Directives returns the reflint comments of a Markdown or HTML document
// in source order; none for other formats.
func Directives(doc *lint.Document) []Directive {
	if doc.Format != "markdown" && doc.Format != "html" {
		return nil
	}
	src := doc.Source
	skip := codeRanges(doc)
	var out []Directive
	for i := 0; ; {
		k := bytes.Index(src[i:], []byte("<!--"))
		if k < 0 {
			break
		}
		start := i + k
		e := bytes.Index(src[start+4:], []byte("-->"))
		if e < 0 {
			break
		}
		end := start + 4 + e + 3
		i = end
		if inRanges(skip, start) {
			continue
		}
		if d, ok := parseDirective(string(src[start+4:end-3]), lint.Span{Start: start, End: end}); ok {
			out = append(out, d)
		}
	}
	return out
}

// separator splits rules from the reason: " -- " (two or more dashes).
var separator = regexp.MustCompile(`(^|\s)-{2,}(\s|$)`)

// parseDirective reads the text of one comment; ok is false when it is no
// reflint comment at all.
func parseDirective(body string, span lint.Span) (Directive, bool) {
	body = strings.TrimSpace(body)
	word, rest := body, ""
	if i := strings.IndexAny(body, " \t\r\n"); i >= 0 {
		word, rest = body[:i], body[i+1:]
	}
	if !strings.HasPrefix(word, "reflint-") && !strings.HasPrefix(word, "reflint:") {
		return Directive{}, false
	}
	d := Directive{Span: span}
	switch word {
	case "reflint-disable-next-line":
		d.Kind = DisableNextLine
	case "reflint-disable":
		d.Kind = Disable
	case "reflint-enable":
		d.Kind = Enable
	default:
		d.Problem = fmt.Sprintf("unknown directive %q (want reflint-disable-next-line, reflint-disable or reflint-enable)", word)
		return d, true
	}
	rules := rest
	if loc := separator.FindStringIndex(rest); loc != nil {
		rules, d.Reason = rest[:loc[0]], strings.TrimSpace(rest[loc[1]:])
	}
	d.Rules = strings.FieldsFunc(rules, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	if len(d.Rules) == 0 {
		d.Rules = nil
	}
	switch {
	case d.Kind != Enable && len(d.Rules) == 0:
		d.Problem = fmt.Sprintf("%s names no rule (write a rule, a comma list, or all)", d.Kind)
	case d.Kind != Enable && d.Reason == "":
		d.Problem = fmt.Sprintf("%s %s has no reason: add \" -- why\" before -->", d.Kind, strings.Join(d.Rules, ","))
	}
	return d, true
}

// known reports whether a directive may name a rule.
func known(name string) bool {
	return name == "all" || (name != config.BadSuppressionRule && lint.ByName(name) != nil)
}

// report makes the bad-suppression findings.
func report(dirs []Directive, used map[useKey]bool, ran []*lint.Rule) []lint.Finding {
	var out []lint.Finding
	add := func(d Directive, format string, args ...any) {
		out = append(out, lint.Finding{Rule: Rule.Name, Severity: Rule.Severity, Span: d.Span, Message: fmt.Sprintf(format, args...)})
	}
	didRun := func(rule string) bool {
		if ran == nil || rule == "all" {
			return true
		}
		return slices.ContainsFunc(ran, func(r *lint.Rule) bool { return r.Name == rule })
	}
	open := make(map[string]bool) // rules (or "all") disabled so far
	for i, d := range dirs {
		if d.Problem != "" {
			add(d, "%s", d.Problem)
			continue
		}
		for _, r := range d.Rules {
			if !known(r) {
				add(d, "unknown rule %q in %s (reflint rules lists them)", r, d.Kind)
			}
		}
		switch d.Kind {
		case Disable:
			for _, r := range d.Rules {
				open[r] = true
			}
		case Enable:
			if len(d.Rules) == 0 || slices.Contains(d.Rules, "all") {
				if len(open) == 0 {
					add(d, "%s has nothing to enable: no reflint-disable before it", d.Kind)
				}
				clear(open)
				continue
			}
			for _, r := range d.Rules {
				if known(r) && !open[r] && !open["all"] {
					add(d, "%s %s has no reflint-disable of it before it", d.Kind, r)
				}
				delete(open, r)
			}
			continue
		}
		for _, r := range d.Rules {
			if known(r) && didRun(r) && !used[useKey{i, r}] {
				add(d, "%s %s suppressed nothing; remove it", d.Kind, r)
			}
		}
	}
	return out
}

// codeRanges returns the byte ranges whose comments are not directives:
// Markdown code, HTML script, style and textarea elements.
func codeRanges(doc *lint.Document) []lint.Span {
	if doc.Format == "html" {
		return rawTextElements(doc.Source)
	}
	return markdownCode(doc)
}

func inRanges(rs []lint.Span, off int) bool {
	for _, r := range rs {
		if r.Contains(off) {
			return true
		}
	}
	return false
}

var rawElement = regexp.MustCompile(`(?is)<(script|style|textarea)\b.*?</(script|style|textarea)\s*>`)

func rawTextElements(src []byte) []lint.Span {
	var out []lint.Span
	for _, m := range rawElement.FindAllIndex(src, -1) {
		out = append(out, lint.Span{Start: m[0], End: m[1]})
	}
	return out
}

// markdownCode finds fenced code blocks (``` or ~~~, indented at most
// three spaces, closed by a fence of the same character at least as long)
// and inline code spans (matching backtick runs on one line).
func markdownCode(doc *lint.Document) []lint.Span {
	var out []lint.Span
	var fenceChar byte
	fenceLen, fenceStart := 0, 0
	for n := 1; n <= doc.LineCount(); n++ {
		line := doc.Line(n)
		text := doc.Source[line.Start:line.End]
		trimmed := bytes.TrimLeft(text, " ")
		indent := len(text) - len(trimmed)
		if ch, l := fence(trimmed); l > 0 && indent <= 3 {
			switch {
			case fenceLen == 0:
				fenceChar, fenceLen, fenceStart = ch, l, line.Start
				continue
			case ch == fenceChar && l >= fenceLen && len(bytes.TrimSpace(trimmed[l:])) == 0:
				out = append(out, lint.Span{Start: fenceStart, End: line.End})
				fenceLen = 0
				continue
			}
		}
		if fenceLen > 0 {
			continue
		}
		out = append(out, inlineCode(text, line.Start)...)
	}
	if fenceLen > 0 {
		out = append(out, lint.Span{Start: fenceStart, End: len(doc.Source)})
	}
	return out
}

// fence returns the fence character and length opening a line, if any.
func fence(line []byte) (byte, int) {
	if len(line) < 3 || (line[0] != '`' && line[0] != '~') {
		return 0, 0
	}
	n := 0
	for n < len(line) && line[n] == line[0] {
		n++
	}
	if n < 3 {
		return 0, 0
	}
	return line[0], n
}

// inlineCode returns the code spans of one line: a run of backticks up to
// the next run of the same length.
func inlineCode(line []byte, base int) []lint.Span {
	var out []lint.Span
	for i := 0; i < len(line); {
		if line[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(line) && line[j] == '`' {
			j++
		}
		run := j - i
		closed := false
		for k := j; k < len(line); {
			if line[k] != '`' {
				k++
				continue
			}
			m := k
			for m < len(line) && line[m] == '`' {
				m++
			}
			if m-k == run {
				out = append(out, lint.Span{Start: base + i, End: base + m})
				i, closed = m, true
				break
			}
			k = m
		}
		if !closed {
			i = j
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }
