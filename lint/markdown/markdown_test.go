package markdown

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/internal/readertest"
)

// suite runs the tests shared with the other readers on this one.
var suite = readertest.Reader{
	Parse:          Parse,
	Ext:            ".md",
	Format:         "markdown",
	Articles:       filepath.Join("..", "..", "testdata", "articles"),
	Fixtures:       "testdata",
	KeyedFootnotes: true,
}

// refList is a reference list of n entries under a heading.
func refList(n int) string {
	var b strings.Builder
	b.WriteString("\n\n## References\n\n")
	for i := 1; i <= n; i++ {
		b.WriteString("1. Smith J. A study of things. J Things. 2019;1(2):3-4.\n")
	}
	return b.String()
}

func TestMarkers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       []int
		groups     []string // source text of each group
	}{
		{"footnote", "Stretching helps.[^1] Warm-ups help more.[^2]\n\n[^1]: Smith J. Title. J X. 2019;1:2.\n[^2]: Doe A. Title. J Y. 2020;2:3.\n", []int{1, 2}, []string{"[^1]", "[^2]"}},
		{"bracket", "Stretching helps [1]. Warm-ups help more [2, 3–5].", []int{1, 2, 3, 4, 5}, []string{"[1]", "2", "3–5"}},
		{"sup", "Stretching helps.<sup>1</sup> More<sup>2,3</sup> and<sup>4–6</sup>.", []int{1, 2, 3, 4, 5, 6}, []string{"<sup>1</sup>", "2", "3", "<sup>4–6</sup>"}},
		{"sup link", "Stretching helps.<sup>[1](#fn1)</sup> Runs<sup><a href=\"#fn2\">2</a></sup>.", []int{1, 2}, []string{"<sup>[1](#fn1)</sup>", "<sup><a href=\"#fn2\">2</a></sup>"}},
		{"anchor link", "Stretching helps.[3](#ref-3)", []int{3}, []string{"[3](#ref-3)"}},
		{"unicode", "Stretching helps.¹ More.²⁻⁴", []int{1, 2, 3, 4}, []string{"¹", "²⁻⁴"}},
		{"flattened", "Stretching helps.1 More research followed.2 3", []int{1, 2, 3}, []string{"1", "2", "3"}},
		{"heading and item", "## Why it helps.1\n\n- It helps.2\n- It hurts.3", []int{1, 2, 3}, []string{"1", "2", "3"}},
		{"emphasis", "It *really* helps.4", []int{4}, []string{"4"}},
		{"exponent", "An area of 12 cm<sup>2</sup> and n<sup>2</sup> and 10<sup>6</sup> and x<sup>2</sup>.", []int{}, nil},
		{"not sup text", "The 5<sup>th</sup> run.", []int{}, nil},
		{"code", "Use `results.3` here.\n\n```\nresults.4 [5] <sup>6</sup>\n```\n\n    indented.2", []int{}, nil},
		{"link url", "See [the page](https://example.org/a.3) and <https://example.org/b.4>.", []int{}, nil},
		{"comment", "Text <!-- note.5 [6] --> more.", []int{}, nil},
		{"html block", "<div>\nText.3 <sup>4</sup>\n</div>", []int{}, nil},
		{"image", "![chart.3](img.png) text.", []int{}, nil},
		{"decimals", "It rose 2.5% in 2019 and 1,000 IU at 7:30.", []int{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := []byte(tt.body)
			if !strings.Contains(tt.body, "[^1]:") {
				src = []byte(tt.body + refList(9))
			}
			suite.Markers(t, src, tt.want, tt.groups)
		})
	}
}

