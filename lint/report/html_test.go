package report

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/reflint/reflint/lint"
)

// evilArticle tries to run script through every piece of article text the
// page shows: the title, a heading, body text, a benefit, a reference
// entry and its URL.
const evilArticle = `<script>document.title='pwned';window.reflintPwned=1</script> Sleep and you

What you will learn:
- Sleep <img src=x onerror="window.reflintPwned=2"> improves memory.
- Naps help <svg onload="window.reflintPwned=3"> focus.

<script>window.reflintPwned=4</script> Memory
A 2019 study found that sleep improves recall by 20%.[1] Researchers showed that naps reduce errors. <iframe src="javascript:window.reflintPwned=5"></iframe>

References
1. <b onmouseover="window.reflintPwned=6">Walker M</b>. Sleep and memory. Nature. 2019;5(2):1-9. https://example.org/a"><script>window.reflintPwned=7</script>
2. Unused entry with a bad URL. javascript:window.reflintPwned=8
`

// htmlResults is the input of the HTML tests: the golden articles, the
// sample article with its benefit list, a file with duplicates and an
// article full of markup.
func htmlResults(t *testing.T) []lint.Result {
	t.Helper()
	results := articleResults(t, append(goldenArticles, "caffeine-performance")...)
	results = append(results, lintText("dup.txt", duplicateArticle), lintText(`evil <i>name</i>.txt`, evilArticle))
	// An online verdict, to show in the reference table.
	d := results[len(results)-2].Doc
	d.ApplyLookups(map[int]*lint.Lookup{
		1: {Status: lint.LookupVerified, DOI: "10.3389/fpsyg.2025.01234", Confidence: 0.97, Sources: []string{"crossref"}},
		2: {Status: lint.LookupMismatch, Diffs: []lint.FieldDiff{{Field: "year", Cited: "2025", Record: "<2024>"}},
			Retraction: &lint.Notice{Type: "retraction", Date: "2025-06-01", Label: "<b>Retracted</b>"}},
	})
	return results
}

// expectedRows counts the coverage chart rows of each file.
func expectedRows(results []lint.Result) (per []int, total int) {
	for _, r := range results {
		n := len(coverageRows(r.Doc.Coverage()))
		per = append(per, n)
		total += n
	}
	return per, total
}

func findingCount(results []lint.Result) int {
	n := 0
	for _, r := range results {
		n += len(r.Findings)
	}
	return n
}

// TestHTMLStructure checks the page offline with an HTML parser: no
// script, no event handler, no external asset, every internal link has
// its target, and the chart and findings are all there.
func TestHTMLStructure(t *testing.T) {
	t.Parallel()
	results := htmlResults(t)
	out := twice(t, func(b *bytes.Buffer) error { return WriteHTML(b, results, HTMLOptions{Version: "1.2.3"}) })
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	ids := make(map[string]bool)
	var hrefs []string
	classCount := make(map[string]int)
	var text strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "iframe", "object", "embed", "img", "link", "base", "form":
				t.Errorf("page has a <%s> element", n.Data)
			}
			for _, a := range n.Attr {
				switch {
				case strings.HasPrefix(a.Key, "on"):
					t.Errorf("<%s> has an event handler %s=%q", n.Data, a.Key, a.Val)
				case a.Key == "src":
					t.Errorf("<%s> loads %q", n.Data, a.Val)
				case a.Key == "id":
					if ids[a.Val] {
						t.Errorf("id %q used twice", a.Val)
					}
					ids[a.Val] = true
				case a.Key == "href":
					if strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
						t.Errorf("javascript: link %q", a.Val)
					}
					hrefs = append(hrefs, a.Val)
				case a.Key == "class":
					for c := range strings.FieldsSeq(a.Val) {
						classCount[n.Data+"."+c]++
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	internal := 0
	for _, h := range hrefs {
		if target, ok := strings.CutPrefix(h, "#"); ok {
			internal++
			if !ids[target] {
				t.Errorf("link %q has no target", h)
			}
		}
	}
	if internal < 100 {
		t.Errorf("only %d internal links", internal)
	}
	_, rows := expectedRows(results)
	if got := classCount["tr.cov-row"]; got != rows {
		t.Errorf("%d chart rows, want %d", got, rows)
	}
	if got, want := classCount["li.finding"], findingCount(results); got != want {
		t.Errorf("%d findings on the page, want %d", got, want)
	}
	for _, want := range []string{
		"<script>document.title='pwned';window.reflintPwned=1</script> Sleep and you",
		`Sleep <img src=x onerror="window.reflintPwned=2"> improves memory.`,
		`evil <i>name</i>.txt`,
		`cited "2025", record "<2024>"`,
		"<b>Retracted</b>",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("page text lacks %q", want)
		}
	}
}

// TestHTMLLinksBothWays checks the cross-references of one file: marker →
// entry row → marker, finding → text → finding, entry row → entry text →
// entry row.
func TestHTMLLinksBothWays(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := WriteHTML(&b, []lint.Result{lintText("dup.txt", duplicateArticle)}, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		// the marker [1] links to row r0, which lists the marker back
		`<span class="anchor" id="f1-m0"></span><a class="marker" href="#f1-r0" title="cites #1">[1]</a>`,
		`<tr id="f1-r0" class="ref">`,
		`<a href="#f1-m0">3:57</a>`,
		// the duplicate entry is highlighted, links to its row and back
		`<span class="anchor" id="f1-e1"></span>`,
		`<tr id="f1-r1" class="ref problem">`,
		`<a href="#f1-e1" title="show in the article">2</a>`,
		// the finding links to its span and the span to the finding
		`<li class="finding sev-error" id="f1-F2"><a class="pos" href="#f1-s2"`,
		`<span class="anchor" id="f1-s2"></span>`,
		`href="#f1-F2" title="duplicate-reference: reference #2 duplicates #1 (same DOI)"`,
		// its related location
		`<a href="#f1-s2-0">first listed here (6:1)</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

func TestHTMLEmpty(t *testing.T) {
	t.Parallel()
	for _, results := range [][]lint.Result{nil, {lintText("empty.txt", "")}, {lintText("plain.txt", "Hello.\n")}} {
		var b bytes.Buffer
		if err := WriteHTML(&b, results, HTMLOptions{Title: "<Review>"}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "<title>&lt;Review&gt;</title>") {
			t.Errorf("title not escaped:\n%s", b.String())
		}
	}
}

func TestRenderLinesOverlap(t *testing.T) {
	t.Parallel()
	d := lint.ParseText("x.txt", []byte("\ufeffabcdef\nghij\n"), lint.ParseOptions{})
	anns := []ann{
		{start: 0, end: 0, id: "intro"},
		{start: 4, end: 11, id: "long", class: "uncited", href: "#claim", prio: prioClaim},
		{start: 5, end: 6, id: "m", class: "marker", href: "#entry", prio: prioMarker},
		{start: 9, end: 10, id: "eol"},
	}
	lines := renderLines(d, "f", anns)
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	var got []string
	for _, l := range lines {
		for _, s := range l.Segs {
			got = append(got, strings.Join(s.Anchors, "+")+"|"+s.Text+"|"+s.Class+"|"+s.Href)
		}
	}
	want := []string{
		"intro|a||", "long|b|uncited|#claim", "m|c|uncited marker|#entry", "|def|uncited|#claim",
		"eol|||", // an anchor on the line end
		"|g|uncited|#claim", "|hij||",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("segments:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
