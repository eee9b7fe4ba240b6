package prose

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplitSentences(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"simple", "Walk daily. It helps.", []string{"Walk daily.", "It helps."}},
		{"abbreviation et al", "Smith et al. found a small effect. Others did not.",
			[]string{"Smith et al. found a small effect.", "Others did not."}},
		{"et al before a capital", "As Jones et al. Showed in mice, it works.",
			[]string{"As Jones et al. Showed in mice, it works."}},
		{"e.g. and i.e.", "Some foods, e.g. Beans, help. Others, i.e. Sweets, do not.",
			[]string{"Some foods, e.g. Beans, help.", "Others, i.e. Sweets, do not."}},
		{"vs and Dr", "Dr. Lee compared walking vs. Running. Walking won.",
			[]string{"Dr. Lee compared walking vs. Running.", "Walking won."}},
		{"Fig and No before numbers", "See Fig. 2 and No. 7 for details. Done.",
			[]string{"See Fig. 2 and No. 7 for details.", "Done."}},
		{"no as a word", "The answer is no. Nobody asked.", []string{"The answer is no.", "Nobody asked."}},
		{"decimals", "Levels fell by 2.5 points. Then 3.75 more.", []string{"Levels fell by 2.5 points.", "Then 3.75 more."}},
		{"initials", "The study by J. K. Rowe was small. It ran for a year.",
			[]string{"The study by J. K. Rowe was small.", "It ran for a year."}},
		{"vitamin letter ends a sentence", "Eat foods with vitamin D. Fish is one.",
			[]string{"Eat foods with vitamin D.", "Fish is one."}},
		{"ellipsis then lower case", "It works... sometimes. Not always.", []string{"It works... sometimes.", "Not always."}},
		{"ellipsis then capital", "We waited… Nothing happened.", []string{"We waited…", "Nothing happened."}},
		{"quotes", "She said, “It works.” Then she left.", []string{"She said, “It works.”", "Then she left."}},
		{"question in quotes", "He asked “Why?” and left. Fine.", []string{"He asked “Why?” and left.", "Fine."}},
		{"glued marker", "It lowers risk.1 Next sentence here.", []string{"It lowers risk.1", "Next sentence here."}},
		{"several glued markers", "It helps.3 4 5 Another claim follows.", []string{"It helps.3 4 5", "Another claim follows."}},
		{"marker after year", "The trial ended in 2019.4 Results came later.",
			[]string{"The trial ended in 2019.4", "Results came later."}},
		{"decimal without marker", "The trial ended in 2019.4 Results came later.",
			[]string{"The trial ended in 2019.4 Results came later."}},
		{"marker after quote", "It is “safe.”12 Use it.", []string{"It is “safe.”12", "Use it."}},
		{"domain name", "Visit example.com for more. Bye.", []string{"Visit example.com for more.", "Bye."}},
		{"exclamation in parentheses", "It hurts (a lot!), but it works. Good.",
			[]string{"It hurts (a lot!), but it works.", "Good."}},
		{"no final stop", "First one. Second without stop", []string{"First one.", "Second without stop"}},
		{"lines of a flattened page", "Download on App Store\nDownload on the Google Play Store for Android phones and tablets everywhere in the world today",
			[]string{"Download on App Store", "Download on the Google Play Store for Android phones and tablets everywhere in the world today"}},
		{"hard-wrapped text", "Walking every day lowers blood pressure in\nadults, and it also improves mood in most of\nthem.",
			[]string{"Walking every day lowers blood pressure in\nadults, and it also improves mood in most of\nthem."}},
		{"CRLF", "One.\r\nTwo.", []string{"One.", "Two."}},
		{"soft hyphen and nbsp", "Treat\u00adment helps.\u00a0Really.", []string{"Treat\u00adment helps.", "Really."}},
	}
	// findMarkers cannot tell "2019.4" (a year and a marker) from a decimal;
	// the caller's markers decide, so these cases give them explicitly.
	explicit := map[string][]Marker{
		"marker after year":      {{24, 25, 4}},
		"decimal without marker": {},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := []byte(tt.text)
			mk, ok := explicit[tt.name]
			if !ok {
				mk = findMarkers(src)
			}
			spans := SplitSentences(src, 0, len(src), mk)
			var got []string
			for _, s := range spans {
				got = append(got, string(src[s.Start:s.End]))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("sentences (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSplitSentencesKeepsOffsets(t *testing.T) {
	t.Parallel()
	src := []byte("xx Intro here. Second.1 Third. yy")
	spans := SplitSentences(src, 3, len(src)-3, findMarkers(src))
	want := []Span{{3, 14}, {15, 23}, {24, 30}}
	if diff := cmp.Diff(want, spans); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
}
