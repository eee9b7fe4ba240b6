package config

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/reflint/reflint/schema"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.Config))
	if err != nil {
		t.Fatalf("schema/config.schema.json is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("config.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("config.schema.json")
	if err != nil {
		t.Fatalf("compiling the schema: %v", err)
	}
	return s
}

// validate checks a YAML example against the schema. It reports ok=false
// with the reason when the schema rejects it, and fails the test when the
// YAML cannot even be turned into JSON (the loader must reject those).
func validate(t *testing.T, s *jsonschema.Schema, data []byte) (ok bool, reason string) {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return false, "not YAML: " + err.Error()
	}
	if v == nil {
		v = map[string]any{} // an empty file is an empty configuration
	}
	js, err := json.Marshal(v)
	if err != nil {
		return false, "not JSON-compatible: " + err.Error()
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(inst); err != nil {
		return false, err.Error()
	}
	return true, ""
}

// TestSchemaAgrees validates every example against the schema: good ones
// pass both the schema and the loader (TestGoodExamples), bad ones fail
// both, except those marked "# schema: accepts", whose problem only the
// loader can see (a bad glob, an unknown rule in a suppression, a
// section title listed twice in different case). YAML that does not decode
// to JSON (a duplicate key) counts as rejected by the schema.
func TestSchemaAgrees(t *testing.T) {
	t.Parallel()
	s := compileSchema(t)
	for _, dir := range []string{"good", "bad"} {
		for _, path := range examples(t, dir) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ok, reason := validate(t, s, data)
			_, loadErr := Load(path)
			schemaAccepts := dir == "good" || bytes.Contains(data, []byte("# schema: accepts"))
			if ok != schemaAccepts {
				t.Errorf("%s: schema accepts = %v, want %v (%s)", path, ok, schemaAccepts, reason)
			}
			if (loadErr == nil) != (dir == "good") {
				t.Errorf("%s: loader error = %v", path, loadErr)
			}
		}
	}
}

// TestSchemaRules checks that the schema lists exactly the rules the
// loader knows. A new rule in lint.All needs a line in
// schema/config.schema.json ($.properties.rules.propertyNames.enum).
func TestSchemaRules(t *testing.T) {
	t.Parallel()
	var doc struct {
		Properties struct {
			Rules struct {
				PropertyNames struct {
					Enum []string `json:"enum"`
				} `json:"propertyNames"`
			} `json:"rules"`
			ClaimCues struct {
				Properties map[string]any `json:"properties"`
			} `json:"claim-cues"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(schema.Config, &doc); err != nil {
		t.Fatal(err)
	}
	got := slices.Clone(doc.Properties.Rules.PropertyNames.Enum)
	want := KnownRules()
	slices.Sort(got)
	slices.Sort(want)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("schema rule names differ from the loader's (-loader +schema); update schema/config.schema.json:\n%s", d)
	}
	var cues []string
	for _, l := range cueLists {
		cues = append(cues, l.key)
	}
	for _, m := range cueMaps {
		cues = append(cues, m.key)
	}
	var schemaCues []string
	for k := range doc.Properties.ClaimCues.Properties {
		schemaCues = append(schemaCues, k)
	}
	slices.Sort(cues)
	slices.Sort(schemaCues)
	if d := cmp.Diff(cues, schemaCues); d != "" {
		t.Errorf("claim-cues categories differ (-loader +schema):\n%s", d)
	}
}

// TestSchemaTopKeys checks that the schema and loader allow the same keys.
func TestSchemaTopKeys(t *testing.T) {
	t.Parallel()
	var doc struct {
		Properties map[string]any `json:"properties"`
	}
	if err := json.Unmarshal(schema.Config, &doc); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range doc.Properties {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := slices.Clone(topKeys)
	slices.Sort(want)
	if d := cmp.Diff(want, keys); d != "" {
		t.Errorf("top-level keys differ (-loader +schema):\n%s", d)
	}
}

// TestSchemaSmallCases runs one-line configurations through both.
func TestSchemaSmallCases(t *testing.T) {
	t.Parallel()
	s := compileSchema(t)
	tests := []struct {
		src  string
		good bool
	}{
		{"fail-on: info", true},
		{"fail-on: fatal", false},
		{"min-coverage: 0", true},
		{"min-coverage: 100", true},
		{"min-coverage: 100.5", false},
		{"min-coverage: -1", false},
		{"min-coverage: {default: 50, sections: {Sleep: 70}}", true},
		{"min-coverage: {sections: {Sleep: \"70\"}}", false},
		{"rules: {uncited-claim: off}", true},
		{"rules: {uncited-claim: 3}", false},
		{"rules: {uncited-claim: {enabled: yes}}", false}, // yes is a string in YAML 1.2
		{"rules: {uncited-claim: {severity: none}}", false},
		{"rules: {no-such-rule: on}", false},
		{"reference-headings: []", true},
		{"reference-headings: ['']", false},
		{"claim-cues: {research: [a b]}", true},
		{"claim-cues: {study-kinds: {x: unknown}}", false},
		{"claim-cues: {synonyms: {x: ''}}", false},
		{"benefit-headings: [Key wins]", true},
		{"online: {mailto: a@b.org, crossref: false, pubmed: true, lock-file: x.lock}", true},
		{"online: {mailto: nobody}", false},
		{"online: {pubmed: 1}", false},
		{"ignore: ['**/drafts/**', '*.tmp.md']", true},
		{"ignore: [3]", false},
		{"suppress: [{rule: all, text: x, reason: y}]", true},
		{"suppress: [{rule: all, text: x}]", false},
		{"suppress: [{rule: all, text: x, reason: y, note: z}]", false},
		{"suppress: [{rule: 'A!', text: x, reason: y}]", false},
	}
	for _, tt := range tests {
		ok, reason := validate(t, s, []byte(tt.src))
		_, err := Parse("x.yml", []byte(tt.src))
		if ok != tt.good {
			t.Errorf("%s: schema accepts = %v, want %v (%s)", tt.src, ok, tt.good, reason)
		}
		if (err == nil) != tt.good {
			t.Errorf("%s: loader error = %v, want good = %v", tt.src, err, tt.good)
		}
	}
}
