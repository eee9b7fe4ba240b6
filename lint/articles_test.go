package lint

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// want is the expectation written beside a test article: every marker
// number in document order, the entry numbers in list order and every
// finding as "LINE RULE [ENTRY...]".
type want struct {
	markers    []int
	references []int
	findings   []string
}

func readWant(t *testing.T, path string) want {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var w want
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		switch strings.TrimSpace(key) {
		case "markers":
			w.markers = parseNumbers(t, val)
		case "references":
			w.references = parseNumbers(t, val)
		case "finding":
			w.findings = append(w.findings, strings.Join(strings.Fields(val), " "))
		}
	}
	return w
}

// parseNumbers reads "1 2 3-5 5" (ranges expanded).
func parseNumbers(t *testing.T, s string) []int {
	t.Helper()
	out := []int{}
	for tok := range strings.FieldsSeq(s) {
		lo, hi, isRange := strings.Cut(tok, "-")
		a, err := strconv.Atoi(lo)
		if err != nil {
			t.Fatalf("bad number %q", tok)
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(hi); err != nil {
				t.Fatalf("bad range %q", tok)
			}
		}
		for n := a; n <= b; n++ {
			out = append(out, n)
		}
	}
	return out
}

// TestArticles lints every test article and compares markers, entries and
// findings with the expectations beside it.
func TestArticles(t *testing.T) {
	paths, err := filepath.Glob("../testdata/articles/*.txt")
	if err != nil || len(paths) < 8 {
		t.Fatalf("want at least 8 test articles, found %d (%v)", len(paths), err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			w := readWant(t, strings.TrimSuffix(path, ".txt")+".want")
			d := ParseText(path, src, ParseOptions{})
			got := want{markers: []int{}, references: []int{}}
			for _, m := range d.Markers {
				got.markers = append(got.markers, m.Number)
			}
			for _, r := range d.References {
				got.references = append(got.references, r.Number)
			}
			for _, f := range Run(d, structuralRules()) {
				s := fmt.Sprintf("%d %s", d.Position(f.Span.Start).Line, f.Rule)
				for _, n := range f.References {
					s += " " + strconv.Itoa(n)
				}
				got.findings = append(got.findings, s)
			}
			if diff := cmp.Diff(w.markers, got.markers); diff != "" {
				t.Errorf("markers (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(w.references, got.references); diff != "" {
				t.Errorf("references (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(sortedStrings(w.findings), sortedStrings(got.findings)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

// structuralRules are the rules the .want files speak for; claims are
// checked against the .claims labels in claims_test.go.
func structuralRules() []*Rule {
	var out []*Rule
	for _, r := range All() {
		switch r {
		case UncitedClaim, ClaimYearMismatch, ClaimKindMismatch, BenefitUncovered, LowCoverage:
		default:
			out = append(out, r)
		}
	}
	return out
}

func sortedStrings(s []string) []string {
	out := append([]string{}, s...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
