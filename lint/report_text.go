package lint

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// TextOptions control the text report.
type TextOptions struct {
	// Color adds ANSI colours.
	Color bool
	// Context prints the source line with a caret under the span (for a
	// terminal; CI logs want one line per finding).
	Context bool
	// Quiet prints findings only: no coverage table, no summary.
	Quiet bool
}

// WriteText writes findings like a compiler, one line each:
// "article.txt:281:3: error: reference #38 duplicates #31 [duplicate-reference]".
func WriteText(w io.Writer, results []Result, opts TextOptions) error {
	t := NewTextStream(w, opts)
	for _, r := range results {
		t.Add(r)
	}
	return t.Close()
}

// TextStream writes the text report one file at a time, so that linting
// a folder keeps no file in memory once it is written: each file's
// findings and coverage table, then one summary line for the run.
type TextStream struct {
	ew            *errWriter
	opts          TextOptions
	summary       Summary
	markers, refs int
	paint         func(code, s string) string
}

// NewTextStream starts a text report on w.
func NewTextStream(w io.Writer, opts TextOptions) *TextStream {
	t := &TextStream{ew: &errWriter{w: w}, opts: opts}
	t.paint = func(code, s string) string {
		if !opts.Color {
			return s
		}
		return "\x1b[" + code + "m" + s + "\x1b[0m"
	}
	return t
}

// Add writes one file's findings and, unless quiet, its coverage table.
func (t *TextStream) Add(r Result) {
	t.summary.Add(r)
	t.markers += len(r.Doc.Markers)
	t.refs += len(r.Doc.References)
	for _, f := range r.Findings {
		pos := r.Doc.Position(f.Span.Start)
		t.ew.printf("%s:%d:%d: %s: %s %s\n", r.Doc.Name, pos.Line, pos.Column,
			t.paint(severityColor[f.Severity], f.Severity.String()), f.Message, t.paint("2", "["+f.Rule+"]"))
		if t.opts.Context {
			writeContext(t.ew, r.Doc, f.Span, t.paint)
		}
	}
	if !t.opts.Quiet {
		t.ew.printf("\n")
		if t.ew.err == nil {
			t.ew.err = WriteCoverage(t.ew.w, r.Doc)
		}
		t.ew.printf("\n")
	}
}

// Close writes the summary line and returns the first write error.
func (t *TextStream) Close() error {
	if t.opts.Quiet {
		return t.ew.err
	}
	s := t.summary
	files := ""
	if s.Files != 1 {
		files = fmt.Sprintf("%d files, ", s.Files)
	}
	t.ew.printf("%s%s, %s, %s (%s, %s)\n", files, plural(s.Errors, "error"), plural(s.Warnings, "warning"),
		plural(s.Infos, "info"), plural(t.markers, "marker"), plural(t.refs, "reference"))
	if l := s.Lookups; l != nil {
		t.ew.printf("online: %d verified, %d mismatch, %d not found, %d inconclusive (%s, %d from cache)\n",
			l.Verified, l.Mismatch, l.NotFound, l.Inconclusive, plural(l.Requests, "request"), l.CacheHits)
	}
	return t.ew.err
}

var severityColor = map[Severity]string{Error: "1;31", Warning: "1;33", Info: "1;36"}

// writeContext prints the span's first line and a caret line under it.
// Tabs are kept in the caret line so that the caret lines up.
func writeContext(ew *errWriter, d *Document, s Span, paint func(string, string) string) {
	pos := d.Position(s.Start)
	line := d.Line(pos.Line)
	text := d.Source[line.Start:line.End]
	ew.printf("    %s\n", text)
	var pad strings.Builder
	for _, r := range string(d.Source[line.Start:max(line.Start, min(s.Start, line.End))]) {
		if r == '\t' {
			pad.WriteByte('\t')
		} else {
			pad.WriteByte(' ')
		}
	}
	width := max(1, utf8.RuneCount(d.Source[min(s.Start, line.End):min(s.End, line.End)]))
	ew.printf("    %s%s\n", pad.String(), paint("1;32", "^"+strings.Repeat("~", width-1)))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// errWriter keeps the first write error so that printing code stays flat.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
