package fix

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/reflint/reflint/lint"

	goldenfile "github.com/reflint/reflint/lint/golden"
)

var update = flag.Bool("update", false, "rewrite golden files")

// The structural rules whose findings a fix must clear and never add.
const (
	ruleUnresolved = "unresolved-marker"
	ruleDuplicate  = "duplicate-reference"
	ruleOrder      = "citation-order"
	ruleNumbering  = "reference-numbering"
)

func countFindings(d *lint.Document) map[string]int {
	out := map[string]int{}
	for _, f := range lint.Run(d, lint.All()) {
		out[f.Rule]++
	}
	return out
}

// checkFix plans and applies the fix of src and checks every invariant:
// edits only inside marker groups and the list, the text outside them
// unchanged in the re-parsed fixed file, no new unresolved marker, no duplicate, order or
// numbering finding left, every group citing the same works as before,
// the list holding the same works minus the duplicates, numbered from the
// same start, and a second fix changing nothing. It returns the fixed
// source, or the original and the error when Plan refused.
func checkFix(t *testing.T, name string, src []byte) ([]byte, error) {
	t.Helper()
	return checkFixWith(t, name, src, func(name string, src []byte) *lint.Document {
		return lint.ParseText(name, src, lint.ParseOptions{})
	})
}

// checkFixWith is checkFix for a document read by parse.
func checkFixWith(t *testing.T, name string, src []byte, parse func(string, []byte) *lint.Document) ([]byte, error) {
	t.Helper()
	d := parse(name, src)
	edits, err := PlanWith(d, Options{Reparse: parse})
	if err != nil {
		var unsafe *UnsafeError
		if !errors.As(err, &unsafe) || len(unsafe.Reasons) == 0 {
			t.Fatalf("Plan: unexpected error %v", err)
		}
		if edits != nil {
			t.Fatalf("Plan returned edits with an error")
		}
		return src, err
	}
	if d.List == nil || len(d.References) == 0 {
		if len(edits) > 0 {
			t.Fatalf("edits for a document without a reference list: %v", edits)
		}
		return src, nil
	}
	allowed := allowedSpans(d)
	for _, e := range edits {
		if !within(allowed, e.Start, e.End) {
			t.Fatalf("edit [%d,%d) %q is outside the markers and the list", e.Start, e.End, e.Text)
		}
	}
	out := Apply(src, edits)
	d2 := parse(name, out)
	before, after := countFindings(d), countFindings(d2)
	if after[ruleUnresolved] > before[ruleUnresolved] {
		t.Errorf("unresolved markers went from %d to %d", before[ruleUnresolved], after[ruleUnresolved])
	}
	for _, rule := range []string{ruleDuplicate, ruleOrder, ruleNumbering} {
		if after[rule] > 0 {
			t.Errorf("%d %s findings left after the fix (%d before)", after[rule], rule, before[rule])
		}
	}
	if t.Failed() {
		t.Logf("diff:\n%s", UnifiedDiff(name, src, out))
		for _, f := range lint.Run(d2, lint.All()) {
			t.Logf("after: %d: %s [%s]", d2.Position(f.Span.Start).Line, f.Message, f.Rule)
		}
		t.FailNow()
	}
	checkSameWorks(t, d, d2)
	checkUntouched(t, d, d2)
	if len(edits) > 0 {
		again, err := PlanWith(d2, Options{Reparse: parse})
		if err != nil || len(again) > 0 {
			t.Fatalf("fixing the fixed file again gives %v, %v", again, err)
		}
	}
	return out, nil
}

// allowedSpans are the marker groups and the list: all a fix may touch.
func allowedSpans(d *lint.Document) []lint.Span {
	var out []lint.Span
	for _, g := range d.Groups {
		out = append(out, g.Span)
	}
	if d.List != nil {
		out = append(out, d.List.Span)
	}
	return out
}

func within(spans []lint.Span, start, end int) bool {
	for _, s := range spans {
		if start >= s.Start && end <= s.End {
			return true
		}
	}
	return false
}

// checkUntouched checks, through the parse of the fixed file rather than
// the edits, that the text outside the marker groups and the list is
// byte for byte what it was.
func checkUntouched(t *testing.T, d, d2 *lint.Document) {
	t.Helper()
	a, b := gaps(d), gaps(d2)
	if len(a) != len(b) {
		t.Fatalf("%d stretches of text outside the markers and the list before the fix, %d after", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("text outside the markers and the list changed:\n%s", cmp.Diff(a[i], b[i]))
		}
	}
}