func TestReferenceLists(t *testing.T) {
	t.Parallel()
	const entry = " Smith J. A study. J Things. 2019;1(2):3-4."
	tests := []struct {
		name, src string
		entries   []int
		markers   []int
		numbers   []string // source text of each NumberSpan
	}{
		{"lazy", "Text.[1]\n\n## References\n\n1." + entry + "\n1." + entry + "\n1." + entry + "\n", []int{1, 2, 3}, []int{1}, []string{"1", "1", "1"}},
		{"lazy with start", "Text.[7]\n\n## Sources\n\n7." + entry + "\n7." + entry + "\n", []int{7, 8}, []int{7}, []string{"7", "7"}},
		{"explicit gap", "Text [1].\n\n## References\n\n1." + entry + "\n2." + entry + "\n4." + entry + "\n", []int{1, 2, 4}, []int{1}, []string{"1", "2", "4"}},
		{"paren numbers", "Text [2].\n\n## References\n\n1)" + entry + "\n2)" + entry + "\n", []int{1, 2}, []int{2}, []string{"1", "2"}},
		{"bracket lines", "Text [2].\n\n## Sources:\n\n[1]" + entry + "\n[2]" + entry + "\n  continued.\n", []int{1, 2}, []int{2}, []string{"1", "2"}},
		{"no heading, bibliographic", "Text.1 More.2\n\n1." + entry + "\n2." + entry + "\n", []int{1, 2}, []int{1, 2}, []string{"1", "2"}},
		{"no heading, steps", "Do this:\n\n1. Run.\n2. Rest.\n", []int{}, []int{}, nil},
		{"footnotes numeric", "A.[^2] B.[^1] C.[^9]\n\n[^1]:" + entry + "\n[^2]:" + entry + "\n[^3]:" + entry + "\n", []int{1, 2, 3}, []int{2, 1, 9}, []string{"1", "2", "3"}},
		{"footnotes keyed", "A.[^smith] B.[^doe] C.[^smith] D.[^nokey]\n\n## Notes\n\n[^doe]:" + entry + "\n[^smith]:" + entry + "\n[^unused]:" + entry + "\n", []int{1, 2, 3}, []int{1, 2, 1, 4}, []string{"smith", "doe", "unused"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := []byte(tt.src)
			d := Parse("t.md", src, lint.ParseOptions{})
			readertest.Diff(t, "entries", tt.entries, readertest.EntryNumbers(d))
			readertest.Diff(t, "markers", tt.markers, readertest.MarkerNumbers(d))
			for _, r := range d.References {
				if !strings.Contains(r.Text, "A study") || strings.Contains(string(src[r.Span.Start:r.Span.End]), "\n\n") {
					t.Errorf("entry %d: text %q, span %q", r.Number, r.Text, src[r.Span.Start:r.Span.End])
				}
			}
			readertest.Diff(t, "number spans", tt.numbers, readertest.NumberTexts(src, d))
			if len(d.References) > 0 && (d.List == nil || d.BodyEnd > d.References[0].Span.Start) {
				t.Errorf("list %+v, body end %d", d.List, d.BodyEnd)
			}
		})
	}
}

// TestKeyedFindings checks that keyed footnotes lint cleanly when used in
// order, and that an unused and a missing key are reported.
func TestKeyedFindings(t *testing.T) {
	t.Parallel()
	src := "Stretching reduced injuries in one trial.[^pope] A review agreed.[^herbert] See also.[^gone]\n\n" +
		"[^pope]: Pope RP. A randomized trial of stretching. Med Sci Sports Exerc. 2000;32(2):271-7.\n" +
		"[^herbert]: Herbert RD. Effects of stretching: systematic review. BMJ. 2002;325(7362):468.\n" +
		"[^spare]: Doe A. An unused paper. J X. 2010;1(1):1-2.\n"
	d := Parse("t.md", []byte(src), lint.ParseOptions{})
	var got []string
	for _, f := range lint.Run(d, []*lint.Rule{lint.UnresolvedMarker, lint.UnusedReference, lint.CitationOrder, lint.ReferenceNumbering}) {
		got = append(got, f.Rule)
	}
	readertest.Diff(t, "findings", []string{"unresolved-marker", "unused-reference"}, got)
}

// TestBlocks checks headings (ATX and setext), paragraphs and list items.
func TestBlocks(t *testing.T) {
	t.Parallel()
	src := "Title\n=====\n\nIntro text.\n\n## Part *one*\n\n- item a\n  - nested b\n\n> quoted text\n"
	d := suite.Blocks(t, src, "heading 0 Title", "paragraph 0 Intro text.", "heading 2 Part *one*",
		"list-item 0 item a", "list-item 1 nested b", "paragraph 0 quoted text")
	if d.Format != "markdown" || d.BodyEnd != len(src) || d.List != nil {
		t.Errorf("format %q, body end %d, list %v", d.Format, d.BodyEnd, d.List)
	}
}

// TestJekyllPost reads a static-site post: front matter, <sup><a> links,
// a lazily numbered list, exponents, code and comments.
func TestJekyllPost(t *testing.T) {
	t.Parallel()
	d := suite.Fixture(t, "jekyll-post.md", []int{1, 2, 3, 4, 5, 5, 6, 7}, []int{1, 2, 3, 4, 5, 6, 7},
		"unresolved-marker", "unused-reference", "marker-repeated", "citation-order", "reference-numbering", "malformed-identifier")
	if d.References[5].Fields.DOI != "10.2519/jospt.2014.5164" {
		t.Errorf("entry 6 DOI = %q", d.References[5].Fields.DOI)
	}
}

// TestSpans checks that every marker, group, entry and block span lies in
// the source and that markers cover their digits.
func TestSpans(t *testing.T) {
	t.Parallel()
	suite.Spans(t, "jekyll-post.md")
}
