package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/reflint/reflint/lint"

	goldenfile "github.com/reflint/reflint/lint/golden"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenArticles is the shared input of the golden files: two test
// articles of the repository, named as a CI job at the repository root
// would name them.
var goldenArticles = []string{"teen-sleep", "air-quality"}

// articleResults parses and lints the test articles.
func articleResults(t *testing.T, names ...string) []lint.Result {
	t.Helper()
	var out []lint.Result
	for _, n := range names {
		src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "articles", n+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, lintText("testdata/articles/"+n+".txt", string(src)))
	}
	return out
}

// lintText parses and lints one article with every rule.
func lintText(name, src string) lint.Result {
	d := lint.ParseText(name, []byte(src), lint.ParseOptions{})
	return lint.Result{Doc: d, Findings: lint.Run(d, lint.All())}
}

// duplicateArticle has two entries for one work, so duplicate-reference
// reports a related location, and a marker with no entry.
const duplicateArticle = `Exercise and the teenage brain

Regular exercise improves working memory in adolescents.[1] A 2025 review found that it also lifts mood.[2] Sleep matters too.[3]

References
1. Smith J, Doe A. Exercise and cognition in adolescents: a randomized trial. Front Psychol. 2025;16:1234. doi:10.3389/fpsyg.2025.01234
2. Smith J, Doe A. Exercise and cognition in adolescents: a randomized trial. Front Psychol. 2025;16:1234. doi:10.3389/fpsyg.2025.01234
`

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, *update, filepath.Join("testdata", name), string(got))
}

// twice runs a writer twice and checks that the output is byte-identical.
func twice(t *testing.T, write func(*bytes.Buffer) error) []byte {
	t.Helper()
	var a, b bytes.Buffer
	if err := write(&a); err != nil {
		t.Fatal(err)
	}
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("output differs between two runs on the same input")
	}
	return a.Bytes()
}

func TestRelPath(t *testing.T) {
	t.Parallel()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		base, name, want string
		abs              bool
	}{
		{"", "a/b.txt", "a/b.txt", false},
		{"", "./a//b.txt", "a/b.txt", false},
		{"", "/srv/site/b.txt", "/srv/site/b.txt", true},
		{"/srv", "/srv/site/b.txt", "site/b.txt", false},
		{"/srv/site", "/srv/other/b.txt", "/srv/other/b.txt", true},
		{"../..", "../../testdata/x.txt", "testdata/x.txt", false},
		{wd, "sub/x.txt", "sub/x.txt", false},
		{"..", "x.txt", "report/x.txt", false},
		{wd, "../x.txt", filepath.ToSlash(filepath.Join(filepath.Dir(wd), "x.txt")), true},
	}
	for _, c := range cases {
		got, abs := relPath(c.base, c.name)
		if got != c.want || abs != c.abs {
			t.Errorf("relPath(%q, %q) = %q, %v; want %q, %v", c.base, c.name, got, abs, c.want, c.abs)
		}
	}
}
