package prose

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// titles returns the section titles of a result, children indented by
// their depth in the tree.
func titles(r *Result) []string {
	var out []string
	var walk func(ss []*Section, indent string)
	walk = func(ss []*Section, indent string) {
		for _, s := range ss {
			out = append(out, indent+s.Title)
			walk(s.Children, indent+"  ")
		}
	}
	walk(r.Sections, "")
	return out
}

func TestHeadingDetection(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"title case and question headings",
			"Sleep Better Tonight\n\nIntro text that studies back.\n\nWhy Sleep Matters?\n\nSleep improves memory.\n\nDeep Sleep and Recovery\n\nDeep sleep helps muscles recover.",
			[]string{"Sleep Better Tonight", "Why Sleep Matters?", "Deep Sleep and Recovery"}},
		{"sentence-like lines are paragraphs",
			"Sleep Better Tonight\n\nThis line is a paragraph because it ends with a stop.\n\nAnother short line.\n\nFinal Words\n\nSleep well.",
			[]string{"Sleep Better Tonight", "Final Words"}},
		{"calls to action do not open sections",
			"Main Title\n\nFirst Part\n\nWalking lowers blood pressure.\n\nDownload Our App Today\n\nIt also improves mood.\n\nSubscribe to the Newsletter\n\nTry Our Free Walking Plan\n\nWalking reduces stress too.\n\nSecond Part\n\nMore text.",
			[]string{"First Part", "Second Part"}},
		{"captions and read-more lines do not open sections",
			"Main Title\n\nFirst Part\n\nWalking lowers blood pressure.\n\nPhoto of a Woman Walking\n\nImage Showing Two Hikers\n\nIt also improves mood.\n\nRead more:\n\n>> Ten Tips for Walking More\n\nWalking reduces stress too.\n\nSecond Part\n\nMore text.",
			[]string{"First Part", "Second Part"}},
		{"a line introduced by a colon is not a heading",
			"Main Title\n\nFirst Part\n\nHere is what the plan looks like:\n\nThe Twelve Week Walking Plan\n\nYou walk three days a week.\n\nSecond Part\n\nMore text.",
			[]string{"First Part", "Second Part"}},
		{"a title-like line with no prose under it is dropped",
			"Main Title\n\nFirst Part\n\nWalking lowers blood pressure.\n\nSponsored Content Block\n\nSecond Part\n\nMore text.",
			[]string{"First Part", "Second Part"}},
		{"FAQ questions are children",
			"Main Title\n\nFirst Part\n\nText here.\n\nFrequently Asked Questions\n\nIs walking enough?\n\nFor most people, yes.\n\nHow often should I walk?\n\nMost days.\n\nFinal Thoughts\n\nWalk on.",
			[]string{"First Part", "Frequently Asked Questions", "  Is walking enough?", "  How often should I walk?", "Final Thoughts"}},
		{"numbered listicle headings",
			"Main Title\n\n1. Better Sleep\n\nWalking helps sleep.\n\n2. Less Stress\n\nWalking eases stress.",
			[]string{"Better Sleep", "Less Stress"}},
		{"markdown-style hashes in plain text",
			"# Main Title\n\nIntro.\n\n## First Part\n\nText.\n\n### Detail\n\nMore.\n\n## Second Part\n\nEnd.",
			[]string{"Main Title", "First Part", "  Detail", "Second Part"}},
		{"no title: introduction section",
			"Walking is good for you.\n\nFirst Part\n\nText.",
			[]string{"(introduction)", "First Part"}},
		{"BOM, CRLF, lone CR and tabs",
			"\ufeffMain Title\r\n\r\nFirst Part\r\rText here.\r\n\t\r\nSecond Part\n\nMore.",
			[]string{"First Part", "Second Part"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := []byte(tt.text)
			r := Analyze(Input{Src: src, End: len(src)})
			if diff := cmp.Diff(tt.want, titles(r)); diff != "" {
				t.Errorf("sections (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExplicitBlocks(t *testing.T) {
	t.Parallel()
	src := []byte("# Title\nIntro.\n## Part A\nWalking lowers blood pressure.1\n### Sub\nIt improves mood.\n## Part B\nText.")
	find := func(s string) (int, int) {
		i := indexOf(src, s)
		return i, i + len(s)
	}
	var blocks []Block
	add := func(kind BlockKind, level int, s string) {
		a, b := find(s)
		blocks = append(blocks, Block{Kind: kind, Level: level, Start: a, End: b})
	}
	add(Heading, 1, "# Title")
	add(Paragraph, 0, "Intro.")
	add(Heading, 2, "## Part A")
	add(Paragraph, 0, "Walking lowers blood pressure.1")
	add(Heading, 3, "### Sub")
	add(Paragraph, 0, "It improves mood.")
	add(Heading, 2, "## Part B")
	add(Paragraph, 0, "Text.")
	r := Analyze(Input{Src: src, End: len(src), Blocks: blocks, Markers: findMarkers(src)})
	want := []string{"Title", "Part A", "  Sub", "Part B"}
	if diff := cmp.Diff(want, titles(r)); diff != "" {
		t.Errorf("sections (-want +got):\n%s", diff)
	}
	partA := r.Sections[1]
	if partA.Claims != 1 || partA.CitedClaims != 1 || len(partA.Children[0].Uncited) != 1 {
		t.Errorf("Part A: claims %d cited %d, Sub uncited %v", partA.Claims, partA.CitedClaims, partA.Children[0].Uncited)
	}
	if diff := cmp.Diff([]int{1}, partA.References); diff != "" {
		t.Errorf("Part A references (-want +got):\n%s", diff)
	}
}

func indexOf(src []byte, s string) int {
	for i := 0; i+len(s) <= len(src); i++ {
		if string(src[i:i+len(s)]) == s {
			return i
		}
	}
	return -1
}

func TestListItems(t *testing.T) {
	t.Parallel()
	src := []byte("Intro line:\n\n  • First item\n    • Nested item\n    continued here\n  - Dash item\n  1. Numbered item\n  2) Other numbered\n\n-5 kg is not a bullet.")
	blocks := deriveBlocks(src, 0, len(src), nil, matcherFor(nil))
	type item struct {
		Kind  BlockKind
		Level int
		Text  string
	}
	var got []item
	for _, b := range blocks {
		got = append(got, item{b.kind, b.level, string(src[b.start:b.end])})
	}
	want := []item{
		{Paragraph, 0, "Intro line:"},
		{ListItem, 0, "First item"},
		{ListItem, 1, "Nested item\n    continued here"},
		{ListItem, 0, "Dash item"},
		{ListItem, 0, "Numbered item"},
		{ListItem, 0, "Other numbered"},
		{Paragraph, 0, "-5 kg is not a bullet."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
}
