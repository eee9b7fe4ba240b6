package lint

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRules runs each rule alone on its fixture, testdata/rules/RULE.txt,
// and compares its findings with RULE.want. Missing and unexpected
// findings both fail.
func TestRules(t *testing.T) {
	for _, r := range All() {
		t.Run(r.Name, func(t *testing.T) {
			path := filepath.Join("testdata", "rules", r.Name+".txt")
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("every rule needs a fixture: %v", err)
			}
			w := readWant(t, strings.TrimSuffix(path, ".txt")+".want")
			d := ParseText(path, src, ParseOptions{})
			if data, err := os.ReadFile(strings.TrimSuffix(path, ".txt") + ".lookups.json"); err == nil {
				// Online rules read verdicts recorded beside the fixture.
				var lookups map[int]*Lookup
				if err := json.Unmarshal(data, &lookups); err != nil {
					t.Fatal(err)
				}
				d.ApplyLookups(lookups)
			} else if r.Online {
				t.Fatalf("online rule %s needs %s.lookups.json", r.Name, r.Name)
			}
			var got []string
			for _, f := range RunWith(d, []*Rule{r}, Config{MinCoverage: 0.8}) {
				s := fmt.Sprintf("%d %s", d.Position(f.Span.Start).Line, f.Rule)
				for _, n := range f.References {
					s += " " + strconv.Itoa(n)
				}
				got = append(got, s)
			}
			var want []string
			for _, f := range w.findings {
				if strings.Fields(f)[1] == r.Name {
					want = append(want, f)
				}
			}
			if diff := cmp.Diff(sortedStrings(want), sortedStrings(got)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRuleDocs keeps every rule documented for `reflint explain`.
func TestRuleDocs(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range All() {
		if seen[r.Name] {
			t.Errorf("rule %s registered twice", r.Name)
		}
		seen[r.Name] = true
		if r.Title == "" || r.Doc == "" || r.Bad == "" || r.Good == "" || r.Severity == 0 || r.Run == nil {
			t.Errorf("rule %s lacks a title, doc, example, severity or run function", r.Name)
		}
		if strings.HasSuffix(r.Title, ".") || strings.ToLower(r.Title[:1]) != r.Title[:1] {
			t.Errorf("rule %s: title %q should be lower case with no final period", r.Name, r.Title)
		}
	}
}
