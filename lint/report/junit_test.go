package report

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/reflint/reflint/lint"
)

func TestJUnitGolden(t *testing.T) {
	t.Parallel()
	results := articleResults(t, goldenArticles...)
	out := twice(t, func(b *bytes.Buffer) error { return WriteJUnit(b, results) })
	golden(t, "golden.junit.xml", out)
}

// junitBack is what a CI server reads back.
type junitBack struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func parseJUnit(t *testing.T, out []byte) junitBack {
	t.Helper()
	var back junitBack
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = true
	if err := dec.Decode(&back); err != nil {
		t.Fatalf("JUnit output does not parse: %v\n%s", err, out)
	}
	return back
}

func TestJUnitParsesBack(t *testing.T) {
	t.Parallel()
	results := articleResults(t, goldenArticles...)
	var b bytes.Buffer
	if err := WriteJUnit(&b, results); err != nil {
		t.Fatal(err)
	}
	back := parseJUnit(t, b.Bytes())
	if len(back.Suites) != len(results) {
		t.Fatalf("%d suites for %d files", len(back.Suites), len(results))
	}
	failures := 0
	for i, s := range back.Suites {
		r := results[i]
		if s.Name != r.Doc.Name || s.Tests != len(lint.All()) || len(s.Cases) != s.Tests {
			t.Errorf("suite %q: %d tests, %d cases", s.Name, s.Tests, len(s.Cases))
		}
		want := make(map[string][]lint.Finding)
		for _, f := range r.Findings {
			want[f.Rule] = append(want[f.Rule], f)
		}
		suiteFailures := 0
		for _, c := range s.Cases {
			fs := want[c.Name]
			if c.Classname != r.Doc.Name {
				t.Errorf("case %s: classname %q", c.Name, c.Classname)
			}
			worst := lint.Severity(0)
			for _, f := range fs {
				worst = max(worst, f.Severity)
				text := c.SystemOut
				if c.Failure != nil {
					text = c.Failure.Text
				}
				if !strings.Contains(text, f.Message) {
					t.Errorf("case %s does not list %q", c.Name, f.Message)
				}
			}
			switch {
			case worst >= lint.Warning:
				suiteFailures++
				if c.Failure == nil || c.Failure.Type != worst.String() {
					t.Errorf("case %s should fail as %s", c.Name, worst)
				}
			case c.Failure != nil:
				t.Errorf("case %s fails with only info findings or none", c.Name)
			}
		}
		if s.Failures != suiteFailures {
			t.Errorf("suite %s: failures=%d, counted %d", s.Name, s.Failures, suiteFailures)
		}
		failures += suiteFailures
	}
	if back.Failures != failures || back.Tests != len(results)*len(lint.All()) {
		t.Errorf("testsuites: tests=%d failures=%d", back.Tests, back.Failures)
	}
}

func TestJUnitNastyText(t *testing.T) {
	t.Parallel()
	d := lint.ParseText(`a&b <"c">.txt`, []byte("Some text here.\n"), lint.ParseOptions{})
	msgs := []string{
		"]]> breaks CDATA <![CDATA[ and <tags> & \"quotes\"",
		"control \x00\x01\x1b chars and invalid \xff utf-8",
		"two\nlines",
	}
	var fs []lint.Finding
	for _, m := range msgs {
		fs = append(fs, lint.Finding{Rule: "uncited-claim", Severity: lint.Warning, Message: m, Span: lint.Span{Start: 0, End: 4}})
	}
	fs = append(fs, lint.Finding{Rule: "made-up-rule", Severity: lint.Info, Message: "]]>", Span: lint.Span{Start: 5, End: 9}})
	var b bytes.Buffer
	if err := WriteJUnit(&b, []lint.Result{{Doc: d, Findings: fs}}); err != nil {
		t.Fatal(err)
	}
	back := parseJUnit(t, b.Bytes())
	s := back.Suites[0]
	if s.Name != `a&b <"c">.txt` || s.Tests != len(lint.All())+1 {
		t.Errorf("suite %q with %d tests", s.Name, s.Tests)
	}
	for _, c := range s.Cases {
		switch c.Name {
		case "uncited-claim":
			if c.Failure == nil {
				t.Fatal("uncited-claim should fail")
			}
			if !strings.Contains(c.Failure.Text, msgs[0]) || !strings.Contains(c.Failure.Text, "two\nlines") ||
				!strings.Contains(c.Failure.Text, "control \uFFFD\uFFFD\uFFFD chars and invalid \uFFFD utf-8") {
				t.Errorf("failure text lost something:\n%q", c.Failure.Text)
			}
			if !strings.HasPrefix(c.Failure.Message, "3 findings; first: ]]>") {
				t.Errorf("failure message %q", c.Failure.Message)
			}
		case "made-up-rule":
			if c.Failure != nil || !strings.Contains(c.SystemOut, "info: ]]>") {
				t.Errorf("info-only rule should pass and list its finding: %+v", c)
			}
		}
	}
}
