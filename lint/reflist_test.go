package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUnnumberedList reads a reference list whose numbers were lost when
// a wiki page was copied as text: back-link lines under the heading are
// the entries, numbered in list order.
func TestUnnumberedList(t *testing.T) {
	src := `Creatine

Creatine is stored mainly in muscle.[1] Loading raises muscle stores by about a fifth.[2][3] It is well studied.[1]

Kidney harm has not been shown in controlled trials.[4]

References

^ a b Kreider RB, Kalman DS, Antonio J, et al. (2017). "International Society of Sports Nutrition position stand: safety and efficacy of creatine supplementation". Journal of the International Society of Sports Nutrition. 14: 18. doi:10.1186/s12970-017-0173-z. PMC 5469049. PMID 28615996.
^ Harris RC, Söderlund K, Hultman E (1992). "Elevation of creatine in resting and exercised muscle of normal subjects by creatine supplementation". Clinical Science. 83 (3): 367–374. doi:10.1042/cs0830367. PMID 1327657.
^ Hultman E, Söderlund K, Timmons JA, et al. (1996). "Muscle creatine loading in men". Journal of Applied Physiology. 81 (1): 232–237. doi:10.1152/jappl.1996.81.1.232.
^ Poortmans JR, Francaux M (1999). "Long-term oral creatine supplementation does not impair renal function in healthy athletes". Medicine and Science in Sports and Exercise. 31 (8): 1108–1110.

Retrieved from the encyclopedia on 3 May 2025.
`
	d := ParseText("wiki.txt", []byte(src), ParseOptions{})
	var nums []int
	for _, r := range d.References {
		nums = append(nums, r.Number)
	}
	if diff := cmp.Diff([]int{1, 2, 3, 4}, nums); diff != "" {
		t.Fatalf("entries (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{1, 2, 3, 1, 4}, markerNumbers(src, 0)); diff != "" {
		t.Errorf("markers (-want +got):\n%s", diff)
	}
	want := Fields{Authors: []string{"Kreider", "Kalman", "Antonio"},
		Title:     "International Society of Sports Nutrition position stand: safety and efficacy of creatine supplementation",
		Container: "Journal of the International Society of Sports Nutrition", Year: 2017, Volume: "14", Pages: "18",
		DOI: "10.1186/s12970-017-0173-z", PMID: "28615996", PMCID: "PMC5469049"}
	if diff := cmp.Diff(want, d.References[0].Fields); diff != "" {
		t.Errorf("CS1 entry (-want +got):\n%s", diff)
	}
	if hits := Run(d, structuralRules()); len(hits) != 1 || hits[0].Rule != ReferenceKind.Name {
		t.Errorf("want only the guideline's reference-kind, got %+v", hits)
	}
}

// TestAuthorDate resolves author-date citations to the entries of an
// unnumbered APA list by first author and year; a parenthesis that names
// no entry stays prose, and the alphabetical list is not held to the
// order of first citation.
func TestAuthorDate(t *testing.T) {
	src := `Sleep and Memory

Sleep strengthens new memories (Walker & Stickgold, 2004). Naps help too (Mednick et al., 2003; Walker & Stickgold, 2004). Diekelmann and Born (2010) reviewed the evidence. The city was cold that winter (Berlin, 1990).

References

Diekelmann, S., & Born, J. (2010). The memory function of sleep. Nature Reviews Neuroscience, 11(2), 114–126. https://doi.org/10.1038/nrn2762
Mednick, S., Nakayama, K., & Stickgold, R. (2003). Sleep-dependent learning: A nap is as good as a night. Nature Neuroscience, 6(7), 697–698.
Walker, M. P., & Stickgold, R. (2004). Sleep-dependent learning and memory consolidation. Neuron, 44(1), 121–133.
Stickgold, R. (2005). Sleep-dependent memory consolidation. Nature, 437(7063), 1272–1278.
`
	d := ParseText("apa.txt", []byte(src), ParseOptions{})
	var got []int
	for _, m := range d.Markers {
		if m.Style != StyleAuthorDate {
			t.Errorf("marker %d has style %s", m.Number, m.Style)
		}
		got = append(got, m.Number)
	}
	if diff := cmp.Diff([]int{3, 2, 3, 1}, got); diff != "" {
		t.Errorf("markers (-want +got):\n%s", diff)
	}
	var rules []string
	for _, f := range Run(d, structuralRules()) {
		rules = append(rules, f.Rule+" "+itoa(f.References[0]))
	}
	if diff := cmp.Diff([]string{"unused-reference 4"}, rules); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

// TestLongList keeps entries numbered past 9999 apart: a five-digit number
// once read as a continuation glued the rest of a long list into one
// entry.
func TestLongList(t *testing.T) {
	var b strings.Builder
	b.WriteString("A claim.[1]\n\nReferences\n\n")
	for i := 1; i <= 10500; i++ {
		fmt.Fprintf(&b, "%d. Smith J. Title %d. J Test. 2019;%d(1):1-9.\n", i, i, i)
	}
	d := ParseText("long.txt", []byte(b.String()), ParseOptions{})
	if len(d.References) != 10500 {
		t.Fatalf("%d entries, want 10500", len(d.References))
	}
	for _, r := range d.References {
		if len(r.Text) > 80 {
			t.Fatalf("entry %d swallowed other lines: %d bytes", r.Number, len(r.Text))
		}
	}
}
