package prose

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// benefitArticle builds a plain-text article with a benefits list and one
// short cited section per heading.
func benefitArticle(leadIn string, items, headings []string) string {
	var sb strings.Builder
	sb.WriteString("An Article Title\n\n" + leadIn + "\n\n")
	for _, it := range items {
		sb.WriteString(it + "\n")
	}
	sb.WriteString("\nThis text is general information.\n\n")
	for _, h := range headings {
		sb.WriteString(h + "\n\nA study found an effect here.1\n\n")
	}
	return sb.String()
}

func TestBenefitMapping(t *testing.T) {
	t.Parallel()
	headings := []string{
		"Boost Mood and Happiness", "Reduce Anxiety", "Lower Depression Symptoms",
		"Boost Cognitive Function", "Help With Addiction and Substance Abuse",
		"How to Get Started With Training", "Does Training Reduce Symptoms of Depression?",
	}
	tests := []struct {
		name   string
		leadIn string
		items  []string
		want   []string // section per benefit, "" for none
	}{
		{"synonyms and direction verbs", "Key Points:",
			[]string{
				"  • Training has numerous mental health benefits, and may rival medication.",
				"    • It improves mood.",
				"    • It reduces anxiety.",
				"    • It decreases symptoms of depression.",
				"    • It increases cognitive function.",
				"    • It may help fight substance abuse and addiction.",
				"    • It grows hair.",
			},
			[]string{"Boost Mood and Happiness", "Reduce Anxiety", "Lower Depression Symptoms",
				"Boost Cognitive Function", "Help With Addiction and Substance Abuse", ""}},
		{"flat list under TL;DR, lead statement by wording", "TL;DR",
			[]string{
				"- There are many benefits of training for the mind.",
				"- Better mood",
				"- Less anxiety",
			},
			[]string{"Boost Mood and Happiness", "Reduce Anxiety"}},
		{"sub-points are not benefits", "Benefits:",
			[]string{
				"1. Happier days",
				"   - endorphins after a session",
				"2. Calmer mind with less anxiety",
			},
			[]string{"Boost Mood and Happiness", "Reduce Anxiety"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := []byte(benefitArticle(tt.leadIn, tt.items, headings))
			r := Analyze(Input{Src: src, End: len(src), Markers: findMarkers(src)})
			var got []string
			for _, b := range r.Benefits {
				s := ""
				if b.Section != nil {
					s = *b.Section
				}
				got = append(got, s)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("benefit sections (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNoBenefitListWithoutLeadIn(t *testing.T) {
	t.Parallel()
	src := []byte("Title Here\n\nSome intro text.\n\n- It improves mood.\n- It reduces anxiety.\n\nMood\n\nText.1\n")
	r := Analyze(Input{Src: src, End: len(src), Markers: findMarkers(src)})
	if len(r.Benefits) != 0 {
		t.Errorf("benefits %v, want none", r.Benefits)
	}
}

func TestCuesExtend(t *testing.T) {
	t.Parallel()
	text := "Walking rejuvenates tired legs."
	src := []byte(text)
	blocks := []Block{{Kind: Paragraph, End: len(src)}}
	if r := Analyze(Input{Src: src, End: len(src), Blocks: blocks}); r.Sentences[0].Label != LabelOther {
		t.Fatalf("default label %s, want other", r.Sentences[0].Label)
	}
	extra := Cues{Effect: []string{"rejuvenate"}}
	r := Analyze(Input{Src: src, End: len(src), Blocks: blocks, Cues: &extra})
	if s := r.Sentences[0]; s.Label != LabelClaim || s.Cue != "rejuvenates" {
		t.Errorf("extended: %s %q, want claim \"rejuvenates\"", s.Label, s.Cue)
	}
	if n := len(DefaultCues().Effect); n == len(DefaultCues().Extend(extra).Effect) {
		t.Error("Extend did not add the cue")
	}
}
