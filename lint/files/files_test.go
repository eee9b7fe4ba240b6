package files

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// tree creates files (and folders, for names ending in /) under a new
// temporary directory and returns it.
func tree(t *testing.T, names ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, n := range names {
		p := filepath.Join(root, filepath.FromSlash(n))
		if strings.HasSuffix(n, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("text\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestExpand(t *testing.T) {
	t.Parallel()
	root := tree(t,
		"a.md", "b.TXT", "c.html", "d.htm", "e.markdown", "image.png", "notes.mdx",
		"sub/f.md", "sub/deeper/g.txt", "sub/draft.draft.md",
		".hidden/h.md", "sub/.git/i.md", "drafts/j.md", "sub/drafts/k.md",
		"content/archive/old.md", "content/new.md", "empty/",
	)
	r := func(names ...string) []string {
		out := make([]string, len(names))
		for i, n := range names {
			out[i] = filepath.Join(root, filepath.FromSlash(n))
		}
		return out
	}
	j := func(n string) string { return filepath.Join(root, filepath.FromSlash(n)) }
	tests := []struct {
		name    string
		args    []string
		ignore  []string
		want    []string
		wantErr []string // substrings, one per error
	}{
		{name: "directory", args: []string{root},
			want: r("a.md", "b.TXT", "c.html", "content/archive/old.md", "content/new.md", "d.htm", "drafts/j.md", "e.markdown",
				"sub/deeper/g.txt", "sub/draft.draft.md", "sub/drafts/k.md", "sub/f.md")},
		{name: "name patterns", args: []string{root}, ignore: []string{"drafts", "*.draft.md", "deeper/"},
			want: r("a.md", "b.TXT", "c.html", "content/archive/old.md", "content/new.md", "d.htm", "e.markdown", "sub/f.md")},
		{name: "path patterns", args: []string{root}, ignore: []string{"content/archive/**", filepath.ToSlash(j("sub")) + "/**"},
			want: r("a.md", "b.TXT", "c.html", "content/new.md", "d.htm", "drafts/j.md", "e.markdown")},
		{name: "explicit files are never ignored", args: []string{j("image.png"), j("drafts/j.md")}, ignore: []string{"drafts", "*.png"},
			want: r("drafts/j.md", "image.png")},
		{name: "hidden folder named explicitly", args: []string{j(".hidden")}, want: r(".hidden/h.md")},
		{name: "duplicates and order", args: []string{j("sub/f.md"), j("a.md"), root + "/./a.md", j("sub")},
			want: r("a.md", "sub/deeper/g.txt", "sub/draft.draft.md", "sub/drafts/k.md", "sub/f.md")},
		{name: "stdin passes through", args: []string{"-", j("a.md"), "-"}, want: append([]string{"-"}, r("a.md")...)},
		{name: "glob", args: []string{j("*.md")}, want: r("a.md")},
		{name: "glob takes known extensions", args: []string{j("*")}, ignore: []string{"drafts"},
			want: r("a.md", "b.TXT", "c.html", "content/archive/old.md", "content/new.md", "d.htm", "e.markdown",
				"sub/deeper/g.txt", "sub/draft.draft.md", "sub/f.md")},
		{name: "glob naming an extension", args: []string{j("*.mdx")}, want: r("notes.mdx")},
		{name: "double star", args: []string{j("**/*.md")}, ignore: []string{"drafts"},
			want: r("a.md", "content/archive/old.md", "content/new.md", "sub/draft.draft.md", "sub/f.md")},
		{name: "double star in the middle", args: []string{j("sub/**/g.txt")}, want: r("sub/deeper/g.txt")},
		{name: "missing file", args: []string{j("nope.md"), j("a.md")}, want: r("a.md"),
			wantErr: []string{j("nope.md") + ": no such file or directory"}},
		{name: "glob without match", args: []string{j("*.rst")}, wantErr: []string{j("*.rst") + ": no file matches the pattern"}},
		{name: "bad glob", args: []string{j("[a-")}, wantErr: []string{"syntax error in pattern"}},
		{name: "bad ignore pattern", args: []string{j("a.md")}, ignore: []string{"[a-"}, want: r("a.md"),
			wantErr: []string{`ignore pattern "[a-"`}},
		{name: "empty folder", args: []string{j("empty")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, errs := Expand(tt.args, tt.ignore)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("files (-want +got):\n%s", d)
			}
			if len(errs) != len(tt.wantErr) {
				t.Fatalf("errors = %v, want %d", errs, len(tt.wantErr))
			}
			for i, w := range tt.wantErr {
				if !strings.Contains(errs[i].Error(), w) {
					t.Errorf("error %d = %q, want it to contain %q", i, errs[i], w)
				}
			}
		})
	}
}

func TestExpandUnreadable(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("permissions are not enforced here")
	}
	root := tree(t, "a.md", "locked/b.md")
	locked := filepath.Join(root, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
	got, errs := Expand([]string{root}, nil)
	if d := cmp.Diff([]string{filepath.Join(root, "a.md")}, got); d != "" {
		t.Errorf("files (-want +got):\n%s", d)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), locked+": permission denied") {
		t.Errorf("errors = %v, want one naming %s", errs, locked)
	}
}

func TestMatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"a/*.md", "a/b.md", true},
		{"a/*.md", "a/b/c.md", false},
		{"a/**/*.md", "a/c.md", true},
		{"a/**/*.md", "a/b/c/d.md", true},
		{"**", "x/y", true},
		{"**/drafts/**", "x/drafts/y.md", true},
		{"**/drafts/**", "x/draft/y.md", false},
		{"a/**", "a", true},
		{"a/b", "a", false},
	}
	for _, tt := range tests {
		if got := Match(tt.pattern, tt.name); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}

