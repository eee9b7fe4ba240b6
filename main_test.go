package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	goldenfile "github.com/reflint/reflint/lint/golden"
	"github.com/reflint/reflint/schema"
)

var update = flag.Bool("update", false, "rewrite golden files")

// reflint runs the command in-process.
func reflint(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errw bytes.Buffer
	code = run(append([]string{"reflint"}, args...), strings.NewReader(stdin), &out, &errw)
	return out.String(), errw.String(), code
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	binary := filepath.Join(dir, "image.png")
	if err := os.WriteFile(binary, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o600); err != nil {
		t.Fatal(err)
	}
	mixed := t.TempDir() // a folder with a good article and a binary one
	if err := os.WriteFile(filepath.Join(mixed, "bad.txt"), []byte("\x00\x01binary"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mixed, "good.txt"), []byte("Fine.[1]\n\nReferences\n\n1. J X. 2020;1(1):1-2. A title.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	clean := "testdata/articles/caffeine-performance.txt"
	defects := "testdata/articles/teen-sleep.txt"
	tests := []struct {
		name    string
		args    []string
		code    int
		stderr  string // substring expected on stderr
		noPanic bool
	}{
		{"clean article", []string{clean}, 0, "", true},
		{"errors found", []string{defects}, 1, "", true},
		{"errors found, json", []string{"--format", "json", defects}, 1, "", true},
		{"flags after the file", []string{defects, "--format", "json", "--fail-on", "none"}, 0, "", true},
		{"fail-on none", []string{"--fail-on", "none", defects}, 0, "", true},
		{"fail-on info on a clean file", []string{"--fail-on", "info", "--disable", "uncited-claim,benefit-uncovered", "testdata/articles/fiber-gut.txt"}, 0, "", true},
		{"fail-on warning counts uncited claims", []string{"--fail-on", "warning", "testdata/articles/fiber-gut.txt"}, 1, "", true},
		{"disable the failing rules", []string{"--disable", "unresolved-marker,marker-repeated", defects}, 0, "", true},
		{"missing file", []string{"no/such/article.txt"}, 2, "no/such/article.txt: no such file", true},
		{"binary file", []string{binary}, 2, "image.png: not a text file", true},
		{"directory with a binary article", []string{mixed}, 2, "bad.txt: not a text file", true},
		{"empty file", []string{empty}, 0, "", true},
		{"bad flag", []string{"--frobnicate", clean}, 2, "frobnicate", true},
		{"bad format", []string{"--format", "yaml", clean}, 2, "unknown format", true},
		{"bad fail-on", []string{"--fail-on", "fatal", clean}, 2, "--fail-on", true},
		{"unknown rule", []string{"--disable", "nope", clean}, 2, `unknown rule "nope"`, true},
		{"no input", nil, 2, "no input", true},
		{"explain unknown", []string{"explain", "nope"}, 2, "unknown rule", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := reflint(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q does not mention %q", stderr, tt.stderr)
			}
		})
	}
}

func TestStdin(t *testing.T) {
	src, err := os.ReadFile("testdata/articles/teen-sleep.txt")
	if err != nil {
		t.Fatal(err)
	}
	out, _, code := reflint(t, string(src), "-")
	if code != 1 || !strings.Contains(out, "<stdin>:") {
		t.Errorf("stdin: code %d, output %q", code, out)
	}
}

func TestCommands(t *testing.T) {
	out, _, code := reflint(t, "", "rules")
	if code != 0 || !strings.Contains(out, "duplicate-reference") || !strings.Contains(out, "error") {
		t.Errorf("rules: code %d, output %q", code, out)
	}
	out, _, code = reflint(t, "", "explain", "duplicate-reference")
	if code != 0 || !strings.Contains(out, "Bad:") || !strings.Contains(out, "Good:") {
		t.Errorf("explain: code %d, output %q", code, out)
	}
	out, _, code = reflint(t, "", "--version")
	if code != 0 || !strings.Contains(out, version) {
		t.Errorf("--version: code %d, output %q", code, out)
	}
}

// TestGolden compares the text and JSON reports of every test article
// with golden files; go test -update rewrites them. It also validates the
// JSON against the report schema and checks that it is deterministic.
func TestGolden(t *testing.T) {
	sch := compileSchema(t)
	paths, _ := filepath.Glob("testdata/articles/*.txt")
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			text, _, codeText := reflint(t, "", "--color", "never", path)
			js, _, codeJSON := reflint(t, "", "--format", "json", path)
			again, _, _ := reflint(t, "", "--format", "json", path)
			if codeText != codeJSON {
				t.Errorf("exit code depends on the format: text %d, json %d", codeText, codeJSON)
			}
			if js != again {
				t.Error("JSON output differs between two runs")
			}
			var doc any
			if err := json.Unmarshal([]byte(js), &doc); err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(doc); err != nil {
				t.Errorf("JSON report does not match the schema: %v", err)
			}
			golden(t, filepath.Join("testdata", "golden", name+".txt"), text)
			golden(t, filepath.Join("testdata", "golden", name+".json"), js)
		})
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.Report))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("report.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("report.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	goldenfile.Check(t, *update, path, got)
}

// TestManyFiles lints a folder: every article once, in path order, with one
// summary for the run, whatever the number of workers.
func TestManyFiles(t *testing.T) {
	one, _, code1 := reflint(t, "", "--color", "never", "--jobs", "1", "testdata/articles")
	many, _, code4 := reflint(t, "", "--color", "never", "--jobs", "4", "testdata/articles")
	if one != many || code1 != code4 {
		t.Fatal("output depends on the number of workers")
	}
	findings, _, _ := strings.Cut(one, "\n\n") // the coverage tables follow
	paths, _ := filepath.Glob("testdata/articles/*.txt")
	last := -1
	for _, p := range paths {
		i := strings.Index(findings, p+":")
		if i < 0 {
			continue // a clean article prints no finding line
		}
		if i < last {
			t.Errorf("%s printed out of path order", p)
		}
		last = i
	}
	if !strings.Contains(one, "files, ") {
		t.Errorf("want one summary for the run, got %q", one[max(0, len(one)-200):])
	}
}
