package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/reflint/reflint/lint"
)

// sarifSchema compiles the vendored official SARIF 2.1.0 schema once,
// with format assertions on (uri, uri-reference, date-time).
var sarifSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(sarifSchemaURI, doc); err != nil {
		return nil, err
	}
	return c.Compile(sarifSchemaURI)
})

func validateSARIF(t *testing.T, out []byte) {
	t.Helper()
	sch, err := sarifSchema()
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("SARIF output does not validate against the 2.1.0 schema:\n%v", err)
	}
}

func writeSARIF(t *testing.T, results []lint.Result, opts SARIFOptions) ([]byte, sarifLog) {
	t.Helper()
	out := twice(t, func(b *bytes.Buffer) error { return WriteSARIF(b, results, opts) })
	validateSARIF(t, out)
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	return out, log
}

func TestSARIFGolden(t *testing.T) {
	t.Parallel()
	out, _ := writeSARIF(t, articleResults(t, goldenArticles...), SARIFOptions{Version: "1.2.3"})
	golden(t, "golden.sarif", out)
}

// TestSARIFSchemaRejects makes sure the validation has teeth: the schema
// is really applied, formats included.
func TestSARIFSchemaRejects(t *testing.T) {
	t.Parallel()
	sch, err := sarifSchema()
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{
		`{"version": "2.1.0"}`,
		`{"version": "2.0.0", "runs": []}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "columnKind": "bytes"}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "informationUri": "not a uri"}}}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"region": {"startColumn": 0}}}]}]}]}`,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("schema accepted %s", bad)
		}
	}
}

func TestSARIFStructure(t *testing.T) {
	t.Parallel()
	results := append(articleResults(t, goldenArticles...), lintText("dir with space/dup #1.txt", duplicateArticle))
	_, log := writeSARIF(t, results, SARIFOptions{Version: "1.2.3"})
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	rules := lint.All()
	if len(run.Tool.Driver.Rules) != len(rules) {
		t.Fatalf("%d rules in the driver, want %d", len(run.Tool.Driver.Rules), len(rules))
	}
	for i, r := range rules {
		d := run.Tool.Driver.Rules[i]
		if d.ID != r.Name || d.ShortDescription.Text != r.Title || d.FullDescription.Text != r.Doc || d.HelpURI != rulesHelpURI {
			t.Errorf("rule %d: %+v does not describe %s", i, d, r.Name)
		}
		if !strings.Contains(d.Help.Markdown, r.Bad) || !strings.Contains(d.Help.Markdown, r.Good) ||
			!strings.Contains(d.Help.Text, indent(r.Bad, "    ")) || !strings.Contains(d.Help.Text, indent(r.Good, "    ")) {
			t.Errorf("rule %s: help lacks the examples", r.Name)
		}
		if d.DefaultConfiguration.Level != sarifLevel(r.Severity) {
			t.Errorf("rule %s: level %q", r.Name, d.DefaultConfiguration.Level)
		}
	}
	if got := run.Artifacts[2].Location.URI; got != "dir%20with%20space/dup%20%231.txt" {
		t.Errorf("artifact URI = %q", got)
	}
	total := 0
	for _, r := range results {
		total += len(r.Findings)
	}
	if len(run.Results) != total {
		t.Fatalf("%d results, want %d", len(run.Results), total)
	}
	fingerprints := make(map[string]bool)
	related := 0
	for _, res := range run.Results {
		if res.RuleIndex == nil || run.Tool.Driver.Rules[*res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s: wrong ruleIndex %v", res.RuleID, res.RuleIndex)
		}
		reg := res.Locations[0].PhysicalLocation.Region
		if reg.StartLine < 1 || reg.StartColumn < 1 || reg.EndLine < reg.StartLine || reg.EndLine == reg.StartLine && reg.EndColumn < reg.StartColumn {
			t.Errorf("result %s: bad region %+v", res.RuleID, reg)
		}
		fp := res.PartialFingerprints[fingerprintKey]
		if fp == "" || fingerprints[fp] {
			t.Errorf("result %s: fingerprint %q missing or repeated", res.RuleID, fp)
		}
		fingerprints[fp] = true
		for _, rl := range res.RelatedLocations {
			related++
			if res.RuleID != "duplicate-reference" || rl.Message.Text != "first listed here" || *rl.ID != 1 {
				t.Errorf("unexpected related location %+v on %s", rl, res.RuleID)
			}
			// The first entry is on line 6, the duplicate on line 7.
			if rl.PhysicalLocation.Region.StartLine != 6 || reg.StartLine != 7 {
				t.Errorf("duplicate at line %d, first listed at line %d; want 7 and 6", reg.StartLine, rl.PhysicalLocation.Region.StartLine)
			}
			if *rl.PhysicalLocation.ArtifactLocation.Index != 2 {
				t.Errorf("related location in artifact %d", *rl.PhysicalLocation.ArtifactLocation.Index)
			}
		}
	}
	if related != 1 {
		t.Errorf("%d related locations, want 1 (the first of two duplicates)", related)
	}
}

