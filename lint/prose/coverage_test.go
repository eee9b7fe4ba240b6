package prose

import (
	"bytes"
	"os"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// walkingRefs is what the caller would know of testdata/walking.txt's
// entries. Entry 3 is a protocol cited as a meta-analysis, entry 4 an
// observational study cited as a randomized trial, entry 8 a 2016 review
// cited as "a 2021 systematic review".
var walkingRefs = map[int]RefInfo{
	1:  {Evidence: "guideline", Year: 2020},
	2:  {Evidence: "meta-analysis", Year: 2018},
	3:  {Evidence: "protocol", Year: 2019},
	4:  {Evidence: "observational", Year: 2020},
	5:  {Evidence: "randomized-trial", Year: 2015},
	6:  {Evidence: "observational", Year: 2017},
	7:  {Evidence: "observational", Year: 2019},
	8:  {Evidence: "systematic-review", Year: 2016},
	9:  {Evidence: "observational", Year: 2012},
	10: {Evidence: "unknown"},
}

func analyzeWalking(t *testing.T) (*Result, []byte) {
	t.Helper()
	src, err := os.ReadFile("testdata/walking.txt")
	if err != nil {
		t.Fatal(err)
	}
	end := bytes.Index(src, []byte("\nReferences\n"))
	return Analyze(Input{Src: src, End: end, Markers: findMarkers(src[:end]), Refs: walkingRefs}), src
}

func TestEndToEnd(t *testing.T) {
	t.Parallel()
	r, _ := analyzeWalking(t)

	type sec struct {
		Title      string
		Level      int
		Claims     int
		Cited      int
		Supported  int
		Uncited    []string
		References []int
		Evidence   map[string]int
		Children   []sec
	}
	var conv func(ss []*Section) []sec
	conv = func(ss []*Section) []sec {
		var out []sec
		for _, s := range ss {
			c := sec{Title: s.Title, Level: s.Level, Claims: s.Claims, Cited: s.CitedClaims,
				Supported: s.SupportedClaims, References: s.References, Evidence: s.Evidence, Children: conv(s.Children)}
			for _, u := range s.Uncited {
				c.Uncited = append(c.Uncited, u.Text)
			}
			out = append(out, c)
		}
		return out
	}
	want := []sec{
		{Title: "Walking for Heart Health: 5 Benefits Backed by Research", Level: 1, References: []int{}, Evidence: map[string]int{}},
		{Title: "Why Walk?", Level: 2, Claims: 1, Cited: 1, References: []int{1}, Evidence: map[string]int{"guideline": 1}},
		{Title: "Lower Blood Pressure", Level: 2, Claims: 4, Cited: 3, Supported: 1, References: []int{2, 3, 4},
			Evidence: map[string]int{"meta-analysis": 1, "protocol": 1, "observational": 1}},
		{Title: "Better Cholesterol", Level: 2, Claims: 3, Cited: 1, Supported: 1,
			Uncited:    []string{"Researchers think that the change comes from better fat metabolism in working muscles."},
			References: []int{5}, Evidence: map[string]int{"randomized-trial": 1}},
		{Title: "Reduce Heart Disease Risk", Level: 2, Claims: 3, Cited: 2,
			Uncited:    []string{"Walking is also linked to fewer strokes."},
			References: []int{6, 7, 8}, Evidence: map[string]int{"observational": 2, "systematic-review": 1}},
		{Title: "Manage Your Weight", Level: 2, Claims: 2, Cited: 1, Supported: 1, References: []int{9},
			Evidence: map[string]int{"observational": 1}},
		{Title: "Frequently Asked Questions", Level: 2, References: []int{10}, Evidence: map[string]int{"unknown": 1},
			Children: []sec{
				{Title: "How far should I walk each day?", Level: 3, Claims: 1,
					Uncited:    []string{"Most guidelines suggest about 30 minutes a day, but any amount helps."},
					References: []int{}, Evidence: map[string]int{}},
				{Title: "Is walking as good as running?", Level: 3, Claims: 1, Cited: 1, References: []int{10},
					Evidence: map[string]int{"unknown": 1}},
			}},
		{Title: "The Bottom Line", Level: 2, References: []int{}, Evidence: map[string]int{}},
	}
	if diff := cmp.Diff(want, conv(r.Sections)); diff != "" {
		t.Errorf("sections (-want +got):\n%s", diff)
	}

	type ben struct {
		Text    string
		Section string
	}
	var got []ben
	for _, b := range r.Benefits {
		s := "<none>"
		if b.Section != nil {
			s = *b.Section
		}
		got = append(got, ben{b.Text, s})
	}
	wantBen := []ben{
		{"It lowers blood pressure.", "Lower Blood Pressure"},
		{"It improves cholesterol levels.", "Better Cholesterol"},
		{"It reduces the risk of heart disease.", "Reduce Heart Disease Risk"},
		{"It helps with weight control.", "Manage Your Weight"},
		{"It may ease stress.", "<none>"},
	}
	if diff := cmp.Diff(wantBen, got); diff != "" {
		t.Errorf("benefits (-want +got):\n%s", diff)
	}
	var uncovered []string
	for _, b := range UncoveredBenefits(r) {
		uncovered = append(uncovered, b.Text)
	}
	if diff := cmp.Diff([]string{"It may ease stress."}, uncovered); diff != "" {
		t.Errorf("uncovered benefits (-want +got):\n%s", diff)
	}
}

func TestRuleHelpers(t *testing.T) {
	t.Parallel()
	r, _ := analyzeWalking(t)

	var uncited []string
	for _, s := range UncitedClaims(r) {
		uncited = append(uncited, r.Text(s.Start, s.End)+" ["+s.Cue+"]")
	}
	wantUncited := []string{
		"Researchers think that the change comes from better fat metabolism in working muscles. [Researchers]",
		"Walking is also linked to fewer strokes. [linked to]",
		"Most guidelines suggest about 30 minutes a day, but any amount helps. [helps]",
	}
	if diff := cmp.Diff(wantUncited, uncited); diff != "" {
		t.Errorf("uncited claims (-want +got):\n%s", diff)
	}

	strip := func(ms []Mismatch) []Mismatch {
		for k := range ms {
			ms[k].Start, ms[k].End = 0, 0
		}
		return ms
	}
	wantKind := []Mismatch{
		{Text: "A 2019 meta-analysis of 73 trials reached the same conclusion.3", Named: "meta-analysis", Refs: []int{3}, Cited: []string{"protocol"}},
		{Text: "The effect is larger in people who start with high readings, according to a randomized trial from Japan.4", Named: "randomized-trial", Refs: []int{4}, Cited: []string{"observational"}},
	}
	if diff := cmp.Diff(wantKind, strip(KindMismatches(r, walkingRefs))); diff != "" {
		t.Errorf("kind mismatches (-want +got):\n%s", diff)
	}
	wantYear := []Mismatch{
		{Text: "A 2021 systematic review found a dose response: every extra 1,000 steps was associated with a lower risk.8", Named: "2021", Refs: []int{8}, Cited: []string{"2016"}},
	}
	if diff := cmp.Diff(wantYear, strip(YearMismatches(r, walkingRefs))); diff != "" {
		t.Errorf("year mismatches (-want +got):\n%s", diff)
	}

	var summaries []string
	for _, s := range UncoveredSummaries(r) {
		summaries = append(summaries, r.Text(s.Start, s.End))
	}
	if len(summaries) != 0 {
		t.Errorf("uncovered summaries: %q", summaries)
	}

	if got := Coverage(r.Sections[2]); got != 1 {
		t.Errorf("coverage of %q = %v, want 1", r.Sections[2].Title, got)
	}
	if got := Coverage(r.Sections[3]); got < 0.66 || got > 0.67 {
		t.Errorf("coverage of %q = %v, want 2/3", r.Sections[3].Title, got)
	}
}

func TestSentenceSpansAndMarkers(t *testing.T) {
	t.Parallel()
	r, src := analyzeWalking(t)
	for _, s := range r.Sentences {
		if s.Start >= s.End || !utf8.Valid(src[s.Start:s.End]) {
			t.Errorf("bad span %d..%d", s.Start, s.End)
		}
		if s.Label == LabelClaim && s.Cue == "" {
			t.Errorf("claim without cue: %q", src[s.Start:s.End])
		}
	}
	for _, s := range r.Sentences {
		if bytes.HasPrefix(src[s.Start:], []byte("Walkers have a lower risk")) {
			if diff := cmp.Diff([]int{6, 7}, s.Markers); diff != "" {
				t.Errorf("markers (-want +got):\n%s", diff)
			}
			return
		}
	}
	t.Error("sentence not found")
}

func TestBar(t *testing.T) {
	t.Parallel()
	tests := []struct {
		c, s, u, w int
		want       string
	}{
		{5, 3, 2, 10, "█████▓▓▓░░"},
		{1, 0, 99, 10, "█░░░░░░░░░"},
		{0, 0, 0, 4, "····"},
		{2, 1, 1, 3, "█▓░"},
		{1, 1, 1, 0, ""},
	}
	for _, tt := range tests {
		if got := Bar(tt.c, tt.s, tt.u, tt.w); got != tt.want {
			t.Errorf("Bar(%d,%d,%d,%d) = %q, want %q", tt.c, tt.s, tt.u, tt.w, got, tt.want)
		}
	}
}
