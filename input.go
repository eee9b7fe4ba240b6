package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/htmldoc"
	"github.com/reflint/reflint/lint/markdown"
)

// inputFormats maps --input-format values and file extensions to parsers.
var inputFormats = map[string]func(name string, src []byte, opts lint.ParseOptions) *lint.Document{
	"text":     lint.ParseText,
	"markdown": markdown.Parse,
	"html":     htmldoc.Parse,
}

// formatOf picks the input format: the --input-format flag when given,
// else the extension; standard input and unknown extensions are text.
func formatOf(path, flag string) (string, error) {
	if flag != "" {
		if _, ok := inputFormats[flag]; !ok {
			return "", fmt.Errorf("--input-format: unknown format %q (want text, markdown or html)", flag)
		}
		return flag, nil
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return "markdown", nil
	case ".html", ".htm":
		return "html", nil
	}
	return "text", nil
}

// parseInput parses src in the given format.
func parseInput(name string, src []byte, format string, opts lint.ParseOptions) *lint.Document {
	return inputFormats[format](name, src, opts)
}

// readInput reads a file (or standard input for "-") and checks that it
// is text. Its errors name the file and the problem.
func readInput(path string, stdin io.Reader) ([]byte, error) {
	var src []byte
	var err error
	if path == "-" {
		src, err = io.ReadAll(stdin)
		path = "<stdin>"
	} else {
		var info fs.FileInfo
		if info, err = os.Stat(path); err == nil && info.IsDir() {
			return nil, fmt.Errorf("%s: is a directory, not a file", path)
		}
		src, err = os.ReadFile(path)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: no such file", path)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("%s: permission denied", path)
	case err != nil:
		return nil, fmt.Errorf("%s: cannot read: %w", path, err)
	case !lint.IsText(src):
		return nil, fmt.Errorf("%s: not a text file (binary content)", path)
	}
	return src, nil
}

func displayName(path string) string {
	if path == "-" {
		return "<stdin>"
	}
	return path
}
