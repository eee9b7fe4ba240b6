package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/reflint/reflint/lint"
)

// SARIFOptions control the SARIF report.
type SARIFOptions struct {
	// Version is reflint's version, written as tool.driver.version;
	// empty leaves it out.
	Version string
	// BaseDir is the directory artifact URIs are relative to, normally
	// the repository root (the working directory of a CI job). Empty
	// writes the paths as given. Paths outside BaseDir are written as
	// absolute file URIs.
	BaseDir string
	// Rules are the rules the driver describes; nil means lint.All().
	// Findings of rules outside the list carry no ruleIndex.
	Rules []*lint.Rule
}

// The URIs the report points at.
const (
	sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	informationURI = "https://github.com/reflint/reflint"
	rulesHelpURI   = "https://github.com/reflint/reflint#rules"
	// fingerprintKey names reflint's own partial fingerprint. SARIF lets
	// a producer name its fingerprints freely; a versioned
	// name lets the scheme change without confusing old uploads.
	fingerprintKey = "reflint/v1"
)

// The structs below are the small subset of SARIF 2.1.0 (OASIS Standard,
// errata 01) that reflint writes. Section numbers refer to that
// specification; field names and nesting follow
// testdata/sarif-schema-2.1.0.json, which a test validates against.

// sarifLog is the top-level object (§3.13).
type sarifLog struct {
	// Schema is the URI of the JSON schema.
	Schema string `json:"$schema"`
	// Version is always "2.1.0".
	Version string `json:"version"`
	// Runs holds one run: one invocation of reflint.
	Runs []sarifRun `json:"runs"`
}

// sarifRun is one invocation of one tool (§3.14).
type sarifRun struct {
	// Tool describes reflint and its rules (§3.18).
	Tool sarifTool `json:"tool"`
	// Artifacts lists the linted files; locations refer to them by index
	// (§3.24).
	Artifacts []sarifArtifact `json:"artifacts"`
	// Results are the findings (§3.14.23, §3.27). An empty array, never
	// null, means "ran and found nothing".
	Results []sarifResult `json:"results"`
	// ColumnKind says what a column counts (§3.14.27). reflint counts
	// Unicode code points, so "unicodeCodePoints"; SARIF's default
	// would be UTF-16 code units.
	ColumnKind string `json:"columnKind"`
}

// sarifTool holds the driver, the tool component that ran (§3.18).
type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

// sarifDriver is a toolComponent (§3.19).
type sarifDriver struct {
	// Name is "reflint".
	Name string `json:"name"`
	// Version is the free-form version string.
	Version string `json:"version,omitempty"`
	// InformationURI is the tool's home page.
	InformationURI string `json:"informationUri"`
	// Rules are reportingDescriptors, one per rule in lint.All() order;
	// results refer to them by ruleIndex (§3.19.23).
	Rules []sarifRule `json:"rules"`
}

// sarifRule is a reportingDescriptor describing one rule (§3.49).
type sarifRule struct {
	// ID is the stable rule name, e.g. "duplicate-reference" (§3.49.3).
	ID string `json:"id"`
	// Name is a readable identifier, e.g. "DuplicateReference".
	Name string `json:"name"`
	// ShortDescription is the rule's one-line title.
	ShortDescription sarifText `json:"shortDescription"`
	// FullDescription is the rule's documentation.
	FullDescription sarifText `json:"fullDescription"`
	// DefaultConfiguration holds the default level (§3.49.14, §3.50).
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
	// HelpURI points at the rule table of the README.
	HelpURI string `json:"helpUri"`
	// Help is the documentation with a bad and a good example, as plain
	// text and as Markdown (§3.12).
	Help sarifMultiformat `json:"help"`
	// Properties carry tags (§3.8).
	Properties sarifRuleProperties `json:"properties"`
}

// sarifText is a multiformatMessageString with text only (§3.12).
type sarifText struct {
	Text string `json:"text"`
}

// sarifMultiformat is a multiformatMessageString (§3.12): plain text and
// GitHub-flavoured Markdown.
type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

// sarifConfig is a reportingConfiguration (§3.50).
type sarifConfig struct {
	// Level is "error", "warning" or "note".
	Level string `json:"level"`
}

// sarifRuleProperties is the property bag of a rule (§3.8). GitHub code
// scanning shows tags as filters.
type sarifRuleProperties struct {
	Tags []string `json:"tags"`
}

