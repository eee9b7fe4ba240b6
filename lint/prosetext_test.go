package lint

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/reflint/reflint/lint/prose"
)

// proseDoc lays out the prose text of src read as one paragraph: tags
// "<…>" are blanks, "<br>" a space, references in the rest decoded, and
// every "{…}" a marker group kept as written.
func proseDoc(src string, bodyEnd int) *Document {
	d := NewDocument("t.html", "html", []byte(src))
	d.BodyEnd = bodyEnd
	d.Blocks = []prose.Block{{Kind: prose.Paragraph, Start: 0, End: bodyEnd}}
	p := NewProseBuilder(d.Source)
	text := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '<':
			j := strings.IndexByte(src[i:], '>')
			if j < 0 {
				continue
			}
			p.Entities(Span{Start: text, End: i})
			if src[i:i+j+1] == "<br>" {
				p.Replace(Span{Start: i, End: i + j + 1}, " ")
			} else {
				p.Blank(Span{Start: i, End: i + j + 1})
			}
			i += j
			text = i + 1
		case '{':
			j := strings.IndexByte(src[i:], '}')
			if j > 0 {
				d.Groups = append(d.Groups, MarkerGroup{Span: Span{Start: i, End: i + j + 1}, Style: StyleHTML})
			}
		}
	}
	p.Entities(Span{Start: text, End: len(src)})
	p.Set(d)
	return d
}

func TestProseBuilder(t *testing.T) {
	t.Parallel()
	tests := []struct{ src, want string }{
		// Markup inside a word closes up; the freed bytes end the run.
		{"<em>un</em>likely effect", "    unlikely      effect"},
		{"don&rsquo;t stop", "don’t     stop"},
		{"don&apos;t stop", "don't      stop"},
		{"caf&eacute; au lait", "café       au lait"},
		{"R&amp;D works", "R&D     works"},
		// A reference that opens a run goes right before it.
		{"say &ldquo;yes&rdquo; now", "say     “yes”     now"},
		// Standing alone, markup is spaces and a reference its character.
		{"a &amp; b", "a &     b"},
		{"a <b> b", "a     b"},
		// Punctuation after markup joins the word; line breaks stay.
		{"a <a href=\"https://x.org/a\">study</a>.", "a                           study.    "},
		{"one <a\nhref=x>two</a>\nthree", "one   \n       two    \nthree"},
		{"line<br>next", "line    next"},
		// Marker groups keep their source, and no run crosses them.
		{"effect<i></i>{<sup>1</sup>} Next", "effect       {<sup>1</sup>} Next"},
		{"<em>weekly</em>.{1} More", "    weekly.     {1} More"},
		{"x{&#91;2&#93;}&rsquo;s", "x{&#91;2&#93;}    ’s"},
		// Code-like text and unknown references stay as written.
		{"&bogus; &amp", "&bogus; &amp"},
	}
	for _, tt := range tests {
		if len(tt.want) != len(tt.src) {
			t.Fatalf("%q: want has %d bytes, source %d", tt.src, len(tt.want), len(tt.src))
		}
		d := proseDoc(tt.src, len(tt.src))
		if got := string(d.ProseText); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
}

func TestProseBuilderBodyOnly(t *testing.T) {
	t.Parallel()
	src := "Body <b>x</b>\n<h2>References</h2> &amp;"
	end := strings.Index(src, "\n")
	d := proseDoc(src, end)
	if got, want := string(d.ProseText[end:]), src[end:]; got != want {
		t.Errorf("after the body %q, want the source %q", got, want)
	}
	if got, want := string(d.ProseText[:end]), "Body    x    "; got != want {
		t.Errorf("body %q, want %q", got, want)
	}
}

func TestProseBuilderReplace(t *testing.T) {
	t.Parallel()
	src := "a<br\n>b c<br>d e<br>"
	d := NewDocument("t.html", "html", []byte(src))
	d.BodyEnd = len(src)
	d.Blocks = []prose.Block{{Kind: prose.Paragraph, Start: 0, End: len(src)}}
	p := NewProseBuilder(d.Source)
	for at := range len(src) {
		if src[at] == '<' {
			p.Replace(Span{Start: at, End: at + strings.IndexByte(src[at:], '>') + 1}, " ")
		}
	}
	p.Replace(Span{Start: 0, End: 1}, "too long") // ignored
	p.Set(d)
	// A break over two lines keeps its line break; the others are spaces.
	if got, want := string(d.ProseText), "a   \n b c    d e    "; got != want {
		t.Errorf("prose text %q, want %q", got, want)
	}
}

// TestProseBuilderOffsets builds random markup and checks the layout's
// promises: the same length, line breaks and marker groups where the
// source has them, the source outside the body, and no blank inside a
// word that the source writes without markup.
func TestProseBuilderOffsets(t *testing.T) {
	t.Parallel()
	pieces := []string{"word", "ab", " ", "\n", ".", ",", "<em>", "</em>", "<a href=\"https://x.org\">", "</a>",
		"&rsquo;", "&apos;", "&amp;", "&eacute;", "&#x2019;", "&bogus;", "<br>", "{1}", "{<sup>2</sup>}", "é", "’"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := b.String()
		end := rng.IntN(len(src) + 1)
		d := proseDoc(src, end)
		pt := d.ProseText
		if len(pt) != len(src) {
			t.Fatalf("%q: prose text of %d bytes, source %d", src, len(pt), len(src))
		}
		for i := range len(src) {
			if (src[i] == '\n') != (pt[i] == '\n') {
				t.Fatalf("%q: line break moved at %d: %q", src, i, pt)
			}
		}
		for _, g := range d.Groups {
			if !bytes.Equal(pt[g.Span.Start:g.Span.End], d.Source[g.Span.Start:g.Span.End]) {
				t.Fatalf("%q: group %v reads %q", src, g.Span, pt[g.Span.Start:g.Span.End])
			}
		}
		if !bytes.Equal(pt[end:], d.Source[end:]) {
			t.Fatalf("%q: after the body %q", src, pt[end:])
		}
		if end < len(src) {
			continue
		}
		// Between marker groups, the words are those a browser shows.
		a := 0
		for _, g := range append(d.Groups, MarkerGroup{Span: Span{Start: len(src), End: len(src)}}) {
			got, want := strings.Fields(string(pt[a:g.Span.Start])), strings.Fields(rendered(src[a:g.Span.Start]))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("%q: words of %q (-shown +prose text):\n%s", src, pt, diff)
			}
			a = g.Span.End
		}
	}
}

// rendered is what a browser shows of one line of proseDoc's markup.
func rendered(src string) string {
	var b strings.Builder
	for i := 0; i < len(src); i++ {
		if src[i] == '<' {
			if j := strings.IndexByte(src[i:], '>'); j >= 0 {
				if src[i:i+j+1] == "<br>" {
					b.WriteByte(' ')
				}
				i += j
				continue
			}
		}
		if n, dec := entityAt([]byte(src), i, len(src)); n > 0 {
			b.WriteString(dec)
			i += n - 1
			continue
		}
		b.WriteByte(src[i])
	}
	return b.String()
}
