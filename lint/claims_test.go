package lint

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/reflint/reflint/lint/prose"
)

// TestClaimDetection measures claim detection against the hand labels in
// testdata/articles/*.claims ("LINE<TAB>LABEL<TAB>sentence start"). A
// labelled sentence counts as a claim when its label starts with
// "claim"; the detector's claims are the sentences it labels claim.
// Precision and recall are logged (go test -v) and held above a floor so
// that a regression fails.
func TestClaimDetection(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/articles/*.claims")
	var tp, fp, fn, statusOK, statusAll, labelled, unmatched int
	for _, path := range paths {
		src, err := os.ReadFile(strings.TrimSuffix(path, ".claims") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		d := ParseText(path, src, ParseOptions{})
		sentences := d.Coverage().Sentences
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			cols := strings.SplitN(sc.Text(), "\t", 3)
			if len(cols) != 3 || strings.HasPrefix(cols[0], "#") {
				continue
			}
			line, err := strconv.Atoi(cols[0])
			if err != nil {
				continue
			}
			labelled++
			s := findSentence(d, sentences, line, cols[2])
			if s == nil {
				unmatched++
				t.Logf("%s:%d: no sentence starts with %q", filepath.Base(path), line, cols[2])
				continue
			}
			wantClaim := strings.HasPrefix(cols[1], "claim")
			gotClaim := s.Label == prose.LabelClaim
			switch {
			case wantClaim && gotClaim:
				tp++
				statusAll++
				if "claim-"+string(s.Status) == cols[1] {
					statusOK++
				}
			case gotClaim:
				fp++
			case wantClaim:
				fn++
			}
		}
		f.Close()
	}
	if labelled < 60 {
		t.Fatalf("want at least 60 labelled sentences, have %d", labelled)
	}
	precision := float64(tp) / float64(tp+fp)
	recall := float64(tp) / float64(tp+fn)
	t.Logf("%d labelled sentences (%d not found by the splitter): claim precision %.2f, recall %.2f; status of true claims right in %d of %d",
		labelled, unmatched, precision, recall, statusOK, statusAll)
	if precision < 0.8 || recall < 0.8 {
		t.Errorf("claim detection regressed: precision %.2f, recall %.2f (floor 0.80)", precision, recall)
	}
}

// findSentence returns the sentence on line whose text starts with the
// labelled words.
func findSentence(d *Document, sentences []prose.Sentence, line int, start string) *prose.Sentence {
	want := strings.Join(strings.Fields(start), " ")
	for i := range sentences {
		s := &sentences[i]
		if d.Position(s.Start).Line != line {
			continue
		}
		text := strings.ReplaceAll(string(d.Source[s.Start:s.End]), string(softHyphen), "")
		if strings.HasPrefix(strings.Join(strings.Fields(text), " "), want) {
			return s
		}
	}
	return nil
}

// TestBenefitMapping compares the benefit-to-section mapping with the
// hand labels ("# benefit: LINE<TAB>text<TAB>Section or -"). It logs the
// share mapped right and fails below a floor.
func TestBenefitMapping(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/articles/*.claims")
	right, total := 0, 0
	for _, path := range paths {
		src, err := os.ReadFile(strings.TrimSuffix(path, ".claims") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		cov := ParseText(path, src, ParseOptions{}).Coverage()
		labels, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.SplitSeq(string(labels), "\n") {
			rest, ok := strings.CutPrefix(line, "# benefit: ")
			if !ok {
				continue
			}
			cols := strings.Split(rest, "\t")
			if len(cols) != 3 {
				t.Fatalf("%s: bad benefit label %q", path, line)
			}
			total++
			got := "(not a benefit)"
			for _, b := range cov.Benefits {
				if strings.TrimSpace(b.Text) == strings.TrimSpace(cols[1]) {
					got = "-"
					if b.Section != nil {
						got = *b.Section
					}
				}
			}
			if got == cols[2] {
				right++
			} else {
				t.Logf("%s: benefit %q mapped to %q, labelled %q", filepath.Base(path), cols[1], got, cols[2])
			}
		}
	}
	if total == 0 {
		t.Fatal("no benefit labels found")
	}
	t.Logf("benefits mapped as labelled: %d of %d", right, total)
	if right*10 < total*7 {
		t.Errorf("benefit mapping regressed: %d of %d right (floor 70%%)", right, total)
	}
}
