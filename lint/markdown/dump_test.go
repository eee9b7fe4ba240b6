package markdown

import (
	"os"
	"testing"

	"github.com/reflint/reflint/lint"
)

func TestDump(t *testing.T) {
	p := os.Getenv("DUMP")
	if p == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(p)
	d := Parse(p, src, lint.ParseOptions{})
	s := summarize(d)
	t.Logf("%+v", s.Markers)
	t.Logf("%+v", s.References)
	for _, f := range s.Findings {
		t.Log(f)
	}
	for _, f := range s.Sections {
		t.Log(f)
	}
	for _, g := range d.Groups {
		t.Logf("group %q", src[g.Span.Start:g.Span.End])
	}
	for _, r := range d.References {
		t.Logf("ref %d %q num=%q", r.Number, r.Text, src[r.NumberSpan.Start:r.NumberSpan.End])
	}
}
