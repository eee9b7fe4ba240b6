package readertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
	s := summary{Markers: MarkerNumbers(d), References: EntryNumbers(d)}
	for _, f := range lint.Run(d, lint.All()) {
		line := []string{f.Rule}
		for _, n := range f.References {
			line = append(line, strconv.Itoa(n))
		}
		s.Findings = append(s.Findings, strings.Join(line, " "))
	}
	for _, sec := range d.Coverage().AllSections() {
		s.Sections = append(s.Sections, fmt.Sprintf("%s: claims %d cited %d supported %d refs %v",
			sec.Title, sec.Claims, sec.CitedClaims, sec.SupportedClaims, sec.References))
	}
	return s
}

// CrossFormat reads this format's version of each named test article (in
// Articles) and expects exactly what the plain-text version gives, in a
// parallel subtest per article.
func (r Reader) CrossFormat(t *testing.T, names ...string) {
	t.Helper()
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			base := filepath.Join(r.Articles, name)
			txt, err := os.ReadFile(base + ".txt")
			if err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(base + r.Ext)
			if err != nil {
				t.Fatal(err)
			}
			want := summarize(lint.ParseText(name+".txt", txt, lint.ParseOptions{}))
			got := summarize(r.parse(r.name(name), src))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s differs from text (-text +%s):\n%s", r.Format, r.lowerFormat(), diff)
			}
		})
	}
}
