package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/reflint/reflint/lint"
)

// article has findings of several rules: an unresolved marker, an unused
// entry and uncited claims.
const article = `Coffee and Memory

Studies show that coffee improves memory by 40 percent in adults.1

A 2019 trial found that caffeine reduces fatigue in shift workers.9

References
1. Smith J. Coffee and memory. J Nutr. 2018;12(3):45-50.
2. Doe A. Unused entry. Sleep Med. 2020;4:1-9.
`

func lintText(t *testing.T, name, src string) lint.Result {
	t.Helper()
	doc := lint.ParseText(name, []byte(src), lint.ParseOptions{})
	return lint.Result{Doc: doc, Findings: lint.Run(doc, lint.All())}
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	r := lintText(t, "articles/coffee.txt", article)
	if len(r.Findings) < 2 {
		t.Fatalf("the test article should have findings, got %d", len(r.Findings))
	}
	var buf bytes.Buffer
	if err := Write(&buf, []lint.Result{r}); err != nil {
		t.Fatal(err)
	}
	b, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(New([]lint.Result{r}), b); d != "" {
		t.Errorf("Read(Write(x)) != New(x):\n%s", d)
	}
	out := Filter([]lint.Result{r}, b)
	if out.Known != len(r.Findings) || out.Gone != 0 || len(out.Results[0].Findings) != 0 {
		t.Errorf("Filter with its own baseline: known %d gone %d left %d", out.Known, out.Gone, len(out.Results[0].Findings))
	}
	// Byte-identical output for the same input.
	var again bytes.Buffer
	if err := Write(&again, []lint.Result{lintText(t, "articles/coffee.txt", article)}); err != nil {
		t.Fatal(err)
	}
	var first bytes.Buffer
	_ = Write(&first, []lint.Result{r})
	if !bytes.Equal(first.Bytes(), again.Bytes()) {
		t.Error("Write is not deterministic")
	}
}

func TestStability(t *testing.T) {
	t.Parallel()
	base := New([]lint.Result{lintText(t, "coffee.txt", article)})
	tests := []struct {
		name     string
		path     string
		src      string
		wantNew  int // findings not in the baseline
		wantGone bool
	}{
		{name: "unchanged", path: "coffee.txt", src: article},
		{name: "lines moved down", path: "coffee.txt", src: "\n\n\n" + article},
		{name: "paragraph re-wrapped", path: "coffee.txt",
			src: strings.Replace(article, "improves memory by 40 percent", "improves memory\nby 40 percent", 1)},
		{name: "CRLF line ends", path: "coffee.txt", src: strings.ReplaceAll(article, "\n", "\r\n")},
		{name: "text at the finding changed", path: "coffee.txt",
			src:     strings.Replace(article, "reduces fatigue in shift workers", "cuts tiredness in night-shift staff", 1),
			wantNew: 1, wantGone: true},
		{name: "other path", path: "tea.txt", src: article, wantNew: -1, wantGone: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := lintText(t, tt.path, tt.src)
			out := Filter([]lint.Result{r}, base)
			got := len(out.Results[0].Findings)
			want := tt.wantNew
			if want < 0 {
				want = len(r.Findings)
			}
			if got < want || (want == 0 && got != 0) {
				t.Errorf("%d new findings, want %d: %+v", got, want, out.Results[0].Findings)
			}
			if (out.Gone > 0) != tt.wantGone {
				t.Errorf("Gone = %d, want gone: %v", out.Gone, tt.wantGone)
			}
			if out.Known+got != len(r.Findings) {
				t.Errorf("known %d + new %d != %d findings", out.Known, got, len(r.Findings))
			}
		})
	}
}

func TestCounts(t *testing.T) {
	t.Parallel()
	src := "Same claim here.\nSame claim here.\n"
	doc := lint.NewDocument("a.md", "markdown", []byte(src))
	// Two findings with identical surroundings share one fingerprint...
	f := lint.Finding{Rule: "uncited-claim", Span: lint.Span{Start: 0, End: 0}}
	g := f
	r := lint.Result{Doc: doc, Findings: []lint.Finding{f, g}}
	b := New([]lint.Result{r})
	if len(b.Findings) != 1 || b.Findings[0].Count != 2 {
		t.Fatalf("baseline = %+v, want one entry with count 2", b.Findings)
	}
	// ...and a third one is new.
	r.Findings = append(r.Findings, f)
	out := Filter([]lint.Result{r}, b)
	if out.Known != 2 || len(out.Results[0].Findings) != 1 {
		t.Errorf("known %d, new %d; want 2 and 1", out.Known, len(out.Results[0].Findings))
	}
	// Entry numbers are part of the fingerprint.
	h := f
	h.References = []int{3}
	if Fingerprint(doc, f) == Fingerprint(doc, h) {
		t.Error("references do not change the fingerprint")
	}
	h = f
	h.Rule = "unused-reference"
	if Fingerprint(doc, f) == Fingerprint(doc, h) {
		t.Error("the rule does not change the fingerprint")
	}
}

func TestFilterKeepsInput(t *testing.T) {
	t.Parallel()
	r := lintText(t, "a.txt", article)
	n := len(r.Findings)
	out := Filter([]lint.Result{r}, New([]lint.Result{r}))
	if len(r.Findings) != n || len(out.Results[0].Findings) != 0 || out.Results[0].Doc != r.Doc {
		t.Error("Filter changed its input or lost the document")
	}
	if got := Filter([]lint.Result{r}, nil); len(got.Results[0].Findings) != n {
		t.Error("a nil baseline dropped findings")
	}
}

func TestRead(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, wantErr string
	}{
		{"good", `{"version":1,"findings":[{"path":"a.md","rule":"x","fingerprint":"ab","count":2,"future":true}]}`, ""},
		{"empty", `{"version":1,"findings":[]}`, ""},
		{"version", `{"version":2,"findings":[]}`, "unsupported baseline version 2"},
		{"no version", `{"findings":[]}`, "unsupported baseline version 0"},
		{"syntax", `{"version":1,`, "not a baseline"},
		{"missing fingerprint", `{"version":1,"findings":[{"path":"a.md","rule":"x"}]}`, "baseline finding 1: path, rule and fingerprint are required"},
	}
	for _, tt := range tests {
		_, err := Read(strings.NewReader(tt.src))
		if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestFiles(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "baseline.json")
	r := lintText(t, "a.txt", article)
	if err := WriteFile(path, []lint.Result{r}); err != nil {
		t.Fatal(err)
	}
	b, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Findings) == 0 {
		t.Error("empty baseline read back")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("ReadFile of a missing file: no error")
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte("[]"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(bad); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("ReadFile of a bad file: err = %v, want one naming it", err)
	}
}
