package htmldoc

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/internal/readertest"
)

// suite runs the tests shared with the other readers on this one.
var suite = readertest.Reader{
	Parse:    Parse,
	Ext:      ".html",
	Format:   "HTML",
	Articles: filepath.Join("..", "..", "testdata", "articles"),
	Fixtures: "testdata",
}

const entry = "Smith J. A study of things. J Things. 2019;1(2):3-4."

// refList is an ordered reference list of n entries under a heading.
func refList(n int) string {
	var b strings.Builder
	b.WriteString("<h2>References</h2>\n<ol>\n")
	for range n {
		b.WriteString("<li>" + entry + "</li>\n")
	}
	b.WriteString("</ol>\n")
	return b.String()
}

func TestMarkers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       []int
		groups     []string // source text of each group (of each item when a group has several)
	}{
		{"sup", "<p>Stretching helps.<sup>1</sup> More<sup>2,3</sup> and<sup>4–6</sup>.</p>", []int{1, 2, 3, 4, 5, 6}, []string{"<sup>1</sup>", "2", "3", "<sup>4–6</sup>"}},
		{"sup link", `<p>Helps.<sup><a href="#fn1">1</a></sup> Runs<sup id="fnref:2"><a href="#fn:2" class="footnote-ref">2</a></sup>.</p>`, []int{1, 2}, []string{`<sup><a href="#fn1">1</a></sup>`, `<sup id="fnref:2"><a href="#fn:2" class="footnote-ref">2</a></sup>`}},
		{"wikipedia", `<p>Naps help.<sup class="reference"><a href="#cite_note-Smith-3">&#91;3&#93;</a></sup></p>`, []int{3}, []string{`<sup class="reference"><a href="#cite_note-Smith-3">&#91;3&#93;</a></sup>`}},
		{"anchor", `<p>Naps help <a href="#ref-2">[2]</a> and <a href="#ref3">3</a>.</p>`, []int{2, 3}, []string{`<a href="#ref-2">[2]</a>`, `<a href="#ref3">3</a>`}},
		{"entity range", "<p>Helps.<sup>4&#8211;6</sup></p>", []int{4, 5, 6}, []string{"<sup>4&#8211;6</sup>"}},
		{"bracket text", "<p>Helps [1, 3–5]. More [2].</p>", []int{1, 3, 4, 5, 2}, []string{"1", "3–5", "[2]"}},
		{"unicode", "<p>Helps.¹ More.²⁻⁴</p>", []int{1, 2, 3, 4}, []string{"¹", "²⁻⁴"}},
		{"flattened", "<p>Stretching helps.1 More research followed.2 3</p>", []int{1, 2, 3}, []string{"1", "2", "3"}},
		{"run of sups", "<p>Helps.<sup>1</sup><sup>2</sup></p>", []int{1, 2}, []string{"<sup>1</sup>", "<sup>2</sup>"}},
		{"cited twice in a row", "<p>Naps help.<sup>1</sup> They help a lot.<sup>1</sup></p>", []int{1, 1}, []string{"<sup>1</sup>", "<sup>1</sup>"}},
		{"heading and item", "<h2>Why it helps.1</h2><ul><li>It helps.2</li><li>It hurts.3</li></ul>", []int{1, 2, 3}, []string{"1", "2", "3"}},
		{"exponents", "<p>An area of 12 cm<sup>2</sup>, 9&nbsp;m<sup>2</sup>, <i>n</i><sup>2</sup>, 10<sup>6</sup> and kg/m<sup>2</sup>.</p>", []int{}, nil},
		{"not a number", "<p>The 5<sup>th</sup> run.<sup>[citation needed]</sup></p>", []int{}, nil},
		{"skipped", "<script>x.3</script><style>a{}</style><nav><a href=\"/\">Home.2</a></nav><p>Use <code>results.3</code> here.</p><pre>x.4 <sup>5</sup></pre>", []int{}, nil},
		{"comment", "<p>Text <!-- note.5 [6] --> more.</p>", []int{}, nil},
		{"link url", `<p>See <a href="https://example.org/a.3">the page</a>.</p>`, []int{}, nil},
		{"external anchor", `<p>See <a href="https://example.org/#ref-3">3</a>.</p>`, []int{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := []byte("<html><body>" + tt.body + refList(9) + "</body></html>")
			suite.Markers(t, src, tt.want, tt.groups)
		})
	}
}

