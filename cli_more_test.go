package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestOutputFiles(t *testing.T) {
	sarif := filepath.Join(t.TempDir(), "reflint.sarif")
	out, _, code := reflint(t, "", "--format", "text", "--format", "sarif", "--output", sarif, "testdata/articles/teen-sleep.txt")
	if code != 1 || !strings.Contains(out, "teen-sleep.txt:52:107: error:") {
		t.Errorf("text on stdout: code %d, output %q", code, out)
	}
	data, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil || log.Version != "2.1.0" || len(log.Runs[0].Results) == 0 {
		t.Errorf("SARIF file: %v %+v", err, log)
	}
	if _, _, code := reflint(t, "", "--format", "json", "--output", "a", "--output", "b", "testdata/articles/teen-sleep.txt"); code != 2 {
		t.Errorf("two outputs for one format: exit %d, want 2", code)
	}
}

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "a.txt")
	src, err := os.ReadFile("testdata/articles/teen-sleep.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(article, src, 0o600); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(dir, "baseline.json")
	if _, _, code := reflint(t, "", "--write-baseline", base, article); code != 0 {
		t.Fatalf("--write-baseline: exit %d", code)
	}
	if out, _, code := reflint(t, "", "--baseline", base, "--fail-on", "info", article); code != 0 {
		t.Errorf("known findings only: exit %d\n%s", code, out)
	}
	// A new defect above the old ones: lines move, only the new finding counts.
	moved := "Sleep matters for grades.[99]\n\n" + string(src)
	if err := os.WriteFile(article, []byte(moved), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, code := reflint(t, "", "--baseline", base, "--quiet", article)
	if code != 1 || strings.Count(out, "\n") != 1 || !strings.Contains(out, "marker 99 has no entry") {
		t.Errorf("want exactly the new finding: exit %d\n%s", code, out)
	}
}

func TestConfig(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/articles/teen-sleep.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), src, 0o600); err != nil {
		t.Fatal(err)
	}
	write := func(cfg string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, ".reflint.yml"), []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("rules:\n  unresolved-marker: off\n  marker-repeated: error\n")
	out, _, code := reflint(t, "", "--quiet", filepath.Join(dir, "a.txt"))
	if code != 1 || strings.Contains(out, "unresolved-marker") || !strings.Contains(out, "error: number 3 is cited twice") {
		t.Errorf("config should disable a rule and raise a severity: exit %d\n%s", code, out)
	}
	write("rules:\n  unresolved-marker: off\nfail_on: warning\n")
	_, stderr, code := reflint(t, "", filepath.Join(dir, "a.txt"))
	if code != 2 || !strings.Contains(stderr, ".reflint.yml:3") || !strings.Contains(stderr, "fail_on") {
		t.Errorf("a bad config must fail with its line: exit %d, stderr %q", code, stderr)
	}
	if _, _, code := reflint(t, "", "--no-config", "--quiet", filepath.Join(dir, "a.txt")); code != 1 {
		t.Errorf("--no-config ignores the bad file: exit %d", code)
	}
}

// TestFormatsAgree lints the Markdown and HTML versions of an article
// through the command and expects the text version's findings.
func TestFormatsAgree(t *testing.T) {
	findings := func(path string) []string {
		out, _, _ := reflint(t, "", "--format", "json", path)
		var rep struct {
			Files []struct {
				Findings []struct {
					Rule       string `json:"rule"`
					References []int  `json:"references"`
				} `json:"findings"`
			} `json:"files"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range rep.Files[0].Findings {
			got = append(got, fmt.Sprint(f.Rule, f.References))
		}
		return got
	}
	want := findings("testdata/articles/teen-sleep.txt")
	for _, ext := range []string{".md", ".html"} {
		if got := findings("testdata/articles/teen-sleep" + ext); strings.Join(got, ";") != strings.Join(want, ";") {
			t.Errorf("%s: %v, want %v", ext, got, want)
		}
	}
}

// benchmarkFolder lints a folder of n articles and reports the peak heap:
// with streaming output it must not grow with the folder.
func benchmarkFolder(b *testing.B, n int) {
	b.Helper()
	dir := b.TempDir()
	src, err := os.ReadFile("testdata/articles/caffeine-performance.txt")
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), src, 0o600); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(n * len(src)))
	var peak atomic.Uint64
	for b.Loop() {
		runtime.GC()
		done := make(chan struct{})
		go func() {
			var m runtime.MemStats
			for {
				select {
				case <-done:
					return
				case <-time.After(2 * time.Millisecond):
					runtime.ReadMemStats(&m)
					if m.HeapInuse > peak.Load() {
						peak.Store(m.HeapInuse)
					}
				}
			}
		}()
		run([]string{"reflint", "--format", "json", "--fail-on", "none", dir}, strings.NewReader(""), io.Discard, io.Discard)
		close(done)
	}
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}

func BenchmarkFolder100(b *testing.B)  { benchmarkFolder(b, 100) }
func BenchmarkFolder1000(b *testing.B) { benchmarkFolder(b, 1000) }

// TestFixOffered checks that a duplicate's finding carries the same edits
// in JSON as reflint fix --write applies.
func TestFixOffered(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	src, err := os.ReadFile("testdata/articles/vitamin-d-winter.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, _ := reflint(t, "", "--format", "json", path)
	var rep struct {
		Files []struct {
			Findings []struct {
				Rule string `json:"rule"`
				Fix  *struct {
					Edits []struct {
						Offset    int    `json:"offset"`
						EndOffset int    `json:"end_offset"`
						Text      string `json:"text"`
					} `json:"edits"`
				} `json:"fix"`
			} `json:"findings"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	var applied []byte
	for _, f := range rep.Files[0].Findings {
		if f.Rule != "duplicate-reference" {
			continue
		}
		if f.Fix == nil {
			t.Fatal("duplicate-reference offers no fix")
		}
		last := 0
		for _, e := range f.Fix.Edits {
			applied = append(append(applied, src[last:e.Offset]...), e.Text...)
			last = e.EndOffset
		}
		applied = append(applied, src[last:]...)
	}
	if applied == nil {
		t.Fatal("no duplicate-reference finding")
	}
	if _, _, code := reflint(t, "", "fix", "--write", "--no-backup", path); code != 0 {
		t.Fatalf("fix --write: exit %d", code)
	}
	fixed, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(fixed) != string(applied) {
		t.Error("the JSON fix and reflint fix --write disagree")
	}
}