// sarifArtifact is one linted file (§3.24).
type sarifArtifact struct {
	// Location is the file's URI.
	Location sarifArtifactLocation `json:"location"`
	// Length is the file's size in bytes.
	Length int `json:"length"`
	// MimeType is "text/plain".
	MimeType string `json:"mimeType"`
	// Roles say reflint analysed the file.
	Roles []string `json:"roles"`
}

// sarifArtifactLocation is an artifactLocation (§3.4).
type sarifArtifactLocation struct {
	// URI is relative with forward slashes, or an absolute file URI
	//.
	URI string `json:"uri"`
	// Index is the position of the artifact in run.artifacts;
	// a pointer, since 0 is a valid index and must be written.
	Index *int `json:"index,omitempty"`
}

// sarifResult is one finding (§3.27).
type sarifResult struct {
	// RuleID is the rule's id.
	RuleID string `json:"ruleId"`
	// RuleIndex is the rule's position in tool.driver.rules;
	// nil for a rule reflint does not list.
	RuleIndex *int `json:"ruleIndex,omitempty"`
	// Level is "error", "warning" or "note".
	Level string `json:"level"`
	// Message is the finding's message (§3.11).
	Message sarifText `json:"message"`
	// Locations holds the finding's span (§3.28).
	Locations []sarifLocation `json:"locations"`
	// RelatedLocations point at other places that explain the finding,
	// such as the first of two duplicate entries.
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	// PartialFingerprints identify the finding across runs so that code
	// scanning can tell a new alert from a moved one. The
	// value does not depend on line numbers.
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	// Properties carry the entry numbers the finding concerns (§3.8).
	Properties *sarifResultProperties `json:"properties,omitempty"`
	// Fixes offer the edit that resolves the finding (§3.55).
	Fixes []sarifFix `json:"fixes,omitempty"`
}

// sarifFix is a fix (§3.55): a description and the changes to one file.
type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

// sarifArtifactChange is an artifactChange (§3.56).
type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

// sarifReplacement is a replacement (§3.57): the region to delete and the
// text to put there.
type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

// sarifResultProperties is the property bag of a result (§3.8).
type sarifResultProperties struct {
	// References are the reference-list entry numbers the finding
	// concerns, as in the JSON report.
	References []int `json:"references"`
}

// sarifLocation is a location (§3.28).
type sarifLocation struct {
	// ID identifies a related location within its result;
	// nil for the primary location.
	ID *int `json:"id,omitempty"`
	// PhysicalLocation is the file and region (§3.29).
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	// Message says what a related location is.
	Message *sarifText `json:"message,omitempty"`
}

// sarifPhysicalLocation is a physicalLocation (§3.29).
type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

// sarifRegion is a text region (§3.30). Lines and columns are 1-based;
// columns count what run.columnKind says; endColumn is the column after
// the region's last character (§3.30.8), matching reflint's exclusive end
// columns.
type sarifRegion struct {
	StartLine   int `json:"startLine"`   // §3.30.5
	StartColumn int `json:"startColumn"` // §3.30.6
	EndLine     int `json:"endLine"`     // §3.30.7
	EndColumn   int `json:"endColumn"`   // §3.30.8
}