// gaps returns the text between the marker groups and the list.
func gaps(d *lint.Document) []string {
	spans := allowedSpans(d)
	slices.SortFunc(spans, func(x, y lint.Span) int { return x.Start - y.Start })
	var out []string
	last := 0
	for _, s := range spans {
		out = append(out, string(d.Source[last:s.Start]))
		last = s.End
	}
	return append(out, string(d.Source[last:]))
}

// checkSameWorks checks that each marker group of the fixed document cites
// the same works as before (a duplicate counting as its first copy, a
// missing number as itself), and that the list holds the kept works in
// their new order, numbered from the old list's lowest number.
func checkSameWorks(t *testing.T, d, d2 *lint.Document) {
	t.Helper()
	p := newPlanner(d)
	workOf := func(n int) string {
		if r, ok, _ := p.resolve(n); ok {
			return d.References[r].Text
		}
		return fmt.Sprintf("missing #%d", n)
	}
	workOf2 := func(n int) string {
		for _, r := range d2.References {
			if r.Number == n {
				return r.Text
			}
		}
		return fmt.Sprintf("missing #%d", n)
	}
	if len(d.Groups) != len(d2.Groups) {
		t.Fatalf("%d marker groups before the fix, %d after", len(d.Groups), len(d2.Groups))
	}
	for i := range d.Groups {
		var a, b []string
		for _, n := range expand(d.Groups[i]) {
			a = append(a, workOf(n))
		}
		for _, n := range expand(d2.Groups[i]) {
			b = append(b, workOf2(n))
		}
		slices.Sort(a)
		slices.Sort(b)
		if diff := cmp.Diff(slices.Compact(a), slices.Compact(b)); diff != "" {
			t.Fatalf("group %d (%q → %q) cites other works (-before +after):\n%s", i,
				d.Text(d.Groups[i].Span), d2.Text(d2.Groups[i].Span), diff)
		}
	}
	var want, got []string
	for k, i := range p.order {
		want = append(want, fmt.Sprintf("%d %s", p.base+k, d.References[i].Text))
	}
	for _, r := range d2.References {
		got = append(got, fmt.Sprintf("%d %s", r.Number, r.Text))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("the fixed list is not the kept entries in their new order (-want +got):\n%s", diff)
	}
}

// TestArticles fixes every test article and checks the invariants.
func TestArticles(t *testing.T) {
	paths, err := filepath.Glob("../../testdata/articles/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	paths = append(paths, "testdata/exercise-cognition.txt")
	fixed := 0
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			out, err := checkFix(t, filepath.Base(path), src)
			if err != nil {
				if strings.Contains(err.Error(), "would read differently") {
					t.Errorf("the fix failed its own check: %v", err)
				}
				t.Logf("refused: %v", err)
				return
			}
			if string(out) != string(src) {
				fixed++
			}
		})
	}
	if fixed < 3 {
		t.Errorf("only %d articles needed a fix; the test articles have duplicates, order and numbering defects", fixed)
	}
}

// TestUnsafe checks the refusals on the article with an entry number
// printed twice and a marker citing a missing entry.
func TestUnsafe(t *testing.T) {
	src, err := os.ReadFile("../../testdata/articles/hiit-blood-pressure.txt")
	if err != nil {
		t.Fatal(err)
	}
	edits, err := Plan(lint.ParseText("hiit.txt", src, lint.ParseOptions{}))
	var unsafe *UnsafeError
	if !errors.As(err, &unsafe) || edits != nil {
		t.Fatalf("Plan = %v, %v; want an UnsafeError", edits, err)
	}
	msg := err.Error()
	for _, want := range []string{"entry number 6 is printed for 2 different works", "marker 11 at line 37 has no entry"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not say %q", msg, want)
		}
	}
}

