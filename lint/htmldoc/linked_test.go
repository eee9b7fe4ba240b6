package htmldoc_test

import (
	"testing"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/htmldoc"
)

// TestLinkedNumbers reads numbers linked to their sources inside
// parentheses as markers, the way many health sites cite, and leaves a
// linked number in running text alone.
func TestLinkedNumbers(t *testing.T) {
	src := `<html><body><h1>Green Tea</h1>
<p>Green tea is rich in antioxidants (<a href="https://pubmed.ncbi.nlm.nih.gov/20370896/">1</a>, <a href="https://pubmed.ncbi.nlm.nih.gov/30609672/">2</a>).</p>
<p>See page <a href="/guide">3</a> of the guide.</p>
<h2>Sources</h2>
<ol>
<li>Chacko SM, et al. Beneficial effects of green tea: a literature review. Chin Med. 2010;5:13.</li>
<li>Khan N, Mukhtar H. Tea polyphenols in promotion of human health. Nutrients. 2018;11(1):39.</li>
<li>Haskell CF, et al. L-theanine, caffeine and their combination on cognition and mood. Biol Psychol. 2008;77(2):113-122.</li>
</ol></body></html>`
	d := htmldoc.Parse("a.html", []byte(src), lint.ParseOptions{})
	var got []int
	for _, m := range d.Markers {
		got = append(got, m.Number)
	}
	if len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Errorf("markers %v, want [1 2]", got)
	}
}
