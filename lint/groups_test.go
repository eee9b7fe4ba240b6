package lint

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseMarkerText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text  string
		items []string // source text of each item
		nums  [][2]int
	}{
		{"1", []string{"1"}, [][2]int{{1, 1}}},
		{"1,2", []string{"1", "2"}, [][2]int{{1, 1}, {2, 2}}},
		{"7–9", []string{"7–9"}, [][2]int{{7, 9}}},
		{"[1, 3 - 5]", []string{"1", "3 - 5"}, [][2]int{{1, 1}, {3, 5}}},
		{"[1][2]", []string{"1", "2"}, [][2]int{{1, 1}, {2, 2}}},
		{"2;\u00a04", []string{"2", "4"}, [][2]int{{2, 2}, {4, 4}}},
		{"&#91;3&#93;", []string{"3"}, [][2]int{{3, 3}}},
		{"4&#8211;6", []string{"4&#8211;6"}, [][2]int{{4, 6}}},
		{"th", nil, nil},
		{"–", nil, nil},
		{"1–", nil, nil},
		{"2019", nil, nil},
		{"01", nil, nil},
		{"", nil, nil},
		{"[citation needed]", nil, nil},
	}
	for _, tt := range tests {
		src := []byte("<sup>" + tt.text + "</sup>")
		items, ok := ParseMarkerText(AppendMarkerChars(nil, src, 5, 5+len(tt.text)))
		if ok != (tt.items != nil) {
			t.Errorf("%q: ok %v", tt.text, ok)
			continue
		}
		var texts []string
		var nums [][2]int
		for _, it := range items {
			texts = append(texts, string(src[it.Span.Start:it.Span.End]))
			nums = append(nums, [2]int{it.From, it.To})
		}
		if diff := cmp.Diff(tt.items, texts); diff != "" {
			t.Errorf("%q items (-want +got):\n%s", tt.text, diff)
		}
		if diff := cmp.Diff(tt.nums, nums); diff != "" {
			t.Errorf("%q numbers (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestAppendMarkerChars(t *testing.T) {
	t.Parallel()
	src := []byte("a&#91;é&amp;&bogus;&notit;")
	var got []string
	for _, c := range AppendMarkerChars(nil, src, 0, len(src)) {
		got = append(got, string(c.R)+"="+string(src[c.Start:c.End]))
	}
	want := []string{"a=a", "[=&#91;", "é=é", "&=&amp;", "&=&", "b=b", "o=o", "g=g", "u=u", "s=s", ";=;",
		"&=&", "n=n", "o=o", "t=t", "i=i", "t=t", ";=;"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("chars (-want +got):\n%s", diff)
	}
}

func TestExponentBefore(t *testing.T) {
	t.Parallel()
	tests := []struct {
		before string
		want   bool
	}{
		{"area of 12 cm", true},
		{"n", true},
		{"10", true},
		{"kg/", true},
		{"2^", true},
		{"published in 2019", false},
		{"helps", false},
		{"helps.", false},
		{"", false},
		{"x<b>", true},                   // tags before are skipped
		{"helps<sup>1</sup>", false},     // a run of citations
		{"10<SUP>6</SUP>", false},        // the end of a superscript, any case
		{"the µm", true},                 // a unit
		{"Stretching helps</a>", false},  // a word behind a tag
		{"in 1799", true},                // not a plausible year
		{"broken>", false},               // no '<' before the '>'
		{"die Größe", false},             // a word of several letters
		{"Raum m", true},                 // a one-letter variable
		{"Kapitel <i>x</i></b>", true},   // tags skipped back to the letter
		{"Kapitel <i>xy</i></b>", false}, // a two-letter word is no unit
		{"units in<!-- c -->", true},     // a comment is skipped like a tag
		{"before 2019<span></span>", false},
	}
	for _, tt := range tests {
		src := []byte(tt.before + "<sup>2</sup>")
		if got := ExponentBefore(src, len(tt.before)); got != tt.want {
			t.Errorf("ExponentBefore(%q) = %v, want %v", tt.before, got, tt.want)
		}
	}
}

func TestEntityAt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  string
		n    int
		text string
	}{
		{"&rsquo;s", 7, "’"},
		{"&#8217;", 7, "’"},
		{"&#x2019;", 8, "’"},
		{"&#X2019;", 8, "’"},
		{"&apos;", 6, "'"},
		{"&amp;", 5, "&"},
		{"&nbsp;", 6, "\u00a0"},
		{"&semi;", 6, ";"},
		{"&amp", 0, ""},    // no ';'
		{"&bogus;", 0, ""}, // not an entity
		{"&notit;", 0, ""}, // only its prefix "&not" is one
		{"&#;", 0, ""},     // no digits
		{"&#xg;", 0, ""},   // not hexadecimal
		{"& x;", 0, ""},    // not a name
		{"&nGt;", 0, ""},   // its text is longer than the reference
		{"text", 0, ""},    // no reference at all
		{"&" + strings.Repeat("a", 40) + ";", 0, ""},
	}
	for _, tt := range tests {
		n, text := entityAt([]byte(tt.src), 0, len(tt.src))
		if n != tt.n || text != tt.text {
			t.Errorf("entityAt(%q) = %d %q, want %d %q", tt.src, n, text, tt.n, tt.text)
		}
	}
}

func TestInCitationParens(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want bool
	}{
		{"(X1X, X2X)", true}, {"(X1X)", true}, {", X2X)", true}, {"page X3X of", false}, {"(X1X and", false}, {"X1X)", false},
	} {
		start := strings.Index(tt.src, "X")
		end := strings.Index(tt.src[start+1:], "X") + start + 2
		if got := InCitationParens([]byte(tt.src), start, end); got != tt.want {
			t.Errorf("InCitationParens(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
