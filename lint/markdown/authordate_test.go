package markdown_test

import (
	"testing"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/markdown"
)

// TestAuthorDate checks that Markdown resolves author-date citations as
// plain text does, and never inside code.
func TestAuthorDate(t *testing.T) {
	src := "# Sleep\n\nSleep strengthens memories (Walker & Stickgold, 2004). Diekelmann and Born (2010) agree.\n\n" +
		"`(Walker & Stickgold, 2004)` in code is not a citation.\n\n## References\n\n" +
		"- Diekelmann, S., & Born, J. (2010). The memory function of sleep. Nature Reviews Neuroscience, 11(2), 114–126.\n" +
		"- Walker, M. P., & Stickgold, R. (2004). Sleep-dependent learning and memory consolidation. Neuron, 44(1), 121–133.\n"
	d := markdown.Parse("a.md", []byte(src), lint.ParseOptions{})
	var got []int
	for _, m := range d.Markers {
		got = append(got, m.Number)
	}
	if len(got) != 2 || got[0] != 2 || got[1] != 1 {
		t.Fatalf("markers %v, want [2 1] (entries %d)", got, len(d.References))
	}
	if d.List == nil || !d.List.AuthorDate {
		t.Error("the list should be marked author-date")
	}
}
