// Package baseline records the findings a project has accepted, so that
// only new findings fail a run (--baseline FILE, --write-baseline).
//
// # Fingerprints
//
// A finding is identified by its file, rule, the entry numbers it concerns
// and the text around its span: up to 40 characters before the span, the
// span's first 120 characters and up to 40 characters after it, with runs
// of blanks (line breaks included) folded into one space. Line and column
// are not part of it, so adding or removing lines elsewhere, or re-wrapping
// a paragraph, keeps a finding known; editing the text at the finding makes
// it new. Messages are not part of it either. The fingerprint is the first
// 16 bytes of the SHA-256 of those parts, in hex.
//
// # File format
//
// A baseline is one JSON object, written sorted so that it diffs well:
//
//	{
//	  "version": 1,
//	  "findings": [
//	    {"path": "articles/coffee.md", "rule": "uncited-claim",
//	     "fingerprint": "4f1c…", "count": 1, "references": [3],
//	     "message": "…"}
//	  ]
//	}
//
// path is the file as reflint showed it (slash-separated; run reflint from
// the same folder when writing and reading). count says how many findings
// share the fingerprint. rule, references and message are for the reader:
// matching uses path and fingerprint only (rule and entry numbers are
// hashed into the fingerprint). Unknown fields are ignored, so that fields
// may be added.
package baseline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reflint/reflint/lint"
)

// Version is the version of the file format.
const Version = 1

// Context sizes of a fingerprint, in characters.
const (
	contextBefore = 40
	spanChars     = 120
	contextAfter  = 40
)

// Baseline is a set of accepted findings.
type Baseline struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Entry is one accepted finding, or several with the same fingerprint.
type Entry struct {
	Path        string `json:"path"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	Count       int    `json:"count"`
	References  []int  `json:"references,omitempty"`
	Message     string `json:"message,omitempty"`
}

// Fingerprint identifies a finding of a document independently of its
// line and column.
func Fingerprint(doc *lint.Document, f lint.Finding) string {
	h := sha256.New()
	refs := make([]string, len(f.References))
	for i, n := range f.References {
		refs[i] = strconv.Itoa(n)
	}
	fmt.Fprintf(h, "%s\x00%s\x00%s", f.Rule, strings.Join(refs, ","), context(doc.Source, f.Span))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// context returns the folded text around a span. Text is folded before
// it is counted, so that CRLF line ends or re-wrapping do not move the
// window.
func context(src []byte, s lint.Span) string {
	start, end := max(0, min(s.Start, len(src))), max(0, min(s.End, len(src)))
	end = max(start, end)
	// Raw windows four times the size leave room for folded blanks.
	b := start
	for n := 0; n < 4*contextBefore && b > 0; n++ {
		_, size := utf8.DecodeLastRune(src[:b])
		b -= size
	}
	m := start
	for n := 0; n < 4*spanChars && m < end; n++ {
		_, size := utf8.DecodeRune(src[m:end])
		m += size
	}
	a := end
	for n := 0; n < 4*contextAfter && a < len(src); n++ {
		_, size := utf8.DecodeRune(src[a:])
		a += size
	}
	before := []rune(fold(src[b:start]))
	before = before[max(0, len(before)-contextBefore):]
	span := []rune(fold(src[start:m]))
	span = span[:min(len(span), spanChars)]
	after := []rune(fold(src[end:a]))
	after = after[:min(len(after), contextAfter)]
	return string(before) + "\x00" + string(span) + "\x00" + string(after)
}

// fold folds runs of blanks into one space and trims the ends.
func fold(b []byte) string {
	return strings.Join(strings.FieldsFunc(string(b), unicode.IsSpace), " ")
}

// displayPath is the path an entry is keyed by.
func displayPath(name string) string { return filepath.ToSlash(filepath.Clean(name)) }

// New builds the baseline of results.
func New(results []lint.Result) *Baseline {
	type key struct{ path, fp string }
	byKey := make(map[key]int)
	b := &Baseline{Version: Version, Findings: []Entry{}}
	for _, r := range results {
		path := displayPath(r.Doc.Name)
		for _, f := range r.Findings {
			k := key{path, Fingerprint(r.Doc, f)}
			if i, ok := byKey[k]; ok {
				b.Findings[i].Count++
				continue
			}
			byKey[k] = len(b.Findings)
			b.Findings = append(b.Findings, Entry{Path: path, Rule: f.Rule, Fingerprint: k.fp, Count: 1,
				References: slices.Clone(f.References), Message: f.Message})
		}
	}
	slices.SortFunc(b.Findings, func(x, y Entry) int {
		if c := strings.Compare(x.Path, y.Path); c != 0 {
			return c
		}
		if c := strings.Compare(x.Rule, y.Rule); c != 0 {
			return c
		}
		return strings.Compare(x.Fingerprint, y.Fingerprint)
	})
	return b
}

// Write writes the baseline of results as indented JSON.
func Write(w io.Writer, results []lint.Result) error {
	data, err := json.MarshalIndent(New(results), "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// WriteFile writes the baseline of results to path, through a temporary
// file and a rename so that a reader never sees half a file.
func WriteFile(path string, results []lint.Result) error {
	var buf bytes.Buffer
	if err := Write(&buf, results); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".baseline-*")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer func() { _ = os.Remove(tmp.Name()) }() // gone after the rename; best effort otherwise
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		_ = tmp.Close() // the write error is the one to report
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// Read parses a baseline.
func Read(r io.Reader) (*Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(r)
	if err := dec.Decode(&b); err != nil {
		if se, ok := errors.AsType[*json.SyntaxError](err); ok {
			return nil, fmt.Errorf("not a baseline: invalid JSON at byte %d: %w", se.Offset, err)
		}
		return nil, fmt.Errorf("not a baseline: %w", err)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("unsupported baseline version %d (want %d)", b.Version, Version)
	}
	for i, e := range b.Findings {
		if e.Path == "" || e.Rule == "" || e.Fingerprint == "" {
			return nil, fmt.Errorf("baseline finding %d: path, rule and fingerprint are required", i+1)
		}
		if e.Count < 1 {
			b.Findings[i].Count = 1
		}
	}
	return &b, nil
}

// ReadFile reads a baseline file; errors name the file.
func ReadFile(path string) (*Baseline, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }() // read-only
	b, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}

// Outcome is what Filter did.
type Outcome struct {
	// Results hold only the findings the baseline does not know, in their
	// original order; documents are shared with the input.
	Results []lint.Result
	// Known counts the findings dropped because the baseline has them.
	Known int
	// Gone counts baseline findings that no longer occur (fixed, or their
	// text changed); rewrite the baseline to forget them.
	Gone int
}

// Filter drops the findings the baseline knows, so that only new ones
// count for the exit code. A fingerprint recorded n times hides at most n
// findings. A nil baseline drops nothing. The input is not modified.
func Filter(results []lint.Result, b *Baseline) Outcome {
	type key struct{ path, fp string }
	left := make(map[key]int)
	if b != nil {
		for _, e := range b.Findings {
			left[key{e.Path, e.Fingerprint}] += max(1, e.Count)
		}
	}
	out := Outcome{Results: make([]lint.Result, len(results))}
	for i, r := range results {
		path := displayPath(r.Doc.Name)
		kept := make([]lint.Finding, 0, len(r.Findings))
		for _, f := range r.Findings {
			k := key{path, Fingerprint(r.Doc, f)}
			if left[k] > 0 {
				left[k]--
				out.Known++
				continue
			}
			kept = append(kept, f)
		}
		r.Findings = kept
		out.Results[i] = r
	}
	for _, n := range left {
		out.Gone += n
	}
	return out
}
