package lint

import (
	"encoding/json"
	"io"

	"github.com/reflint/reflint/lint/prose"
)

// The JSON report: {"version": 1, "files": [...], "summary": {...}}. Its
// field names are a contract: add fields freely, rename none.
// schema/report.schema.json describes it.
type jsonFile struct {
	Path       string          `json:"path"`
	Format     string          `json:"format"`
	References []jsonReference `json:"references"`
	Markers    []jsonMarker    `json:"markers"`
	Findings   []jsonFinding   `json:"findings"`
	Coverage   *prose.Result   `json:"coverage"`
}

type jsonReference struct {
	Number   int        `json:"number"`
	Line     int        `json:"line"`
	Column   int        `json:"column"`
	Offset   int        `json:"offset"`
	Text     string     `json:"text"`
	Fields   Fields     `json:"fields"`
	Kind     Kind       `json:"kind"`
	Evidence Evidence   `json:"evidence"`
	CitedAt  []Position `json:"cited_at"`
	Lookup   *Lookup    `json:"lookup,omitempty"`
}

type jsonMarker struct {
	Number    int         `json:"number"`
	Line      int         `json:"line"`
	Column    int         `json:"column"`
	EndColumn int         `json:"end_column"`
	Offset    int         `json:"offset"`
	Style     MarkerStyle `json:"style"`
}

type jsonFinding struct {
	Rule       string        `json:"rule"`
	Severity   string        `json:"severity"`
	Message    string        `json:"message"`
	Line       int           `json:"line"`
	Column     int           `json:"column"`
	EndLine    int           `json:"end_line"`
	EndColumn  int           `json:"end_column"`
	Offset     int           `json:"offset"`
	References []int         `json:"references"`
	Related    []jsonRelated `json:"related,omitempty"`
	Fix        *jsonFix      `json:"fix,omitempty"`
}

// jsonFix is a finding's fix: edits with their positions and byte
// offsets (end exclusive) and the replacement text.
type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	Text      string `json:"text"`
}

type jsonRelated struct {
	Message string `json:"message"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Offset  int    `json:"offset"`
}

// WriteJSON writes one JSON object for all results. The output is
// deterministic: the same input gives byte-identical JSON.
func WriteJSON(w io.Writer, results []Result) error {
	j := NewJSONStream(w)
	for _, r := range results {
		j.Add(r)
	}
	return j.Close()
}

// JSONStream writes the JSON report one file at a time, byte for byte as
// encoding/json would indent the whole report, so that linting a folder
// keeps no file in memory once it is written.
type JSONStream struct {
	ew      *errWriter
	summary Summary
	files   int
}

// NewJSONStream starts a JSON report on w.
func NewJSONStream(w io.Writer) *JSONStream {
	return &JSONStream{ew: &errWriter{w: w}}
}

// Add writes one file object.
func (j *JSONStream) Add(r Result) {
	j.summary.Add(r)
	data, err := json.MarshalIndent(toJSONFile(r), "    ", "  ")
	if err != nil && j.ew.err == nil {
		j.ew.err = err
	}
	sep := ","
	if j.files == 0 {
		j.ew.printf("{\n  \"version\": 1,\n  \"files\": [")
		sep = ""
	}
	j.files++
	j.ew.printf("%s\n    %s", sep, data)
}

// Close writes the summary and ends the object.
func (j *JSONStream) Close() error {
	if j.files == 0 {
		j.ew.printf("{\n  \"version\": 1,\n  \"files\": [],\n")
	} else {
		j.ew.printf("\n  ],\n")
	}
	data, err := json.MarshalIndent(j.summary, "  ", "  ")
	if err != nil && j.ew.err == nil {
		j.ew.err = err
	}
	j.ew.printf("  \"summary\": %s\n}\n", data)
	return j.ew.err
}

func toJSONFile(r Result) jsonFile {
	d := r.Doc
	f := jsonFile{Path: d.Name, Format: d.Format, References: []jsonReference{}, Markers: []jsonMarker{}, Findings: []jsonFinding{}, Coverage: d.Coverage()}
	citedAt := make(map[int][]Position)
	for _, m := range d.Markers {
		pos := d.Position(m.Span.Start)
		end := d.Position(m.Span.End)
		f.Markers = append(f.Markers, jsonMarker{Number: m.Number, Line: pos.Line, Column: pos.Column, EndColumn: end.Column, Offset: m.Span.Start, Style: m.Style})
		citedAt[m.Number] = append(citedAt[m.Number], pos)
	}
	for _, ref := range d.References {
		pos := d.Position(ref.Span.Start)
		at := citedAt[ref.Number]
		if at == nil {
			at = []Position{}
		}
		f.References = append(f.References, jsonReference{Number: ref.Number, Line: pos.Line, Column: pos.Column, Offset: ref.Span.Start,
			Text: ref.Text, Fields: ref.Fields, Kind: ref.Kind, Evidence: ref.Evidence, CitedAt: at, Lookup: ref.Lookup})
	}
	for _, fd := range r.Findings {
		pos, end := d.Position(fd.Span.Start), d.Position(fd.Span.End)
		refs := fd.References
		if refs == nil {
			refs = []int{}
		}
		jf := jsonFinding{Rule: fd.Rule, Severity: fd.Severity.String(), Message: fd.Message, Line: pos.Line, Column: pos.Column,
			EndLine: end.Line, EndColumn: end.Column, Offset: fd.Span.Start, References: refs}
		if fd.Fix != nil {
			jf.Fix = &jsonFix{Message: fd.Fix.Message, Edits: []jsonEdit{}}
			for _, e := range fd.Fix.Edits {
				p, q := d.Position(e.Span.Start), d.Position(e.Span.End)
				jf.Fix.Edits = append(jf.Fix.Edits, jsonEdit{Line: p.Line, Column: p.Column, EndLine: q.Line, EndColumn: q.Column,
					Offset: e.Span.Start, EndOffset: e.Span.End, Text: e.NewText})
			}
		}
		for _, rel := range fd.Related {
			rp := d.Position(rel.Span.Start)
			jf.Related = append(jf.Related, jsonRelated{Message: rel.Message, Line: rp.Line, Column: rp.Column, Offset: rel.Span.Start})
		}
		f.Findings = append(f.Findings, jf)
	}
	return f
}
