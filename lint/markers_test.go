package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// refList is a list of n entries appended to test bodies so that weak
// markers have entries to name.
func refList(n int) string {
	var b strings.Builder
	b.WriteString("\n\nReferences\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d. J Test. 2020;%d(1):1-10. A study of things number %d.\n", i, i, i)
	}
	return b.String()
}

func markerNumbers(body string, entries int) []int {
	d := ParseText("t.txt", []byte(body+refList(entries)), ParseOptions{})
	out := []int{}
	for _, m := range d.Markers {
		out = append(out, m.Number)
	}
	return out
}

func TestMarkers(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []int
	}{
		{"after full stop", "Lift twice weekly.1", []int{1}},
		{"after closing paren", "It helps hyperarousal (avoidance).2", []int{2}},
		{"space group", "Several groups benefit.1 2 3", []int{1, 2, 3}},
		{"comma group", "Several groups benefit.1,2, 3", []int{1, 2, 3}},
		{"flattened range", "Several groups benefit.1–3", []int{1, 2, 3}},
		{"mid-line", "It calms anxiety.1 That is a weight you can lift.", []int{1}},
		{"after quote", "They call it “grit”1 and it lasts.", []int{1}},
		{"German quotes", "Sie nannten es „Wende“1 für die Forschung.", []int{1}},
		{"French quotes", "Un effet « protecteur »2, confirmé depuis.", []int{2}},
		{"glued to word", "Funde aus dem Altpaläolithikum1 sind selten.", []int{1}},
		{"glued with soft hyphen", "Funde aus dem Altpaläo\u00ADlithikum1 sind selten.", []int{1}},
		{"after comma", "It helps anxiety,1 and mood.", []int{1}},
		{"caption", "How lifting builds confidence.2\n\nNext paragraph.1", []int{2, 1}},
		{"brackets", "A [1], B [1, 3], C [2–4], D [2-3], E [1,3,4–5].", []int{1, 1, 3, 2, 3, 4, 2, 3, 1, 3, 4, 5}},
		{"adjacent brackets", "Both agree.[2][3]", []int{2, 3}},
		{"superscripts", "Sleep helps¹² and more⁴⁻⁶ and so on¹,².", []int{12, 4, 5, 6, 1, 2}},
		{"decimals", "Take 2.5 kg, version 3.1, or 0.61 years.", []int{}},
		{"numbers in sentences", "A 12-week study of 87,508 adults in 218 studies at ~70% of max.", []int{}},
		{"dates and times", "Updated 2025-11-03 at 7:30, in 2019 and 12.03.2024.", []int{}},
		{"list numbering", "A cycle: 1) sleep, 2) mood, 3) training.", []int{}},
		{"chemistry and vitamins", "Vitamin D3, B12, CO2, H2O, omega-3, COVID-19, PM2.5 and PM10.", []int{}},
		{"unit exponents", "An area of 5 m² at 25 kg/m² and 10⁶ cells, R² = 0.5.", []int{}},
		{"locator abbreviations", "See Fig.2 and No.3 and p.4 in the appendix.", []int{}},
		{"url", "See https://example.org/page1 and www.example.com/a.2 for more.", []int{}},
		{"product names", "The iPhone15 and Windows11 and model3 shipped.", []int{}},
		{"ordinals", "The 3rd study and the 1RM test.", []int{}},
		{"spaced numbers are prose", "Levels fell.3 4 weeks later they rose.", []int{3}},
		{"parentheses", "Rich in antioxidants (1, 2). It helps memory (3–4); and mood (5).", []int{1, 2, 3, 4, 5}},
		{"parenthesised enumerations and asides", "Steps: (1) boil, (2) steep, then rest (n = 20) in (2019) or f(3).", []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, markerNumbers(tt.body, 12)); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}

// TestMarkersUseTheList checks the two sides of ambiguity: a weak form is
// dropped when its entry does not exist, a strong form is kept and then
// reported as unresolved.
func TestMarkersUseTheList(t *testing.T) {
	if got := markerNumbers("A word glued to digits like Schlaf9 is not a marker when 9 has no entry.", 3); len(got) != 0 {
		t.Errorf("weak marker without entry kept: %v", got)
	}
	src := "Lift twice weekly.1 It helps a lot.9" + refList(3)
	d := ParseText("t.txt", []byte(src), ParseOptions{})
	findings := Run(d, []*Rule{UnresolvedMarker})
	if len(findings) != 1 || findings[0].References[0] != 9 {
		t.Fatalf("want one unresolved marker 9, got %+v", findings)
	}
}

func TestMarkerPositions(t *testing.T) {
	src := "\uFEFFTitle\r\n\r\nLift\ttwice weekly.1\rNext—line is here.2\n" + refList(2)
	d := ParseText("t.txt", []byte(src), ParseOptions{})
	var got []Position
	for _, m := range d.Markers {
		got = append(got, d.Position(m.Span.Start))
	}
	want := []Position{{Line: 3, Column: 19}, {Line: 4, Column: 19}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
}

func TestReferenceHeadings(t *testing.T) {
	for line, want := range map[string]bool{
		"References": true, "References:": true, "REFERENCES (44)": true, "## Sources": true, "Literatur": true,
		"Einzelnachweise": true, "Refe\u00ADrences": true, "Scientific Sources & Further Reading": true,
		"Studies referenced": true, "Sources of vitamin D in food are few.": false, "Where to find more": false,
		"How we chose our sources and why they matter to you": false,
	} {
		if got := isReferenceHeading(line, nil); got != want {
			t.Errorf("isReferenceHeading(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestLooseHeadingNeedsReferences keeps a numbered list under "Best
// Sources of Iron" from being taken for the reference list.
func TestLooseHeadingNeedsReferences(t *testing.T) {
	src := "Iron\n\nIron carries oxygen in the blood.\n\nBest Sources of Iron\n\n1. Red meat\n2. Lentils\n3. Spinach\n"
	if d := ParseText("iron.txt", []byte(src), ParseOptions{}); d.List != nil {
		t.Errorf("a food list was taken for the reference list: %+v", d.References)
	}
}
