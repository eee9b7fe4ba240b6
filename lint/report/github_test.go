package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reflint/reflint/lint"
)

func TestGitHubGolden(t *testing.T) {
	t.Parallel()
	results := articleResults(t, goldenArticles...)
	out := twice(t, func(b *bytes.Buffer) error { return WriteGitHub(b, results, GitHubOptions{}) })
	golden(t, "golden.github.txt", out)
}

// ghCommand is a parsed workflow command.
type ghCommand struct {
	level   string
	props   map[string]string
	message string
}

// parseGitHub reads workflow commands back the way the runner does:
// split at the first "::" after the command name, properties at ",",
// keys and values at the first "=", then unescape.
func parseGitHub(t *testing.T, out string) []ghCommand {
	t.Helper()
	unData := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%25", "%")
	unProp := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
	var cmds []ghCommand
	for line := range strings.SplitSeq(strings.TrimSuffix(out, "\n"), "\n") {
		if !strings.HasPrefix(line, "::") {
			t.Fatalf("not a workflow command: %q", line)
		}
		if strings.ContainsRune(line, '\r') {
			t.Fatalf("raw CR in %q", line)
		}
		rest := line[2:]
		head, msg, ok := strings.Cut(rest, "::")
		if !ok {
			t.Fatalf("no message separator in %q", line)
		}
		level, props, _ := strings.Cut(head, " ")
		c := ghCommand{level: level, props: make(map[string]string), message: unData.Replace(msg)}
		for p := range strings.SplitSeq(props, ",") {
			k, v, ok := strings.Cut(p, "=")
			if !ok {
				t.Fatalf("bad property %q in %q", p, line)
			}
			c.props[k] = unProp.Replace(v)
		}
		cmds = append(cmds, c)
	}
	return cmds
}

func TestGitHubEscaping(t *testing.T) {
	t.Parallel()
	d := lint.ParseText("odd dir,v2/50%: notes\r\n.txt", []byte("First line.\nSecond line, with more text.\n"), lint.ParseOptions{})
	nasty := []string{
		"100% sure: a, b and c",
		"two\nlines\r\nand a CR\r",
		"::error file=x.txt::injected",
		"%0A is not a newline, %25 is not a percent",
		"trailing colon:",
	}
	var fs []lint.Finding
	for i, m := range nasty {
		fs = append(fs, lint.Finding{Rule: "rule:with,odd%chars", Severity: lint.Severity(3 - i%3), Message: m, Span: lint.Span{Start: 12, End: 18}})
	}
	fs = append(fs, lint.Finding{Rule: "duplicate-reference", Severity: lint.Error, Message: "dup", Span: lint.Span{Start: 12, End: 18},
		Related: []lint.Related{{Span: lint.Span{Start: 0, End: 5}, Message: "first listed here"}}})
	var b bytes.Buffer
	if err := WriteGitHub(&b, []lint.Result{{Doc: d, Findings: fs}}, GitHubOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := strings.Count(out, "\n"); n != len(fs) {
		t.Fatalf("%d lines for %d findings:\n%s", n, len(fs), out)
	}
	cmds := parseGitHub(t, out)
	levels := []string{"error", "warning", "notice"}
	for i, c := range cmds[:len(nasty)] {
		if c.message != nasty[i] {
			t.Errorf("message %q came back as %q", nasty[i], c.message)
		}
		if c.level != levels[i%3] {
			t.Errorf("level %q, want %q", c.level, levels[i%3])
		}
		want := map[string]string{"file": "odd dir,v2/50%: notes\r\n.txt", "line": "2", "col": "1", "endLine": "2", "endColumn": "7", "title": "rule:with,odd%chars"}
		for k, v := range want {
			if c.props[k] != v {
				t.Errorf("property %s = %q, want %q", k, c.props[k], v)
			}
		}
		if len(c.props) != len(want) {
			t.Errorf("properties %v", c.props)
		}
	}
	if last := cmds[len(cmds)-1]; last.message != "dup; first listed here: line 1, column 1" {
		t.Errorf("related location not named: %q", last.message)
	}
}

func TestGitHubPaths(t *testing.T) {
	t.Parallel()
	r := lintText(filepath.Join("..", "..", "testdata", "articles", "dup.txt"), duplicateArticle)
	for _, c := range []struct{ base, want string }{
		{"", "../../testdata/articles/dup.txt"},
		{filepath.Join("..", ".."), "testdata/articles/dup.txt"},
	} {
		var b bytes.Buffer
		if err := WriteGitHub(&b, []lint.Result{r}, GitHubOptions{BaseDir: c.base}); err != nil {
			t.Fatal(err)
		}
		cmds := parseGitHub(t, b.String())
		if len(cmds) != len(r.Findings) {
			t.Fatalf("%d commands for %d findings", len(cmds), len(r.Findings))
		}
		for _, cmd := range cmds {
			if cmd.props["file"] != c.want {
				t.Errorf("BaseDir %q: file=%q, want %q", c.base, cmd.props["file"], c.want)
			}
		}
	}
	// The duplicate entry sits on line 7, the first on line 6.
	var b bytes.Buffer
	if err := WriteGitHub(&b, []lint.Result{r}, GitHubOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "::error file=../../testdata/articles/dup.txt,line=7,col=1,") ||
		!strings.Contains(b.String(), "first listed here: line 6, column 1") {
		t.Errorf("duplicate not annotated at line 7 with line 6 named:\n%s", b.String())
	}
}
