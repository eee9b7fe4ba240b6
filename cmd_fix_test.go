package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/reflint/reflint/lint"
)

// reflintCmd runs reflint in-process like reflint() does. Until the fix
// and refs commands are registered in newApp it adds them itself and maps
// errors to exit codes as run does.
func reflintCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errw bytes.Buffer
	if newApp(nil, &out, &errw).Command("fix") != nil {
		return reflint(t, stdin, args...)
	}
	in := strings.NewReader(stdin)
	app := newApp(in, &out, &errw)
	app.Commands = append(app.Commands, fixCommand(in, &out), refsCommand(in, &out))
	err := app.Run(append([]string{"reflint"}, args...))
	var trouble *troubleError
	switch {
	case err == nil:
	case errors.As(err, &trouble):
		fmt.Fprintf(&errw, "reflint: %s\n", trouble.msg)
		code = exitTrouble
	default:
		fmt.Fprintf(&errw, "reflint: %v\n", err)
		code = exitTrouble
	}
	return out.String(), errw.String(), code
}

const (
	sampleArticle = "lint/fix/testdata/exercise-cognition.txt"
	sampleFixed   = "lint/fix/testdata/exercise-cognition.fixed.txt"
	sampleDiff    = "lint/fix/testdata/exercise-cognition.diff"
)

// copyFile copies src into dir with the given permissions and returns
// the new path.
func copyFile(t *testing.T, src, dir string, perm os.FileMode) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, filepath.Base(src))
	if err := os.WriteFile(path, data, perm); err != nil {
		t.Fatal(err)
	}
	return path
}

func readString(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestFixPrintsDiff(t *testing.T) {
	dir := t.TempDir()
	path := copyFile(t, sampleArticle, dir, 0o600)
	out, stderr, code := reflintCmd(t, "", "fix", path)
	if code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr)
	}
	want := strings.ReplaceAll(readString(t, sampleDiff), "exercise-cognition.txt", path)
	if out != want {
		t.Errorf("diff\n%s\nwant\n%s", out, want)
	}
	if readString(t, path) != readString(t, sampleArticle) {
		t.Error("fix without --write changed the file")
	}
	if _, err := os.Stat(path + ".orig"); !errors.Is(err, os.ErrNotExist) {
		t.Error("fix without --write made a backup")
	}
}

func TestFixWrite(t *testing.T) {
	for _, args := range [][]string{{"fix", "--write", "FILE"}, {"fix", "FILE", "--write"}, {"fix", "-w", "FILE"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := t.TempDir()
			path := copyFile(t, sampleArticle, dir, 0o640)
			for i := range args {
				if args[i] == "FILE" {
					args[i] = path
				}
			}
			out, stderr, code := reflintCmd(t, "", args...)
			if code != 0 || out != "" {
				t.Fatalf("exit code %d, output %q, stderr %q", code, out, stderr)
			}
			if readString(t, path) != readString(t, sampleFixed) {
				t.Error("the file is not the fixed article")
			}
			if readString(t, path+".orig") != readString(t, sampleArticle) {
				t.Error("FILE.orig is not the original")
			}
			info, err := os.Stat(path)
			if err != nil || info.Mode().Perm() != 0o640 {
				t.Errorf("permissions not kept: %v %v", info.Mode(), err)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 2 {
				t.Errorf("files left in the directory: %v", entries)
			}
			// The fixed file lints clean of structural findings.
			d := lint.ParseText(path, []byte(readString(t, path)), lint.ParseOptions{})
			for _, f := range lint.Run(d, lint.All()) {
				switch f.Rule {
				case "unresolved-marker", "duplicate-reference", "citation-order", "reference-numbering":
					t.Errorf("after --write: %s [%s]", f.Message, f.Rule)
				}
			}
			// A second fix has nothing to do.
			out, _, code = reflintCmd(t, "", "fix", path)
			if code != 0 || out != "" {
				t.Errorf("second fix: code %d, output %q", code, out)
			}
		})
	}
}

func TestFixWriteNoBackup(t *testing.T) {
	dir := t.TempDir()
	path := copyFile(t, sampleArticle, dir, 0o600)
	if _, stderr, code := reflintCmd(t, "", "fix", path, "--write", "--no-backup"); code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr)
	}
	if _, err := os.Stat(path + ".orig"); !errors.Is(err, os.ErrNotExist) {
		t.Error("--no-backup kept FILE.orig")
	}
	if readString(t, path) != readString(t, sampleFixed) {
		t.Error("the file is not the fixed article")
	}
}

func TestFixWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	path := copyFile(t, sampleArticle, dir, 0o600)
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(path, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if _, stderr, code := reflintCmd(t, "", "fix", "--write", link); code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if readString(t, path) != readString(t, sampleFixed) || readString(t, link+".orig") != readString(t, sampleArticle) {
		t.Error("the target was not fixed, or the backup is wrong")
	}
}

func TestFixNothingAndTrouble(t *testing.T) {
	dir := t.TempDir()
	unsafe := copyFile(t, "testdata/articles/hiit-blood-pressure.txt", dir, 0o600)
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout string // substring
		stderr string // substring
	}{
		{"clean article", "", []string{"fix", "testdata/articles/caffeine-performance.txt"}, 0, "", ""},
		{"no list", "", []string{"fix", "testdata/articles/toddler-talk.txt"}, 0, "", ""},
		{"unsafe", "", []string{"fix", unsafe}, 2, "", "cannot fix safely: entry number 6"},
		{"unsafe write", "", []string{"fix", "--write", unsafe}, 2, "", "fix that marker first"},
		{"stdin", readString(t, sampleArticle), []string{"fix", "-"}, 0, "--- <stdin>\n+++ <stdin>\n", ""},
		{"stdin write", "x", []string{"fix", "--write", "-"}, 2, "", "cannot --write standard input"},
		{"missing file", "", []string{"fix", "no/such.txt"}, 2, "", "no/such.txt: no such file"},
		{"no file", "", []string{"fix"}, 2, "", "name a file"},
		{"no-backup alone", "", []string{"fix", "--no-backup", sampleArticle}, 2, "", "only applies with --write"},
		{"unknown flag after the file", "", []string{"fix", sampleArticle, "--frobnicate"}, 2, "", "frobnicate"},
		{"one bad file of two", "", []string{"fix", "no/such.txt", sampleArticle}, 2, "+++ " + sampleArticle, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := reflintCmd(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if tt.stdout == "" && out != "" || !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout %q, want %q", out, tt.stdout)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q does not mention %q", stderr, tt.stderr)
			}
		})
	}
	if readString(t, unsafe) != readString(t, "testdata/articles/hiit-blood-pressure.txt") {
		t.Error("an unsafe fix changed the file")
	}
	if _, err := os.Stat(unsafe + ".orig"); !errors.Is(err, os.ErrNotExist) {
		t.Error("an unsafe fix made a backup")
	}
}

func TestRefs(t *testing.T) {
	const article = "testdata/articles/vitamin-d-winter.txt"
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"refs", article, "--format", "bibtex"}, "@article{holick2007vitamin,\n"},
		{[]string{"refs", "--format=ris", article}, "TY  - JOUR\r\n"},
		{[]string{"refs", article, "--format", "tsv"}, "number\tkey\tkind"},
	} {
		out, stderr, code := reflintCmd(t, "", tt.args...)
		if code != 0 || !strings.HasPrefix(out, tt.want) && !strings.Contains(out, tt.want) {
			t.Errorf("%v: code %d, stderr %q, output starts %.80q", tt.args, code, stderr, out)
		}
	}
	// The default is CSL-JSON, valid against the CSL schema.
	out, _, code := reflintCmd(t, readString(t, article), "refs", "-")
	if code != 0 {
		t.Fatalf("refs -: exit code %d", code)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) != 12 {
		t.Fatalf("refs -: %d items, %v", len(items), err)
	}
	f, err := os.Open("lint/export/testdata/csl-data.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("csl-data.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("csl-data.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("refs output does not match the CSL schema: %v", err)
	}

	out, _, code = reflintCmd(t, "", "refs", "testdata/articles/toddler-talk.txt")
	if code != 0 || out != "[]\n" {
		t.Errorf("no list: code %d, output %q", code, out)
	}
	for _, bad := range [][]string{
		{"refs", article, "--format", "endnote"},
		{"refs"},
		{"refs", article, article},
		{"refs", "no/such.txt"},
		{"refs", article, "--format"},
	} {
		if _, stderr, code := reflintCmd(t, "", bad...); code != 2 || stderr == "" {
			t.Errorf("%v: exit code %d, stderr %q; want 2 and a message", bad, code, stderr)
		}
	}
}
