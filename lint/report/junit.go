package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/reflint/reflint/lint"
)

// The JUnit XML subset that GitLab, Jenkins and most CI servers read:
// testsuites > testsuite > testcase > failure | system-out.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut *junitCDATA   `xml:"system-out,omitempty"`
}

// junitCDATA keeps line breaks readable in the XML.
type junitCDATA struct {
	Text string `xml:",cdata"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

// WriteJUnit writes JUnit XML: one testsuite per file and, in it, one
// testcase per rule of lint.All() (and any other rule that reported).
// A rule with a finding at warning or above fails, its failure listing
// every finding one per line like the text report; a rule with only info
// findings passes and lists them in system-out.
func WriteJUnit(w io.Writer, results []lint.Result) error {
	out := junitSuites{Name: "reflint", Suites: make([]junitSuite, 0, len(results))}
	for _, r := range results {
		d := r.Doc
		file := filepath.ToSlash(d.Name)
		byRule := make(map[string][]lint.Finding)
		var names []string
		for _, rule := range lint.All() {
			names = append(names, rule.Name)
			byRule[rule.Name] = nil
		}
		for _, f := range r.Findings {
			if _, known := byRule[f.Rule]; !known {
				names = append(names, f.Rule)
			}
			byRule[f.Rule] = append(byRule[f.Rule], f)
		}
		suite := junitSuite{Name: file, Tests: len(names)}
		for _, name := range names {
			c := junitCase{Name: name, Classname: file, File: file}
			fs := byRule[name]
			var lines strings.Builder
			worst := lint.Severity(0)
			for _, f := range fs {
				p := d.Position(f.Span.Start)
				fmt.Fprintf(&lines, "%s:%d:%d: %s: %s\n", file, p.Line, p.Column, f.Severity, f.Message)
				worst = max(worst, f.Severity)
			}
			switch {
			case worst >= lint.Warning:
				msg := fs[0].Message
				if len(fs) > 1 {
					msg = fmt.Sprintf("%d findings; first: %s", len(fs), msg)
				}
				c.Failure = &junitFailure{Message: msg, Type: worst.String(), Text: xmlSafe(lines.String())}
				suite.Failures++
			case len(fs) > 0:
				c.SystemOut = &junitCDATA{Text: xmlSafe(lines.String())}
			}
			suite.Cases = append(suite.Cases, c)
		}
		out.Tests += suite.Tests
		out.Failures += suite.Failures
		out.Suites = append(out.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// xmlSafe replaces the characters XML 1.0 forbids (most control
// characters, surrogates, U+FFFE and U+FFFF) with U+FFFD. Attribute values
// and escaped text get this from encoding/xml; CDATA sections do not.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r',
			r >= 0x20 && r <= 0xD7FF,
			r >= 0xE000 && r <= 0xFFFD,
			r >= 0x10000 && r <= 0x10FFFF:
			return r
		}
		return '\uFFFD'
	}, strings.ToValidUTF8(s, "\uFFFD"))
}
