package fix

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// applyUnified applies a unified diff made by UnifiedDiff to old: an
// independent reading of the format, strict about context lines.
func applyUnified(t *testing.T, old, diff string) string {
	t.Helper()
	if diff == "" {
		return old
	}
	a := splitLines([]byte(old))
	lines := strings.SplitAfter(diff, "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		t.Fatalf("no file header in %q", diff)
	}
	var out []string
	next := 0 // next line of a to copy
	var last *string
	for i := 2; i < len(lines) && lines[i] != ""; i++ {
		l := lines[i]
		switch {
		case strings.HasPrefix(l, "@@ -"):
			spec := strings.Fields(l)[1][1:]
			start, count, hasCount := strings.Cut(spec, ",")
			s, err := strconv.Atoi(start)
			if err != nil {
				t.Fatalf("bad hunk header %q", l)
			}
			if !hasCount || count != "0" {
				s-- // 1-based first line; an empty range names the line before
			}
			if s < next {
				t.Fatalf("hunk %q goes back", l)
			}
			out = append(out, a[next:s]...)
			next = s
		case l == "\\ No newline at end of file\n":
			if last != nil { // after a context or removed line it describes the original
				*last = strings.TrimSuffix(*last, "\n")
			}
		case l[0] == ' ' || l[0] == '-':
			if next >= len(a) || a[next] != l[1:] && a[next]+"\n" != l[1:] {
				t.Fatalf("context or removed line %q does not match line %d of the original", l, next+1)
			}
			if l[0] == ' ' {
				out = append(out, a[next])
			}
			last = nil
			next++
		case l[0] == '+':
			out = append(out, l[1:])
			last = &out[len(out)-1]
		default:
			t.Fatalf("unexpected diff line %q", l)
		}
	}
	out = append(out, a[next:]...)
	return strings.Join(out, "")
}

var diffCases = []struct{ name, old, new string }{
	{"equal", "a\nb\n", "a\nb\n"},
	{"one changed line", "a\nb\nc\n", "a\nB\nc\n"},
	{"from empty", "", "a\nb\n"},
	{"to empty", "a\nb\n", ""},
	{"no final newline, old", "a\nb", "a\nb\n"},
	{"no final newline, new", "a\nb\n", "a\nc"},
	{"no final newline, both", "a\nb", "a\nc"},
	{"crlf", "a\r\nb\r\nc\r\n", "a\r\nx\r\nc\r\n"},
	{"removed line", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\n6\n7\n8\n9\n"},
	{"two hunks", strings.Repeat("x\n", 3) + "a\n" + strings.Repeat("y\n", 10) + "b\n" + strings.Repeat("z\n", 3),
		strings.Repeat("x\n", 3) + "A\n" + strings.Repeat("y\n", 10) + "B\n" + strings.Repeat("z\n", 3)},
	{"merged hunks", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "one\n2\n3\n4\n5\n6\n7\n8\nnine\n10\n"},
	{"moved block", "a\nb\nc\nd\ne\nf\n", "d\ne\nf\na\nb\nc\n"},
}

func TestUnifiedDiff(t *testing.T) {
	for _, tt := range diffCases {
		t.Run(tt.name, func(t *testing.T) {
			d := UnifiedDiff("f.txt", []byte(tt.old), []byte(tt.new))
			if (d == "") != (tt.old == tt.new) {
				t.Fatalf("diff %q for %q → %q", d, tt.old, tt.new)
			}
			if got := applyUnified(t, tt.old, d); got != tt.new {
				t.Errorf("applying the diff gives %q, want %q\n%s", got, tt.new, d)
			}
		})
	}
	want := "--- f.txt\n+++ f.txt\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
	if got := UnifiedDiff("f.txt", []byte("a\nb\nc\n"), []byte("a\nB\nc\n")); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestUnifiedDiffPatch feeds the diffs to patch(1), when it is installed.
func TestUnifiedDiffPatch(t *testing.T) {
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch(1) is not installed")
	}
	cases := diffCases
	src, err := os.ReadFile("testdata/exercise-cognition.txt")
	if err != nil {
		t.Fatal(err)
	}
	fixed, err := os.ReadFile("testdata/exercise-cognition.fixed.txt")
	if err != nil {
		t.Fatal(err)
	}
	cases = append(cases, struct{ name, old, new string }{"sample", string(src), string(fixed)})
	for _, tt := range cases {
		if tt.old == tt.new {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "f.txt")
			if err := os.WriteFile(file, []byte(tt.old), 0o600); err != nil {
				t.Fatal(err)
			}
			cmd := exec.CommandContext(t.Context(), patch, "--batch", "--silent", "-p0", "-i", "-")
			cmd.Dir = dir
			cmd.Stdin = strings.NewReader(UnifiedDiff("f.txt", []byte(tt.old), []byte(tt.new)))
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("patch: %v\n%s", err, out)
			}
			got, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.new {
				t.Errorf("patch made %q, want %q", got, tt.new)
			}
		})
	}
}

func TestMyersLimit(t *testing.T) {
	// Past the edit-distance bound the middle becomes one replacement,
	// which still applies.
	var a, b strings.Builder
	for i := range maxEditDistance {
		a.WriteString("a" + strconv.Itoa(i) + "\n")
		b.WriteString("b" + strconv.Itoa(i) + "\n")
	}
	d := UnifiedDiff("f.txt", []byte(a.String()), []byte(b.String()))
	if got := applyUnified(t, a.String(), d); got != b.String() {
		t.Error("the replacement diff does not apply")
	}
}
