package config

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/reflint/reflint/lint"
)

// want is one expected error of a bad example: "# want: LINE: text".
type want struct {
	line int
	text string
}

var wantLine = regexp.MustCompile(`(?m)^# want: (\d+): (.*)$`)

// examples returns the example files of testdata/good or testdata/bad.
func examples(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.yml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples in testdata/%s: %v", dir, err)
	}
	return files
}

func wants(t *testing.T, data []byte) []want {
	t.Helper()
	var out []want
	for _, m := range wantLine.FindAllStringSubmatch(string(data), -1) {
		n, _ := strconv.Atoi(m[1])
		out = append(out, want{n, m[2]})
	}
	return out
}

func TestGoodExamples(t *testing.T) {
	t.Parallel()
	for _, path := range examples(t, "good") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			if _, err := Load(path); err != nil {
				t.Fatalf("Load: %v", err)
			}
		})
	}
}

func TestBadExamples(t *testing.T) {
	t.Parallel()
	for _, path := range examples(t, "bad") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ws := wants(t, data)
			if len(ws) == 0 {
				t.Fatal("a bad example needs # want: LINE: text lines")
			}
			_, err = Load(path)
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Load: got %v, want an ErrorList", err)
			}
			if len(list) != len(ws) {
				t.Errorf("got %d errors, want %d:\n%v", len(list), len(ws), list)
			}
			for _, w := range ws {
				found := false
				for _, e := range list {
					prefix := path + ":" + strconv.Itoa(w.line) + ":"
					if e.Line == w.line && strings.HasPrefix(e.Error(), prefix) && strings.Contains(e.Msg, w.text) {
						found = true
					}
				}
				if !found {
					t.Errorf("no error at line %d containing %q; got:\n%v", w.line, w.text, list)
				}
			}
		})
	}
}

func TestFullExample(t *testing.T) {
	t.Parallel()
	c, err := Load(filepath.Join("testdata", "good", "full.yml"))
	if err != nil {
		t.Fatal(err)
	}
	on, off := true, false
	wantRules := []RuleSetting{
		{Name: "reference-kind", Enabled: &off, Line: 3},
		{Name: "citation-order", Severity: lint.Error, Line: 4},
		{Name: "marker-repeated", Enabled: &off, Line: 5},
		{Name: "unused-reference", Enabled: &on, Line: 6},
		{Name: "uncited-claim", Enabled: &on, Severity: lint.Info, Line: 7},
		{Name: "bad-suppression", Severity: lint.Error, Line: 10},
	}
	if d := cmp.Diff(wantRules, c.Rules); d != "" {
		t.Errorf("rules (-want +got):\n%s", d)
	}
	if !c.FailOn.Set || c.FailOn.Severity != lint.Warning {
		t.Errorf("fail-on = %+v", c.FailOn)
	}
	if c.MinCoverage == nil || *c.MinCoverage != 60 {
		t.Errorf("min-coverage = %v", c.MinCoverage)
	}
	if d := cmp.Diff(map[string]float64{"Reduce Anxiety": 80, "FAQ": 0}, c.SectionCoverage); d != "" {
		t.Errorf("sections (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"quellen", "further reading"}, c.ReferenceHeadings); d != "" {
		t.Errorf("reference headings (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"mitigate", "dampen"}, c.Cues.Effect); d != "" {
		t.Errorf("effect cues (-want +got):\n%s", d)
	}
	if c.Cues.StudyKinds["target trial emulation"] != "observational" || c.Cues.Directions["dampen"] != "down" ||
		c.Cues.Synonyms["rest"] != "sleep" || len(c.Cues.NumberAbbreviations) != 1 {
		t.Errorf("cue maps = %v %v %v", c.Cues.StudyKinds, c.Cues.Directions, c.Cues.Synonyms)
	}
	if d := cmp.Diff([]string{"why it works"}, c.Cues.BenefitLeadIn); d != "" {
		t.Errorf("benefit headings (-want +got):\n%s", d)
	}
	o := c.Online
	if o.Mailto != "editor@example.org" || o.Crossref == nil || !*o.Crossref || o.PubMed == nil || *o.PubMed ||
		o.LockFile != filepath.Join(c.Dir, "references.lock.json") {
		t.Errorf("online = %+v", o)
	}
	if d := cmp.Diff([]string{"drafts", "*.draft.md", "content/archive/**"}, c.Ignore); d != "" {
		t.Errorf("ignore (-want +got):\n%s", d)
	}
	wantSup := []Suppression{
		{Rules: []string{"uncited-claim"}, Text: "Coffee is the most popular drink", Reason: "common knowledge, no source needed", Path: c.Path, Line: 49},
		{Rules: []string{"uncited-claim", "low-coverage"}, Text: "Ask your doctor", Reason: "advice, not a claim", Path: c.Path, Line: 52},
	}
	if d := cmp.Diff(wantSup, c.Suppress); d != "" {
		t.Errorf("suppress (-want +got):\n%s", d)
	}
}

func TestParseEmpty(t *testing.T) {
	t.Parallel()
	for _, src := range []string{"", "# only a comment\n", "---\n"} {
		c, err := Parse("x.yml", []byte(src))
		if err != nil {
			t.Errorf("Parse(%q): %v", src, err)
			continue
		}
		if len(c.Rules) != 0 || c.FailOn.Set || c.MinCoverage != nil {
			t.Errorf("Parse(%q) = %+v, want defaults", src, c)
		}
	}
}

func TestParseTwoDocuments(t *testing.T) {
	t.Parallel()
	_, err := Parse("x.yml", []byte("fail-on: error\n---\nfail-on: info\n"))
	if err == nil || !strings.Contains(err.Error(), "x.yml:2:") || !strings.Contains(err.Error(), "second YAML document") {
		t.Errorf("got %v, want an error about a second document at line 2", err)
	}
}

func TestFind(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "a", FileName), "fail-on: info\n")
	if err := os.MkdirAll(filepath.Join(root, "x", FileName), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		dir, want string
		wantErr   bool
	}{
		{dir: deep, want: filepath.Join(root, "a", FileName)},
		{dir: filepath.Join(root, "a"), want: filepath.Join(root, "a", FileName)},
		{dir: filepath.Join(root, "x"), wantErr: true},
	}
	for _, tt := range tests {
		got, err := Find(tt.dir)
		if (err != nil) != tt.wantErr {
			t.Errorf("Find(%s): err = %v, want error %v", tt.dir, err, tt.wantErr)
			continue
		}
		if got != tt.want {
			t.Errorf("Find(%s) = %q, want %q", tt.dir, got, tt.want)
		}
	}
	// Above root there may be anything (a test machine's own files), so
	// only check that a folder with nothing above it in the temp dir
	// finds nothing inside the temp dir.
	if got, _ := Find(filepath.Join(root, "y")); strings.HasPrefix(got, root) {
		t.Errorf("Find outside any config = %q", got)
	}
}

