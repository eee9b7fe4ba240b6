package lint

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The mutation tests edit a clean article in ways an editor would and
// check that reflint notices exactly what changed.
const cleanArticle = "../testdata/articles/caffeine-performance.txt"

func numbersOf(d *Document) []int {
	out := []int{}
	for _, m := range d.Markers {
		out = append(out, m.Number)
	}
	return out
}

func rulesHit(d *Document) map[string][]int {
	out := map[string][]int{}
	for _, f := range Run(d, structuralRules()) {
		out[f.Rule] = append(out[f.Rule], f.References...)
	}
	return out
}

func TestMutationsKeepMarkers(t *testing.T) {
	src, err := os.ReadFile(cleanArticle)
	if err != nil {
		t.Fatal(err)
	}
	base := ParseText("a.txt", src, ParseOptions{})
	want := numbersOf(base)
	if len(want) == 0 || len(rulesHit(base)) != 0 {
		t.Fatalf("the clean article should have markers and no findings: %v %v", want, rulesHit(base))
	}

	crlf := append([]byte("\uFEFF"), bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))...)
	lone := bytes.ReplaceAll(src, []byte("\n"), []byte("\r"))

	// Rewrite every flattened group as a bracketed one.
	var b bytes.Buffer
	last := 0
	for _, g := range base.Groups {
		b.Write(src[last:g.Span.Start])
		var parts []string
		for _, it := range g.Items {
			s := strconv.Itoa(it.From)
			if it.To != it.From {
				s += "–" + strconv.Itoa(it.To)
			}
			parts = append(parts, s)
		}
		b.WriteString("[" + strings.Join(parts, ", ") + "]")
		last = g.Span.End
	}
	b.Write(src[last:])
	brackets := b.Bytes()

	// Add decimals, dates and times in a new paragraph after the title.
	i := bytes.IndexByte(src, '\n')
	decimals := append(append(append([]byte{}, src[:i+1]...), "\nA dose of 2.5 kg at 7:30 on 2025-11-03, version 3.1 of 87,508 adults.\n"...), src[i+1:]...)

	for name, s := range map[string][]byte{"crlf+bom": crlf, "lone cr": lone, "brackets": brackets, "decimals": decimals} {
		d := ParseText("a.txt", s, ParseOptions{})
		if diff := cmp.Diff(want, numbersOf(d)); diff != "" {
			t.Errorf("%s: markers changed (-want +got):\n%s", name, diff)
		}
		if hits := rulesHit(d); len(hits) != 0 {
			t.Errorf("%s: unexpected findings %v", name, hits)
		}
	}
}

func TestMutationsFindDefects(t *testing.T) {
	src, err := os.ReadFile(cleanArticle)
	if err != nil {
		t.Fatal(err)
	}
	base := ParseText("a.txt", src, ParseOptions{})
	refs := base.References
	lastRef := refs[len(refs)-1]

	removed := append(append([]byte{}, src[:lastRef.Span.Start]...), src[lastRef.Span.End:]...)
	added := append(append([]byte{}, src[:lastRef.Span.End]...), []byte("\n  "+strconv.Itoa(lastRef.Number+1)+". J Test. 2020;1(1):1-9. A study nobody cites.")...)
	added = append(added, src[lastRef.Span.End:]...)

	// Swap the first citations of entries 1 and 2.
	first, _ := base.firstCitations()
	m1, m2 := first[1].Span, first[2].Span
	swapped := append([]byte{}, src...)
	swapped = append(append(append(append(append([]byte{}, swapped[:m1.Start]...), '2'), swapped[m1.End:m2.Start]...), '1'), swapped[m2.End:]...)

	cut := src[:base.List.Heading.Start]

	tests := []struct {
		name string
		src  []byte
		rule string
		refs []int
	}{
		{"entry removed", removed, "unresolved-marker", []int{lastRef.Number}},
		{"uncited entry added", added, "unused-reference", []int{lastRef.Number + 1}},
		{"first citations swapped", swapped, "citation-order", nil},
		{"list cut", cut, "missing-reference-list", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := rulesHit(ParseText("a.txt", tt.src, ParseOptions{}))
			got, ok := hits[tt.rule]
			if !ok {
				t.Fatalf("no %s finding; got %v", tt.rule, hits)
			}
			if tt.refs != nil && !cmp.Equal(tt.refs, got) {
				t.Errorf("%s names %v, want %v", tt.rule, got, tt.refs)
			}
			if len(hits) != 1 {
				t.Errorf("want only %s, got %v", tt.rule, hits)
			}
		})
	}
}
