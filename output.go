package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/report"
)

// outputFormats are the report formats --format accepts.
var outputFormats = []string{"text", "json", "sarif", "github", "junit", "html"}

// output is one report to write: a format and where it goes ("" is
// standard output).
type output struct {
	format, path string
}

// planOutputs pairs formats with --output files. The files go with the
// last formats, in order; the formats before them go to standard output.
// So "--format text --format sarif --output reflint.sarif" prints text
// and writes SARIF to the file.
func planOutputs(formats, paths []string) ([]output, error) {
	if len(formats) == 0 {
		formats = []string{"text"}
	}
	for _, f := range formats {
		if !slices.Contains(outputFormats, f) {
			return nil, fmt.Errorf("--format: unknown format %q (want %s)", f, strings.Join(outputFormats, ", "))
		}
	}
	if len(paths) > len(formats) {
		return nil, fmt.Errorf("--output: %d files for %d formats; give one --format per --output", len(paths), len(formats))
	}
	outs := make([]output, len(formats))
	first := len(formats) - len(paths)
	for i, f := range formats {
		outs[i].format = f
		if i >= first {
			outs[i].path = paths[i-first]
		}
	}
	return outs, nil
}

// reportWriter receives results file by file. Text, JSON and GitHub
// annotations are written as they come, so that linting a folder keeps
// memory bounded by the worker pool; SARIF, JUnit and HTML describe the
// whole run and keep every result until Close.
type reportWriter interface {
	Add(lint.Result)
	Close() error
}

func newReportWriter(w io.Writer, format string, text lint.TextOptions) reportWriter {
	switch format {
	case "text":
		return lint.NewTextStream(w, text)
	case "json":
		return lint.NewJSONStream(w)
	case "github":
		return &githubStream{w: w}
	}
	return &collector{w: w, format: format}
}

// githubStream writes GitHub workflow commands file by file.
type githubStream struct {
	w   io.Writer
	err error
}

func (g *githubStream) Add(r lint.Result) {
	if g.err == nil {
		g.err = report.WriteGitHub(g.w, []lint.Result{r}, report.GitHubOptions{BaseDir: "."})
	}
}

func (g *githubStream) Close() error { return g.err }

// collector keeps the results of a whole-run format until Close.
type collector struct {
	w       io.Writer
	format  string
	results []lint.Result
}

func (c *collector) Add(r lint.Result) { c.results = append(c.results, r) }

func (c *collector) Close() error {
	switch c.format {
	case "sarif":
		return report.WriteSARIF(c.w, c.results, report.SARIFOptions{Version: version, BaseDir: ".", Rules: allRules()})
	case "junit":
		return report.WriteJUnit(c.w, c.results)
	case "html":
		return report.WriteHTML(c.w, c.results, report.HTMLOptions{Version: version, BaseDir: "."})
	}
	return fmt.Errorf("no writer for format %q", c.format)
}

// reports writes every planned output. Files are written to a temporary
// file beside them and renamed on Close, so that a CI upload never reads
// half a report.
type reports struct {
	writers []reportWriter
	files   []*os.File
	paths   []string
}

func openReports(stdout io.Writer, outs []output, text lint.TextOptions) (*reports, error) {
	r := &reports{}
	for _, o := range outs {
		if o.path == "" {
			r.writers = append(r.writers, newReportWriter(stdout, o.format, text))
			continue
		}
		tmp, err := os.CreateTemp(filepath.Dir(o.path), ".reflint-report-*")
		if err != nil {
			r.abort()
			return nil, err
		}
		r.files, r.paths = append(r.files, tmp), append(r.paths, o.path)
		plain := text
		plain.Color, plain.Context = false, false
		r.writers = append(r.writers, newReportWriter(tmp, o.format, plain))
	}
	return r, nil
}

func (r *reports) Add(res lint.Result) {
	for _, w := range r.writers {
		w.Add(res)
	}
}

// Close finishes every report and moves the files into place.
func (r *reports) Close() error {
	var first error
	for _, w := range r.writers {
		if err := w.Close(); err != nil && first == nil {
			first = err
		}
	}
	for i, f := range r.files {
		if err := f.Close(); err != nil && first == nil {
			first = err
		}
		if first == nil {
			first = os.Rename(f.Name(), r.paths[i])
		}
	}
	if first != nil {
		r.abort()
	}
	return first
}

func (r *reports) abort() {
	for _, f := range r.files {
		f.Close()
		os.Remove(f.Name())
	}
}
