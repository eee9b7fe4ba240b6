package htmldoc_test

import (
	"testing"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/htmldoc"
)

// TestAuthorDate reads an APA page: a bulleted list under the references
// heading, and citations whose "&" is written as an entity.
func TestAuthorDate(t *testing.T) {
	src := `<html><body><h1>Sleep</h1>
<p>Sleep strengthens memories (Walker &amp; Stickgold, 2004). Diekelmann and Born (2010) agree.</p>
<h2>References</h2>
<ul>
<li>Diekelmann, S., &amp; Born, J. (2010). The memory function of sleep. <i>Nature Reviews Neuroscience, 11</i>(2), 114–126.</li>
<li>Walker, M. P., &amp; Stickgold, R. (2004). Sleep-dependent learning and memory consolidation. <i>Neuron, 44</i>(1), 121–133.</li>
</ul>
<nav><ul><li><a href="/">Home</a></li></ul></nav>
</body></html>`
	d := htmldoc.Parse("a.html", []byte(src), lint.ParseOptions{})
	var got []int
	for _, m := range d.Markers {
		got = append(got, m.Number)
	}
	if len(got) != 2 || got[0] != 2 || got[1] != 1 {
		t.Fatalf("markers %v, want [2 1] (entries %d)", got, len(d.References))
	}
	if d.List == nil || !d.List.AuthorDate || !d.List.Unnumbered {
		t.Errorf("the list should be marked author-date and unnumbered: %+v", d.List)
	}
	if f := lint.Run(d, lint.All()); len(f) != 0 {
		t.Errorf("unexpected findings: %+v", f)
	}
}
