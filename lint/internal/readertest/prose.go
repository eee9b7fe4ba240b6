package readertest

import (
	"strings"
	"testing"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/prose"
)

// ProseText reads article, which must hold, in this format, a cited claim
// starting "A 2019 trial" and an uncited one reading "A meta-analysis
// showed that moderate doses reduce errors in shift workers and don’t
// harm sleep." once markup is gone, each holding a link to a web page, an
// emphasised word and character references, and one marker group citing
// entry 1. It checks that the prose text keeps the source's length, that
// both sentences are read as claims (cited and uncited), that the
// uncited one reads as plain text, that the marker stays in the prose
// text, and that without the prose text the cited sentence would not be
// a claim (so that the test proves something).
func (r Reader) ProseText(t *testing.T, article string) {
	t.Helper()
	src := []byte(article)
	d := r.parse(r.name("t"), src)
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
	raw := r.parse(r.name("t"), src)
	raw.ProseText = nil
	if s := sentenceAt(t, raw, "A 2019 trial"); s.Label == prose.LabelClaim {
		t.Errorf("without prose text the sentence is a claim already (%s): the test proves nothing", s.Cue)
	}
}

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
