package fix

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/htmldoc"
	"github.com/reflint/reflint/lint/markdown"
)

// TestOtherFormats fixes the Markdown and HTML test articles through
// their own parsers: the same invariants hold, since every edit goes
// through the spans.
func TestOtherFormats(t *testing.T) {
	parsers := map[string]func(string, []byte, lint.ParseOptions) *lint.Document{
		".md":   markdown.Parse,
		".html": htmldoc.Parse,
	}
	paths, _ := filepath.Glob("../../testdata/articles/*.*")
	fixed := map[string]int{}
	for _, path := range paths {
		parse := parsers[filepath.Ext(path)]
		if parse == nil || strings.HasSuffix(path, "README.md") {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			out, err := checkFixWith(t, filepath.Base(path), src, func(name string, src []byte) *lint.Document {
				return parse(name, src, lint.ParseOptions{})
			})
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if string(out) != string(src) {
				fixed[filepath.Ext(path)]++
			}
		})
	}
	// vitamin-d-winter has a duplicate in every format.
	if fixed[".md"] == 0 || fixed[".html"] == 0 {
		t.Errorf("fixed articles per format: %v", fixed)
	}
}

// TestHTMLListItems checks that an HTML list's entries move with their
// tags and attributes, and that a value attribute is renumbered.
func TestHTMLListItems(t *testing.T) {
	src := `<html><body><p>One helps.<sup>2</sup> Two helps.<sup>1</sup></p>
<h2>References</h2>
<ol>
  <li id="a">` + entries[0] + `</li>
  <li value="2" id="b">` + entries[1] + `</li>
</ol></body></html>
`
	want := `<html><body><p>One helps.<sup>1</sup> Two helps.<sup>2</sup></p>
<h2>References</h2>
<ol>
  <li value="1" id="b">` + entries[1] + `</li>
  <li id="a">` + entries[0] + `</li>
</ol></body></html>
`
	out, err := checkFixWith(t, "a.html", []byte(src), func(name string, src []byte) *lint.Document {
		return htmldoc.Parse(name, src, lint.ParseOptions{})
	})
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != want {
		t.Errorf("fixed HTML\n%s\nwant\n%s", out, want)
	}
}