// WriteSARIF writes the results as one SARIF 2.1.0 log with one run. The
// driver lists every rule of lint.All(); each finding becomes a result
// with its rule index, level, region and related locations.
func WriteSARIF(w io.Writer, results []lint.Result, opts SARIFOptions) error {
	rules := opts.Rules
	if rules == nil {
		rules = lint.All()
	}
	index := ruleIndex(rules)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "reflint",
			Version:        opts.Version,
			InformationURI: informationURI,
			Rules:          make([]sarifRule, 0, len(rules)),
		}},
		Artifacts:  make([]sarifArtifact, 0, len(results)),
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	for _, r := range rules {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(r))
	}
	for ai, res := range results {
		d := res.Doc
		uri := artifactURI(opts.BaseDir, d.Name)
		run.Artifacts = append(run.Artifacts, sarifArtifact{
			Location: sarifArtifactLocation{URI: uri},
			Length:   len(d.Source),
			MimeType: "text/plain",
			Roles:    []string{"analysisTarget"},
		})
		seen := make(map[string]int) // fingerprints so far, to number repeats
		for _, f := range res.Findings {
			sr := sarifResult{
				RuleID:    f.Rule,
				Level:     sarifLevel(f.Severity),
				Message:   sarifText{Text: f.Message},
				Locations: []sarifLocation{{PhysicalLocation: physical(d, uri, ai, f.Span)}},
			}
			if i, ok := index[f.Rule]; ok {
				sr.RuleIndex = &i
			}
			for k, rel := range f.Related {
				id := k + 1
				sr.RelatedLocations = append(sr.RelatedLocations, sarifLocation{
					ID:               &id,
					PhysicalLocation: physical(d, uri, ai, rel.Span),
					Message:          &sarifText{Text: rel.Message},
				})
			}
			if len(f.References) > 0 {
				sr.Properties = &sarifResultProperties{References: f.References}
			}
			if f.Fix != nil {
				sr.Fixes = []sarifFix{sarifFixOf(d, uri, ai, f.Fix)}
			}
			fp := fingerprint(d, uri, f)
			seen[fp]++
			sr.PartialFingerprints = map[string]string{fingerprintKey: fp + ":" + strconv.Itoa(seen[fp])}
			run.Results = append(run.Results, sr)
		}
	}
	log := sarifLog{Schema: sarifSchemaURI, Version: "2.1.0", Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

func sarifRuleOf(r *lint.Rule) sarifRule {
	return sarifRule{
		ID:                   r.Name,
		Name:                 pascal(r.Name),
		ShortDescription:     sarifText{Text: r.Title},
		FullDescription:      sarifText{Text: r.Doc},
		DefaultConfiguration: sarifConfig{Level: sarifLevel(r.Severity)},
		HelpURI:              rulesHelpURI,
		Help:                 ruleHelp(r),
		Properties:           sarifRuleProperties{Tags: []string{"citations"}},
	}
}

// ruleHelp is the documentation followed by the rule's examples, as
// `reflint explain` prints them.
func ruleHelp(r *lint.Rule) sarifMultiformat {
	var text, md strings.Builder
	text.WriteString(r.Doc)
	md.WriteString(r.Doc)
	for _, ex := range []struct{ label, body string }{{"Bad", r.Bad}, {"Good", r.Good}} {
		if ex.body == "" {
			continue
		}
		text.WriteString("\n\n" + ex.label + ":\n" + indent(ex.body, "    "))
		fence := "```"
		for strings.Contains(ex.body, fence) {
			fence += "`"
		}
		md.WriteString("\n\n**" + ex.label + "**\n\n" + fence + "text\n" + ex.body + "\n" + fence)
	}
	return sarifMultiformat{Text: text.String(), Markdown: md.String()}
}

func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

// pascal turns "duplicate-reference" into "DuplicateReference".
func pascal(name string) string {
	var sb strings.Builder
	for part := range strings.SplitSeq(name, "-") {
		if part == "" {
			continue
		}
		sb.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return sb.String()
}

// sarifLevel maps a severity to a SARIF level: info is "note".
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	case lint.Info:
		return "note"
	}
	return "none"
}

// sarifFixOf renders a finding's fix as replacements in its artifact.
func sarifFixOf(d *lint.Document, uri string, ai int, fx *lint.Fix) sarifFix {
	change := sarifArtifactChange{ArtifactLocation: sarifArtifactLocation{URI: uri, Index: &ai}}
	for _, e := range fx.Edits {
		change.Replacements = append(change.Replacements, sarifReplacement{
			DeletedRegion:   physical(d, uri, ai, e.Span).Region,
			InsertedContent: sarifText{Text: e.NewText},
		})
	}
	return sarifFix{Description: sarifText{Text: fx.Message}, ArtifactChanges: []sarifArtifactChange{change}}
}

// physical is the location of a span in the artifact at index ai.
func physical(d *lint.Document, uri string, ai int, s lint.Span) sarifPhysicalLocation {
	start, end := span(d, s)
	idx := ai
	return sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: uri, Index: &idx},
		Region:           sarifRegion{StartLine: start.Line, StartColumn: start.Column, EndLine: end.Line, EndColumn: end.Column},
	}
}

// artifactURI is the URI of a document: relative to base with forward
// slashes and percent-encoded, or an absolute file URI.
func artifactURI(base, name string) string {
	p, abs := relPath(base, name)
	if abs {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // a Windows drive: file:///C:/…
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}

// fingerprint hashes what identifies a finding regardless of where it
// sits in the file: the rule, the file, the message and the text of the
// span. Equal findings are told apart by a count appended by the caller.
func fingerprint(d *lint.Document, uri string, f lint.Finding) string {
	s := f.Span
	s.Start = max(0, min(s.Start, len(d.Source)))
	s.End = max(s.Start, min(s.End, len(d.Source)))
	h := sha256.New()
	for _, part := range []string{f.Rule, uri, f.Message, d.Text(s)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
