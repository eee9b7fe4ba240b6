package htmldoc

import (
	"strings"
	"testing"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/prose"
)

// proseArticle has a cited claim and an uncited one, each holding a link
// to a web page, an emphasised word and character references.
const proseArticle = `<!DOCTYPE html>
<html><body>
<h1>Coffee and focus</h1>
<p>A 2019 trial found that caffeine <em>improves</em> reaction time in <a href="https://example.org/study">healthy adults</a> and that it&rsquo;s safe for R&amp;D staff.<sup id="cite_ref-1"><a href="#cite_note-1">&#91;1&#93;</a></sup></p>
<p>A meta-analysis showed that <i>moderate</i> doses reduce errors in <a href="https://example.org/shift" title="Shift work">shift workers</a><!-- TODO --> and don&rsquo;t harm sleep.</p>
<h2>References</h2>
<ol><li id="cite_note-1">Smith J. Caffeine and reaction time. J Things. 2019;1(2):3-4.</li></ol>
</body></html>
`

// sentenceAt returns the sentence of d's coverage that starts where text
// stands in the source.
func sentenceAt(t *testing.T, d *lint.Document, text string) prose.Sentence {
	t.Helper()
	at := strings.Index(string(d.Source), text)
	for _, s := range d.Coverage().Sentences {
		if s.Start == at {
			return s
		}
	}
	t.Fatalf("no sentence starts at %q", text)
	return prose.Sentence{}
}

func TestProseText(t *testing.T) {
	t.Parallel()
	src := []byte(proseArticle)
	d := Parse("t.html", src, lint.ParseOptions{})
	if len(d.ProseText) != len(src) {
		t.Fatalf("prose text of %d bytes, source %d", len(d.ProseText), len(src))
	}
	cited := sentenceAt(t, d, "A 2019 trial")
	if cited.Label != prose.LabelClaim || cited.Status != prose.StatusCited {
		t.Errorf("cited sentence is %s/%s (%s), want claim/cited", cited.Label, cited.Status, cited.Cue)
	}
	uncited := sentenceAt(t, d, "A meta-analysis")
	if uncited.Label != prose.LabelClaim || uncited.Status != prose.StatusUncited {
		t.Errorf("uncited sentence is %s/%s (%s), want claim/uncited", uncited.Label, uncited.Status, uncited.Cue)
	}
	if got, want := d.Coverage().Text(uncited.Start, uncited.End),
		"A meta-analysis showed that moderate doses reduce errors in shift workers and don’t harm sleep."; got != want {
		t.Errorf("uncited sentence reads %q, want %q", got, want)
	}
	if len(d.Groups) != 1 {
		t.Fatalf("%d marker groups, want 1", len(d.Groups))
	}
	for _, g := range d.Groups {
		for _, it := range g.Items {
			if got := string(d.ProseText[it.Span.Start:it.Span.End]); got != "1" {
				t.Errorf("marker item reads %q in the prose text, want %q", got, "1")
			}
		}
	}

	// Read from the source, the link makes both sentences link lines.
	raw := Parse("t.html", src, lint.ParseOptions{})
	raw.ProseText = nil
	if s := sentenceAt(t, raw, "A 2019 trial"); s.Label == prose.LabelClaim {
		t.Errorf("without prose text the sentence is a claim already (%s): the test proves nothing", s.Cue)
	}
}