func TestLintOrder(t *testing.T) {
	t.Parallel()
	paths := make([]string, 200)
	for i := range paths {
		paths[i] = strings.Repeat("x", i%7) + string(rune('a'+i%26))
	}
	for _, workers := range []int{0, 1, 3, 16, 500} {
		got := Lint(paths, workers, func(p string) string {
			time.Sleep(time.Duration(len(p)*37%5) * 100 * time.Microsecond)
			return p
		})
		if d := cmp.Diff(paths, got); d != "" {
			t.Errorf("workers=%d: results out of order:\n%s", workers, d)
		}
	}
	if got := Lint(nil, 4, func(string) int { return 1 }); len(got) != 0 {
		t.Errorf("no paths: %v", got)
	}
}

// TestStreamBounded checks that no more than workers results exist at a
// time: started but not yet emitted.
func TestStreamBounded(t *testing.T) {
	t.Parallel()
	const workers = 4
	paths := make([]string, 300)
	var live, peak, running, peakRunning atomic.Int64
	var mu sync.Mutex
	bump := func(c, p *atomic.Int64) {
		n := c.Add(1)
		mu.Lock()
		if n > p.Load() {
			p.Store(n)
		}
		mu.Unlock()
	}
	next := 0
	Stream(paths, workers, func(string) int {
		bump(&live, &peak)
		bump(&running, &peakRunning)
		defer running.Add(-1)
		time.Sleep(50 * time.Microsecond)
		return 1
	}, func(i int, _ int) {
		if i != next {
			t.Errorf("emitted %d, want %d", i, next)
		}
		next++
		// A slow consumer must not let results pile up.
		time.Sleep(20 * time.Microsecond)
		live.Add(-1)
	})
	if next != len(paths) {
		t.Errorf("emitted %d results, want %d", next, len(paths))
	}
	if p := peak.Load(); p > workers {
		t.Errorf("%d results alive at once, want at most %d", p, workers)
	}
	if p := peakRunning.Load(); p > workers || p < 2 {
		t.Errorf("%d workers ran at once, want 2..%d", p, workers)
	}
}
