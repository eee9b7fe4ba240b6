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
	"github.com/reflint/reflint/lint/suppress"
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

// reportOptions are what the writers need besides the results.
type reportOptions struct {
	text lint.TextOptions
}

// writeReport writes one format to w.
func writeReport(w io.Writer, format string, results []lint.Result, opts reportOptions) error {
	switch format {
	case "json":
		return lint.WriteJSON(w, results)
	case "sarif":
		rules := append(lint.All(), suppress.Rule)
		return report.WriteSARIF(w, results, report.SARIFOptions{Version: version, BaseDir: ".", Rules: rules})
	case "github":
		return report.WriteGitHub(w, results, report.GitHubOptions{BaseDir: "."})
	case "junit":
		return report.WriteJUnit(w, results)
	case "html":
		return report.WriteHTML(w, results, report.HTMLOptions{Version: version, BaseDir: "."})
	}
	return lint.WriteText(w, results, opts.text)
}

// writeOutputs writes every planned report; files are replaced atomically
// so that a CI upload never reads half a report.
func writeOutputs(stdout io.Writer, outs []output, results []lint.Result, opts reportOptions) error {
	for _, o := range outs {
		if o.path == "" {
			if err := writeReport(stdout, o.format, results, opts); err != nil {
				return err
			}
			continue
		}
		text := opts
		text.text.Color, text.text.Context = false, false
		if err := writeReportFile(o.path, o.format, results, text); err != nil {
			return err
		}
	}
	return nil
}

func writeReportFile(path, format string, results []lint.Result, opts reportOptions) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".reflint-report-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := writeReport(tmp, format, results, opts); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
