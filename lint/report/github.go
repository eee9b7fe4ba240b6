package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/reflint/reflint/lint"
)

// GitHubOptions control the GitHub Actions annotations.
type GitHubOptions struct {
	// BaseDir is the directory file paths are relative to, normally the
	// repository root (the working directory of the job). Empty writes
	// the paths as given, with forward slashes.
	BaseDir string
}

// WriteGitHub writes one GitHub Actions workflow command per finding, so
// that a job annotates the lines of the pull request:
//
//	::error file=article.txt,line=281,col=3,endLine=281,endColumn=80,title=duplicate-reference::reference #38 duplicates #31
//
// Errors become ::error, warnings ::warning and infos ::notice. Related
// locations (the first of two duplicates) are named in the message, since
// an annotation has one location only.
func WriteGitHub(w io.Writer, results []lint.Result, opts GitHubOptions) error {
	ew := &errWriter{w: w}
	for _, r := range results {
		d := r.Doc
		file, _ := relPath(opts.BaseDir, d.Name)
		for _, f := range r.Findings {
			start, end := span(d, f.Span)
			var msg strings.Builder
			msg.WriteString(f.Message)
			for _, rel := range f.Related {
				p := d.Position(rel.Span.Start)
				fmt.Fprintf(&msg, "; %s: line %d, column %d", rel.Message, p.Line, p.Column)
			}
			ew.printf("::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				githubLevel(f.Severity), escapeProperty(file), start.Line, start.Column, end.Line, end.Column,
				escapeProperty(f.Rule), escapeData(msg.String()))
		}
	}
	return ew.err
}

func githubLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// dataEscaper escapes a command's message as the Actions runner expects
// (escapeData in @actions/core): %, CR and LF.
var dataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// propertyEscaper also escapes the separators of the property list (':'
// and ',') for property values such as file and title.
var propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

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