// TestSampleArticle is the example: entries #31 and #38 are the
// same work and #39–#44 follow.
func TestSampleArticle(t *testing.T) {
	const path = "testdata/exercise-cognition.txt"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := lint.ParseText(path, src, lint.ParseOptions{})
	if n := countFindings(d)[ruleDuplicate]; n != 1 || len(d.References) != 44 {
		t.Fatalf("the sample should have 44 entries and one duplicate, has %d and %d", len(d.References), n)
	}
	out, err := checkFix(t, "exercise-cognition.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	d2 := lint.ParseText(path, out, lint.ParseOptions{})
	if len(d2.References) != 43 {
		t.Fatalf("%d entries after the fix, want 43", len(d2.References))
	}
	for i, r := range d2.References {
		if r.Number != i+1 {
			t.Errorf("entry %d is numbered %d", i+1, r.Number)
		}
	}
	// #38 is merged into #31; #39–#44 become #38–#43.
	for old := 39; old <= 44; old++ {
		if d2.References[old-2].Text != d.References[old-1].Text {
			t.Errorf("old #%d is not new #%d: %q", old, old-1, d2.References[old-2].Text)
		}
	}
	if d2.References[30].Text != d.References[30].Text {
		t.Errorf("#31 changed: %q", d2.References[30].Text)
	}
	var oldNums, newNums []int
	for _, m := range d.Markers {
		oldNums = append(oldNums, m.Number)
	}
	for _, m := range d2.Markers {
		newNums = append(newNums, m.Number)
	}
	var want []int
	for i, n := range oldNums {
		switch {
		case n == 38 && i > 0 && oldNums[i-1] == 31:
			continue // "31 38 43": the group now cites 31 once
		case n == 38:
			want = append(want, 31)
		case n > 38:
			want = append(want, n-1)
		default:
			want = append(want, n)
		}
	}
	if diff := cmp.Diff(want, newNums); diff != "" {
		t.Errorf("markers after the fix (-want +got):\n%s", diff)
	}
	after := countFindings(d2)
	for _, rule := range []string{ruleUnresolved, ruleDuplicate, ruleOrder, ruleNumbering, "unused-reference", "missing-reference-list", "marker-repeated"} {
		if after[rule] != 0 {
			t.Errorf("%d %s findings after the fix", after[rule], rule)
		}
	}
	golden(t, "testdata/exercise-cognition.fixed.txt", string(out))
	golden(t, "testdata/exercise-cognition.diff", UnifiedDiff("exercise-cognition.txt", src, out))
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	goldenfile.Check(t, *update, path, got)
}

// entries are distinct works for the small articles below.
var entries = []string{
	"Br J Sports Med. 2020;54(11):681-688. Caffeine supplementation and exercise performance: an umbrella review.",
	"Sports Med. 2018;48(8):1913-1928. Acute caffeine ingestion and endurance performance: a meta-analysis.",
	"Med Sci Sports Exerc. 2018;50(8):1570-1578. Caffeine, CYP1A2 genotype, and endurance performance in athletes.",
	"J Int Soc Sports Nutr. 2018;15:11. Effects of caffeine intake on muscle strength and power.",
	"Neurosci Biobehav Rev. 2016;71:294-312. Caffeine effects on cognitive, physical and occupational performance.",
	"J Clin Sleep Med. 2013;9(11):1195-1200. Caffeine effects on sleep taken 0, 3, or 6 hours before going to bed.",
	"Pharmacol Rev. 2018;70(2):384-411. Interindividual differences in caffeine metabolism and consumption.",
	"Front Psychiatry. 2017;8:80. The safety of ingested caffeine: a comprehensive review.",
}

// article builds a small article: body, a References heading and the
// given entries (indexes into entries) printed with the given numbers.
func article(body string, numbers []int, works []int) string {
	var b strings.Builder
	b.WriteString("A Test Article\n\n" + body + "\n\nReferences\n\n")
	for i, n := range numbers {
		fmt.Fprintf(&b, "%d. %s\n", n, entries[works[i]])
	}
	return b.String()
}

// TestStyles checks how groups are re-rendered in the article's own
// style.
func TestStyles(t *testing.T) {
	seq := func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	nums := func(ns ...int) []int { return ns }
	tests := []struct {
		name          string
		body          string
		numbers       []int
		works         []int
		wantBody      string
		wantNumbering []int
	}{
		{
			name:     "brackets become ranges when the article uses ranges",
			body:     "One helps.[1] Two helps.[3] Three helps.[2] Four helps.[4–6] Five helps.[2, 4, 5, 6]",
			numbers:  nums(1, 2, 3, 4, 5, 6),
			works:    seq(6),
			wantBody: "One helps.[1] Two helps.[2] Three helps.[3] Four helps.[4–6] Five helps.[3–6]",
		},
		{
			name:     "brackets stay spelled out when the article writes no range",
			body:     "One helps.[1] Two helps.[3] Three helps.[2] Four helps.[2,4,5]",
			numbers:  nums(1, 2, 3, 4, 5),
			works:    seq(5),
			wantBody: "One helps.[1] Two helps.[2] Three helps.[3] Four helps.[3,4,5]",
		},
		{
			name:     "flattened spaced groups stay spaced",
			body:     "One helps.1 Two helps.3 Three helps.2 Four helps.2 4 5\n\nFive helps.6–7",
			numbers:  nums(1, 2, 3, 4, 5, 6, 7),
			works:    seq(7),
			wantBody: "One helps.1 Two helps.2 Three helps.3 Four helps.3 4 5\n\nFive helps.6–7",
		},
		{
			name:     "a flattened range is kept as a range",
			body:     "One helps.1 Two helps.5 Three helps.2–4",
			numbers:  nums(1, 2, 3, 4, 5),
			works:    seq(5),
			wantBody: "One helps.1 Two helps.2 Three helps.3–5",
		},
		{
			name:     "superscripts stay superscripts",
			body:     "One helps.¹ Two helps.³ Three helps.² Four helps.¹,³ Five helps.⁴⁻⁶",
			numbers:  nums(1, 2, 3, 4, 5, 6),
			works:    seq(6),
			wantBody: "One helps.¹ Two helps.² Three helps.³ Four helps.¹,² Five helps.⁴⁻⁶",
		},
		{
			name:     "a group citing a work and its duplicate cites it once",
			body:     "One helps.[1, 3] Two helps.[2] Three helps.[3]",
			numbers:  nums(1, 2, 3),
			works:    nums(0, 1, 0),
			wantBody: "One helps.[1] Two helps.[2] Three helps.[1]",
		},
		{
			name:          "a list numbered from 22 keeps its start",
			body:          "One helps.22 Two helps.24 Three helps.23",
			numbers:       nums(22, 23, 24),
			works:         seq(3),
			wantBody:      "One helps.22 Two helps.23 Three helps.24",
			wantNumbering: nums(22, 23, 24),
		},
		{
			name:          "a gap in the numbering closes",
			body:          "One helps.1 Two helps.2 Three helps.4 Four helps.5",
			numbers:       nums(1, 2, 4, 5),
			works:         seq(4),
			wantBody:      "One helps.1 Two helps.2 Three helps.3 Four helps.4",
			wantNumbering: nums(1, 2, 3, 4),
		},
		{
			name:     "an uncited entry keeps its place",
			body:     "One helps.[1] Two helps.[4] Three helps.[2]",
			numbers:  nums(1, 2, 3, 4),
			works:    seq(4),
			wantBody: "One helps.[1] Two helps.[2] Three helps.[3]",
		},
		{
			name:     "a missing number outside the list stays",
			body:     "One helps.[1, 9] Two helps.[3] Three helps.[2]",
			numbers:  nums(1, 2, 3),
			works:    seq(3),
			wantBody: "One helps.[1, 9] Two helps.[2] Three helps.[3]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := article(tt.body, tt.numbers, tt.works)
			out, err := checkFix(t, "a.txt", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			body := strings.TrimPrefix(string(out), "A Test Article\n\n")
			body, _, _ = strings.Cut(body, "\n\nReferences")
			if body != tt.wantBody {
				t.Errorf("body\n got %q\nwant %q", body, tt.wantBody)
			}
			if tt.wantNumbering != nil {
				var got []int
				for _, r := range lint.ParseText("a.txt", out, lint.ParseOptions{}).References {
					got = append(got, r.Number)
				}
				if diff := cmp.Diff(tt.wantNumbering, got); diff != "" {
					t.Errorf("numbering (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestListLayout checks that entries move between slots with their own
// text while indentation, bullets and line breaks stay put, for bracketed
// and superscript entry numbers, CRLF line breaks and a byte order mark.
func TestListLayout(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{
			name: "bracketed entries, CRLF and BOM",
			src: "\uFEFFTitle\r\n\r\nOne helps.[2] Two helps.[1]\r\n\r\nSources:\r\n[1] " + entries[0] + "\r\n[2] " + entries[1] +
				"\r\n    continued on a second line (2019)\r\n\r\nFooter line\r\n",
			want: "\uFEFFTitle\r\n\r\nOne helps.[1] Two helps.[2]\r\n\r\nSources:\r\n[1] " + entries[1] +
				"\r\n    continued on a second line (2019)\r\n[2] " + entries[0] + "\r\n\r\nFooter line\r\n",
		},
		{
			name: "superscript entry numbers",
			src:  "Title\n\nOne helps.² Two helps.¹\n\nReferences\n¹ " + entries[0] + "\n² " + entries[1] + "\n",
			want: "Title\n\nOne helps.¹ Two helps.²\n\nReferences\n¹ " + entries[1] + "\n² " + entries[0] + "\n",
		},
		{
			name: "indented entries, duplicate removed with its line",
			src:  "Title\n\nOne helps.1 Two helps.2 Three helps.3\n\nReferences\n\n  1. " + entries[0] + "\n  2. " + entries[0] + "\n  3. " + entries[2] + "\n",
			want: "Title\n\nOne helps.1 Two helps.1 Three helps.2\n\nReferences\n\n  1. " + entries[0] + "\n  2. " + entries[2] + "\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := checkFix(t, "a.txt", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(out)); diff != "" {
				t.Errorf("fixed file (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNothingToFix(t *testing.T) {
	for _, src := range []string{"", "No list here.[1]", article("One helps.[1] Two helps.[2]", []int{1, 2}, []int{0, 1})} {
		edits, err := Plan(lint.ParseText("a.txt", []byte(src), lint.ParseOptions{}))
		if err != nil || len(edits) != 0 {
			t.Errorf("Plan(%q) = %v, %v; want nothing", src, edits, err)
		}
	}
	if edits, err := Plan(nil); edits != nil || err != nil {
		t.Errorf("Plan(nil) = %v, %v", edits, err)
	}
}

// TestReparseCheck covers the fixes that Plan refuses because the fixed
// text would parse differently: here renumbering entry 7 to 2 would turn
// the continuation line "1A0" into an entry of its own (and the list
// would start at "2 doi").
func TestReparseCheck(t *testing.T) {
	src := []byte("0000\n1A00000\n7 doi\n1A0")
	d := lint.ParseText("a.txt", src, lint.ParseOptions{})
	if len(d.References) != 2 {
		t.Fatalf("the example should have two entries, has %d", len(d.References))
	}
	edits, err := Plan(d)
	var unsafe *UnsafeError
	if !errors.As(err, &unsafe) || !strings.Contains(err.Error(), "the fixed file would read differently") || edits != nil {
		t.Fatalf("Plan = %v, %v", edits, err)
	}
	// Without the check (a format with no parser given) the plan stands.
	d.Format = "markdown"
	if edits, err := Plan(d); err != nil || len(edits) != 1 {
		t.Fatalf("Plan without a check = %v, %v", edits, err)
	}
	// A parser that loses the markers refuses every fix.
	sample, err := os.ReadFile("testdata/exercise-cognition.txt")
	if err != nil {
		t.Fatal(err)
	}
	lose := func(name string, src []byte) *lint.Document {
		d := lint.ParseText(name, src, lint.ParseOptions{})
		d.Groups = d.Groups[1:]
		return d
	}
	_, err = PlanWith(lint.ParseText("s.txt", sample, lint.ParseOptions{}), Options{Reparse: lose})
	if err == nil || !strings.Contains(err.Error(), "marker groups instead of") {
		t.Errorf("PlanWith(lossy parser) = %v", err)
	}
}

func TestApply(t *testing.T) {
	src := []byte("abcdef")
	got := Apply(src, []Edit{{Start: 4, End: 5, Text: "E"}, {Start: 0, End: 1, Text: "AA"}, {Start: 2, End: 2, Text: "-"}})
	if string(got) != "AAb-cdEf" {
		t.Errorf("Apply = %q", got)
	}
	if string(src) != "abcdef" {
		t.Errorf("Apply changed its input: %q", src)
	}
	defer func() {
		if recover() == nil {
			t.Error("overlapping edits did not panic")
		}
	}()
	Apply(src, []Edit{{Start: 0, End: 3}, {Start: 2, End: 4}})
}