func TestLoader(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	writeFile(t, filepath.Join(root, FileName), "fail-on: info\n")
	writeFile(t, filepath.Join(root, "sub", FileName), "fail-on: warning\n")
	writeFile(t, filepath.Join(root, "bad", FileName), "fail-on: never\n")
	explicit := filepath.Join(root, "explicit.yml")
	writeFile(t, explicit, "fail-on: none\n")

	var l Loader
	a, err := l.ForFile(filepath.Join(root, "one.md"))
	if err != nil || a.FailOn.Severity != lint.Info {
		t.Fatalf("root file: %+v, %v", a, err)
	}
	b, _ := l.ForFile(filepath.Join(root, "two.md"))
	if a != b {
		t.Error("two files of one folder got different Config values; want one cached value")
	}
	c, _ := l.ForFile(filepath.Join(root, "sub", "deeper", "three.md"))
	if c == nil || c.FailOn.Severity != lint.Warning {
		t.Errorf("sub file: %+v", c)
	}
	if _, err := l.ForFile(filepath.Join(root, "bad", "four.md")); err == nil || !strings.Contains(err.Error(), ":1:10: fail-on") {
		t.Errorf("bad config: err = %v", err)
	}

	e := Loader{Explicit: explicit}
	if c, err := e.ForFile(filepath.Join(root, "sub", "x.md")); err != nil || c.FailOn.Severity != 0 || !c.FailOn.Set {
		t.Errorf("explicit: %+v, %v", c, err)
	}
	missing := Loader{Explicit: filepath.Join(root, "missing.yml")}
	if _, err := missing.ForFile("-"); err == nil || !strings.Contains(err.Error(), "no such configuration file") {
		t.Errorf("missing explicit: err = %v", err)
	}
	off := Loader{Disabled: true, Explicit: explicit}
	if c, err := off.ForFile(filepath.Join(root, "x.md")); err != nil || c.FailOn.Set {
		t.Errorf("disabled: %+v, %v", c, err)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
