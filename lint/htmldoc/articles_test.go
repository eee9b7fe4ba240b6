package htmldoc

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/reflint/reflint/lint"
)

// summary is what must agree between formats: marker and entry numbers,
// findings by rule and entries, and per-section coverage.
type summary struct {
	Markers    []int
	References []int
	Findings   []string
	Sections   []string
}

func summarize(d *lint.Document) summary {
	s := summary{Markers: []int{}, References: []int{}}
	for _, m := range d.Markers {
		s.Markers = append(s.Markers, m.Number)
	}
	for _, r := range d.References {
		s.References = append(s.References, r.Number)
	}
	for _, f := range lint.Run(d, lint.All()) {
		line := f.Rule
		for _, n := range f.References {
			line += " " + strconv.Itoa(n)
		}
		s.Findings = append(s.Findings, line)
	}
	for _, sec := range d.Coverage().AllSections() {
		s.Sections = append(s.Sections, fmt.Sprintf("%s: claims %d cited %d supported %d refs %v",
			sec.Title, sec.Claims, sec.CitedClaims, sec.SupportedClaims, sec.References))
	}
	return s
}

// TestCrossFormat reads the HTML version of test articles and expects
// exactly what the plain-text version gives.
func TestCrossFormat(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"caffeine-performance", "teen-sleep", "vitamin-d-winter"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			base := filepath.Join("..", "..", "testdata", "articles", name)
			txt, err := os.ReadFile(base + ".txt")
			if err != nil {
				t.Fatal(err)
			}
			md, err := os.ReadFile(base + ".html")
			if err != nil {
				t.Fatal(err)
			}
			want := summarize(lint.ParseText(name+".txt", txt, lint.ParseOptions{}))
			got := summarize(Parse(name+".html", md, lint.ParseOptions{}))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("HTML differs from text (-text +html):\n%s", diff)
			}
		})
	}
}
