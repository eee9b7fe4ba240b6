package export

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/reflint/reflint/lint"

	goldenfile "github.com/reflint/reflint/lint/golden"
)

var update = flag.Bool("update", false, "rewrite golden files")

func articleRefs(t *testing.T, path string) []lint.Reference {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return lint.ParseText(filepath.Base(path), src, lint.ParseOptions{}).References
}

// specialRefs are entries with every character BibTeX treats specially,
// non-ASCII names, colliding keys and online corrections.
func specialRefs() []lint.Reference {
	texts := []string{
		"Smith J, O'Neil AB, Di Laura C. Effects of 5% caffeine & sleep_deprivation on {HIIT} #1 performance: a $10 trial ~ ^2 \\ CYP1A2 carriers. J Sleep Res. 2019;28(3):e12745. doi:10.1111/jsr.12745_x",
		"Smith J, Doe A. Effects of caffeine on sleep in adolescents: a cohort study. Sleep. 2019;42(1):1-10. doi:10.1093/sleep/zsy001",
		"Müller K, Ørsted H. Schlaf und Gedächtnis bei Jugendlichen. Somnologie. 2021;25(2):101–109.",
		"American Heart Association. Understanding Blood Pressure Readings. https://www.heart.org/en/health-topics/high-blood-pressure?a=1&b=%20",
		"Ibid.",
	}
	var refs []lint.Reference
	for i, text := range texts {
		refs = append(refs, lint.NewReference(i+1, lint.Span{}, lint.Span{}, text))
	}
	// The second entry's record has another year and a PMID.
	refs[1].Lookup = &lint.Lookup{Status: lint.LookupMismatch, DOI: "10.1093/SLEEP/ZSY001", PMID: "30371902",
		Diffs: []lint.FieldDiff{{Field: "year", Cited: "2019", Record: "2018"}, {Field: "title", Cited: "x", Record: "Another title"}}}
	return refs
}

func goldenCases(t *testing.T) map[string][]lint.Reference {
	t.Helper()
	return map[string][]lint.Reference{
		"vitamin-d-winter":     articleRefs(t, "../../testdata/articles/vitamin-d-winter.txt"),
		"mauer-schoeningen-de": articleRefs(t, "../../testdata/articles/mauer-schoeningen-de.txt"),
		"special":              specialRefs(),
	}
}

var extensions = map[string]string{"csl-json": ".json", "bibtex": ".bib", "ris": ".ris", "tsv": ".tsv"}

func write(t *testing.T, refs []lint.Reference, format string) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, refs, format); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	for name, refs := range goldenCases(t) {
		for _, format := range Formats {
			t.Run(name+"/"+format, func(t *testing.T) {
				got := write(t, refs, format)
				if again := write(t, refs, format); again != got {
					t.Error("output differs between two runs")
				}
				golden(t, filepath.Join("testdata", "golden", name+extensions[format]), got)
			})
		}
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	goldenfile.Check(t, *update, path, got)
}

func compileCSLSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/csl-data.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("csl-data.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("csl-data.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// TestCSLSchema validates the CSL-JSON of every test article against the
// official CSL input schema.
func TestCSLSchema(t *testing.T) {
	sch := compileCSLSchema(t)
	paths, _ := filepath.Glob("../../testdata/articles/*.txt")
	cases := map[string][]lint.Reference{"special": specialRefs(), "empty": nil}
	for _, p := range paths {
		cases[filepath.Base(p)] = articleRefs(t, p)
	}
	for name, refs := range cases {
		t.Run(name, func(t *testing.T) {
			out := write(t, refs, "csl-json")
			doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(doc); err != nil {
				t.Errorf("CSL-JSON does not match the schema: %v", err)
			}
			var items []map[string]any
			if err := json.Unmarshal([]byte(out), &items); err != nil {
				t.Fatal(err)
			}
			if len(items) != len(refs) {
				t.Errorf("%d items for %d entries", len(items), len(refs))
			}
			ids := map[any]bool{}
			for _, it := range items {
				if ids[it["id"]] {
					t.Errorf("id %v is used twice", it["id"])
				}
				ids[it["id"]] = true
			}
		})
	}
	// The schema does reject what citation tools reject.
	for _, bad := range []string{`[{"id": "x"}]`, `[{"id": "x", "type": "journal"}]`, `[{"id": "x", "type": "book", "year": 2019}]`} {
		doc, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if sch.Validate(doc) == nil {
			t.Errorf("the schema accepts %s", bad)
		}
	}
}

func TestCitationKeys(t *testing.T) {
	refs := specialRefs()
	var keys []string
	for _, e := range prepare(refs) {
		keys = append(keys, e.key)
	}
	// The heart.org entry has no author and no year: its key is the
	// first word; "Ibid." has only its title.
	want := []string{"smith2019effects", "smith2018effects", "mueller2021schlaf", "american", "ibid"}
	if diff := cmp.Diff(want, keys); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
	// Two entries that would share a key get a and b, in list order.
	twins := []lint.Reference{refs[0], refs[0], refs[2]}
	var got []string
	for _, e := range prepare(twins) {
		got = append(got, e.key)
	}
	if diff := cmp.Diff([]string{"smith2019effectsa", "smith2019effectsb", "mueller2021schlaf"}, got); diff != "" {
		t.Errorf("twin keys (-want +got):\n%s", diff)
	}
	if s := suffix(27); s != "ab" {
		t.Errorf("suffix(27) = %q", s)
	}
}

func TestCorrected(t *testing.T) {
	refs := specialRefs()
	f := Corrected(refs[1])
	if f.Year != 2018 || f.PMID != "30371902" || f.DOI != "10.1093/sleep/zsy001" {
		t.Errorf("corrections not applied: %+v", f)
	}
	if f.Title != refs[1].Fields.Title {
		t.Errorf("title replaced: %q", f.Title)
	}
	r := refs[1]
	r.Lookup = &lint.Lookup{Status: lint.LookupMismatch, Problem: "identifier-mismatch", DOI: "10.9999/other"}
	if f := Corrected(r); f.DOI != refs[1].Fields.DOI {
		t.Errorf("a DOI of another work was taken: %q", f.DOI)
	}
	r.Lookup = &lint.Lookup{Status: lint.LookupNotFound, DOI: "10.9999/other"}
	if f := Corrected(r); f.DOI != refs[1].Fields.DOI {
		t.Errorf("a not-found verdict changed the DOI: %q", f.DOI)
	}
}

func TestBibTeX(t *testing.T) {
	out := write(t, specialRefs(), "bibtex")
	for _, want := range []string{
		`title = {Effects of 5\% caffeine \& sleep\_deprivation on \{HIIT\} \#1 performance: a \$10 trial \textasciitilde{} \textasciicircum{}2 \textbackslash{} {CYP1A2} carriers},`,
		"author = {Smith and O'Neil and {Di Laura}},",
		"doi = {10.1111/jsr.12745_x},",
		"pages = {101--109},",
		"url = {https://www.heart.org/en/health-topics/high-blood-pressure?a=1&b=%20},",
		"@article{smith2019effects,",
		"@misc{",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("BibTeX lacks %s\n%s", want, out)
		}
	}
	// Every entry's braces balance, ignoring escaped ones.
	for e := range strings.SplitSeq(out, "\n@") {
		depth := 0
		for i := 0; i < len(e); i++ {
			switch e[i] {
			case '\\':
				i++
			case '{':
				depth++
			case '}':
				depth--
				if depth < 0 {
					t.Fatalf("unbalanced braces in %s", e)
				}
			}
		}
		if depth != 0 {
			t.Errorf("unbalanced braces in %s", e)
		}
	}
}

var risLine = regexp.MustCompile(`^[A-Z][A-Z0-9]  - .*$`)

func TestRIS(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/articles/*.txt")
	for _, p := range paths {
		refs := articleRefs(t, p)
		out := write(t, refs, "ris")
		records := 0
		inRecord := false
		for line := range strings.SplitSeq(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			switch {
			case line == "":
				if inRecord {
					t.Errorf("%s: blank line inside a record", p)
				}
			case !risLine.MatchString(line):
				t.Errorf("%s: not a RIS line: %q", p, line)
			case strings.HasPrefix(line, "TY  - "):
				if inRecord {
					t.Errorf("%s: TY inside a record", p)
				}
				inRecord = true
				records++
			case line == "ER  - ":
				inRecord = false
			case !inRecord:
				t.Errorf("%s: %q outside a record", p, line)
			}
		}
		if records != len(refs) || inRecord {
			t.Errorf("%s: %d records for %d entries (open at the end: %v)", p, records, len(refs), inRecord)
		}
		if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
			t.Errorf("%s: a bare line feed in RIS", p)
		}
	}
}

func TestTSV(t *testing.T) {
	refs := specialRefs()
	refs[2].Fields.Title = "a\ttab and a\nline break"
	out := write(t, refs, "tsv")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(refs)+1 {
		t.Fatalf("%d lines for %d entries", len(lines), len(refs))
	}
	for _, l := range lines {
		if n := len(strings.Split(l, "\t")); n != len(tsvColumns) {
			t.Errorf("%d columns in %q", n, l)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, specialRefs(), "endnote"); err == nil || !strings.Contains(err.Error(), "csl-json") {
		t.Errorf("Write(endnote) = %v", err)
	}
	if b.Len() != 0 {
		t.Errorf("output for an unknown format: %q", b.String())
	}
}