// TestSARIFColumns checks regions on text with multi-byte characters, a
// byte order mark and CRLF line ends: columns count code points.
func TestSARIFColumns(t *testing.T) {
	t.Parallel()
	src := "\ufeffÜber Schlaf\r\n\r\nSchlaf verbessert das Gedächtnis größer als gedacht.[4]\r\n\r\nQuellen\r\n1. Müller A. Schlaf und Gedächtnis. Somnologie. 2019;23(2):81-89.\r\n"
	r := lintText("de.txt", src)
	_, log := writeSARIF(t, []lint.Result{r}, SARIFOptions{})
	found := false
	for _, res := range log.Runs[0].Results {
		if res.RuleID != "unresolved-marker" {
			continue
		}
		found = true
		reg := res.Locations[0].PhysicalLocation.Region
		line := "Schlaf verbessert das Gedächtnis größer als gedacht.[4]"
		before, _, _ := strings.Cut(line, "[")
		col := len([]rune(before)) + 1
		if reg.StartLine != 3 || reg.StartColumn != col || reg.EndLine != 3 || reg.EndColumn != col+3 {
			t.Errorf("region %+v, want line 3 columns %d–%d", reg, col, col+3)
		}
	}
	if !found {
		t.Fatal("no unresolved-marker finding")
	}
}

func TestSARIFEmptyAndPaths(t *testing.T) {
	t.Parallel()
	// No files: still a valid log with every rule and no results.
	out, log := writeSARIF(t, nil, SARIFOptions{})
	if len(log.Runs[0].Results) != 0 || !bytes.Contains(out, []byte(`"results": []`)) {
		t.Errorf("empty run should have an empty results array:\n%s", out)
	}
	if bytes.Contains(out, []byte(`"version": ""`)) {
		t.Error("an empty tool version should be left out")
	}
	abs, err := filepath.Abs(filepath.Join("..", "..", "testdata", "articles", "a b.txt"))
	if err != nil {
		t.Fatal(err)
	}
	res := lintText(abs, duplicateArticle)
	for _, c := range []struct{ base, want string }{
		{filepath.Join("..", ".."), "testdata/articles/a%20b.txt"},
		{"", "file://" + filepath.ToSlash(strings.ReplaceAll(abs, " ", "%20"))},
		{t.TempDir(), "file://" + filepath.ToSlash(strings.ReplaceAll(abs, " ", "%20"))},
	} {
		_, log := writeSARIF(t, []lint.Result{res}, SARIFOptions{BaseDir: c.base})
		if got := log.Runs[0].Artifacts[0].Location.URI; got != c.want {
			t.Errorf("BaseDir %q: URI %q, want %q", c.base, got, c.want)
		}
		if got := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != c.want {
			t.Errorf("BaseDir %q: result URI %q, want %q", c.base, got, c.want)
		}
	}
}

// TestSARIFFingerprintStable checks that a finding keeps its fingerprint
// when the text above it moves it down.
func TestSARIFFingerprintStable(t *testing.T) {
	t.Parallel()
	fps := func(src string) map[string]bool {
		_, log := writeSARIF(t, []lint.Result{lintText("a.txt", src)}, SARIFOptions{})
		m := make(map[string]bool)
		for _, r := range log.Runs[0].Results {
			m[r.RuleID+" "+r.PartialFingerprints[fingerprintKey]] = true
		}
		return m
	}
	before := fps(duplicateArticle)
	after := fps(strings.Replace(duplicateArticle, "\n\n", "\n\nAn added paragraph that claims nothing at all\n\n", 1))
	for k := range before {
		if !after[k] {
			t.Errorf("fingerprint %s changed when the text moved", k)
		}
	}
}