func TestReferenceLists(t *testing.T) {
	t.Parallel()
	li := "<li>" + entry + "</li>"
	tests := []struct {
		name, src string
		entries   []int
		numbers   []string // source text of each NumberSpan
	}{
		{"heading", "<p>Text.<sup>1</sup></p><h2>References</h2><ol>" + li + li + "</ol>", []int{1, 2}, []string{"<li>", "<li>"}},
		{"start", "<p>Text.<sup>7</sup></p><h2>Sources</h2><ol start=\"7\">" + li + li + "</ol>", []int{7, 8}, nil},
		{"value", "<p>Text.<sup>1</sup></p><h3>Notes</h3><ol>" + li + "<li value=\"5\">" + entry + "</li>" + li + "</ol>", []int{1, 5, 6}, []string{"<li>", `<li value="5">`, "<li>"}},
		{"implied end tags", "<p>Text.<sup>1</sup><h2>References</h2><ol><li>" + entry + "<li>" + entry + "</ol>", []int{1, 2}, nil},
		{"wikipedia class", "<p>Text.<sup>1</sup></p><ol class=\"references\">" + li + li + "</ol>", []int{1, 2}, nil},
		{"footnote ids", "<p>Text.<sup>1</sup></p><hr><ol><li id=\"fn:1\">" + entry + "</li><li id=\"fn:2\">" + entry + "</li></ol>", []int{1, 2}, nil},
		{"steps are not a list", "<p>Do this:</p><ol><li>Run.</li><li>Rest.</li></ol>", []int{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := []byte(tt.src)
			d := Parse("t.html", src, lint.ParseOptions{})
			readertest.Diff(t, "entries", tt.entries, readertest.EntryNumbers(d))
			for _, r := range d.References {
				if r.Text != entry {
					t.Errorf("entry %d text %q", r.Number, r.Text)
				}
				if s := string(src[r.Span.Start:r.Span.End]); !strings.HasPrefix(s, "<li") || !strings.Contains(s, entry) {
					t.Errorf("entry %d span %q", r.Number, s)
				}
			}
			if tt.numbers != nil {
				readertest.Diff(t, "number spans", tt.numbers, readertest.NumberTexts(src, d))
			}
		})
	}
}

// TestBlocks checks headings, paragraphs and list items and the title.
func TestBlocks(t *testing.T) {
	t.Parallel()
	src := "<h1>Title</h1><p>Intro <em>text</em>.</p><h2 id=x>Part one</h2><ul><li>item a<ul><li>nested b</li></ul></li></ul><div>loose text</div>"
	d := suite.Blocks(t, src, "heading 0 Title", "paragraph 0 Intro <em>text</em>.", "heading 2 Part one",
		"list-item 0 item a", "list-item 1 nested b", "paragraph 0 loose text")
	if d.Format != "html" {
		t.Errorf("format %q", d.Format)
	}
}

// TestWikiLike reads a page shaped like Wikipedia's: [1] links in <sup>,
// an entry cited twice in a row, n<sup>2</sup> and m<sup>2</sup>,
// "[citation needed]", edit links in headings, navigation, and
// ol.references with back-links.
func TestWikiLike(t *testing.T) {
	t.Parallel()
	d := suite.Fixture(t, "wiki-like.html", []int{1, 1, 2, 3, 4, 5}, []int{1, 2, 3, 4, 5},
		"unresolved-marker", "unused-reference", "marker-repeated", "citation-order", "reference-numbering",
		"malformed-identifier", "duplicate-reference", "incomplete-reference")
	r := d.References[0]
	if !strings.HasPrefix(r.Text, "Dinges DF") || strings.Contains(r.Text, "^") || strings.Contains(r.Text, "&#160;") {
		t.Errorf("entry 1 text %q", r.Text)
	}
	if r.Fields.DOI != "10.1093/sleep/10.4.313" || r.Fields.PMID != "3659730" || r.Fields.Year != 1987 {
		t.Errorf("entry 1 fields %+v", r.Fields)
	}
	if d.List.Heading.Len() == 0 || !strings.Contains(d.Text(d.List.Heading), "References") {
		t.Errorf("list heading %q", d.Text(d.List.Heading))
	}
	var titles []string
	for _, s := range d.Coverage().AllSections() {
		titles = append(titles, s.Title)
	}
	readertest.Diff(t, "sections", []string{"Nap", "Effects"}, titles)
}

// TestSpans checks that every span lies in the source and that markers
// cover their digits.
func TestSpans(t *testing.T) {
	t.Parallel()
	suite.Spans(t, "wiki-like.html")
}
