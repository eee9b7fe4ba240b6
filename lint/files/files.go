// Package files turns command-line arguments into the list of files to
// lint, and lints many files with a bounded pool of workers.
//
// # Arguments
//
// An argument is standard input ("-"), a file, a directory or a glob:
//
//   - A file is linted whatever its extension (main checks that it is
//     text). Ignore patterns do not apply to a file named explicitly.
//   - A directory is walked recursively for files ending in .txt, .md,
//     .markdown, .html or .htm (any case). Folders whose name starts with a
//     dot are skipped (the directory named in the argument is walked even
//     if it is hidden, so "reflint ." works). Symbolic links to files are
//     followed, to folders not (no cycles).
//   - An argument that does not exist and contains *, ? or [ is a glob
//     (path/filepath.Match syntax, plus ** for any number of folders). The
//     files it matches are taken when their extension is one of the above,
//     or any extension when the pattern's last part names one ("*.mdx");
//     the directories it matches are walked; ignore patterns apply, and
//     names starting with a dot are left out unless the pattern's last
//     part starts with one. A glob that matches nothing usable is an error.
//
// The result is sorted and free of duplicates ("./a.md" and "a.md" are one
// file; paths are cleaned). Problems (a missing path, an unreadable
// folder, a bad pattern) are returned as errors naming the path, and the
// other arguments are still expanded.
//
// # Ignore patterns
//
// Patterns use the glob syntax above, slash-separated. A pattern without
// a slash matches a file or folder name at any depth below the argument
// ("drafts", "*.draft.md"); a trailing slash is dropped. A pattern with a
// slash matches a whole path: relative to the walked directory, as given,
// or absolute (config.Settings.Ignore makes a configuration's patterns
// absolute).
package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Extensions are the file extensions a directory walk collects.
var Extensions = []string{".txt", ".md", ".markdown", ".html", ".htm"}

// HasExtension reports whether a file name ends in one of Extensions.
func HasExtension(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return slices.Contains(Extensions, ext)
}

// Expand returns the files the arguments name, sorted and de-duplicated,
// and an error for each argument or path that could not be used.
func Expand(args []string, ignore []string) ([]string, []error) {
	e := &expander{ignore: cleanPatterns(ignore), seen: make(map[string]bool)}
	for _, p := range ignore {
		if err := checkPattern(p); err != nil {
			e.errs = append(e.errs, fmt.Errorf("ignore pattern %q: %w", p, err))
		}
	}
	for _, arg := range args {
		e.arg(arg)
	}
	slices.Sort(e.files)
	return e.files, e.errs
}

type expander struct {
	ignore []string
	files  []string
	seen   map[string]bool
	errs   []error
}

func (e *expander) add(p string) {
	if p != "-" {
		p = filepath.Clean(p)
	}
	if !e.seen[p] {
		e.seen[p] = true
		e.files = append(e.files, p)
	}
}

func (e *expander) fail(p string, err error) {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		e.errs = append(e.errs, fmt.Errorf("%s: no such file or directory", p))
	case errors.Is(err, fs.ErrPermission):
		e.errs = append(e.errs, fmt.Errorf("%s: permission denied", p))
	default:
		e.errs = append(e.errs, fmt.Errorf("%s: %w", p, unwrapPath(err)))
	}
}

// unwrapPath drops the *PathError wrapper, whose message repeats the path.
func unwrapPath(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}

func (e *expander) arg(arg string) {
	if arg == "-" {
		e.add(arg)
		return
	}
	info, err := os.Stat(arg)
	switch {
	case err != nil && isGlob(arg) && errors.Is(err, fs.ErrNotExist):
		e.glob(arg)
	case err != nil:
		e.fail(arg, err)
	case info.IsDir():
		e.walk(arg)
	default:
		e.add(arg)
	}
}

func isGlob(s string) bool { return strings.ContainsAny(s, "*?[") }

func (e *expander) glob(pattern string) {
	if err := checkPattern(pattern); err != nil {
		e.errs = append(e.errs, fmt.Errorf("%s: %w", pattern, err))
		return
	}
	matches, err := globAll(pattern)
	if err != nil {
		e.fail(pattern, err)
		return
	}
	last := path.Base(filepath.ToSlash(pattern))
	namesExt := strings.Contains(last, ".") && last != "**"
	n := 0
	for _, m := range matches {
		// As in a shell, * does not match a leading dot.
		if hidden := strings.HasPrefix(filepath.Base(m), "."); hidden && !strings.HasPrefix(last, ".") || e.ignored(m, ".") {
			continue
		}
		info, err := os.Stat(m)
		if err != nil {
			e.fail(m, err)
			continue
		}
		switch {
		case info.IsDir() && last == "**":
			// the ** expansion already lists the files below it
		case info.IsDir():
			n++
			e.walk(m)
		case namesExt || HasExtension(m):
			n++
			e.add(m)
		}
	}
	if n == 0 {
		e.errs = append(e.errs, fmt.Errorf("%s: no file matches the pattern", pattern))
	}
}

// walk collects the files of a directory.
func (e *expander) walk(root string) {
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			e.fail(p, err)
			if d != nil && d.IsDir() && p != root {
				return fs.SkipDir
			}
			return nil
		}
		if p == root {
			return nil
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") || e.ignored(p, root) {
				return fs.SkipDir
			}
			return nil
		}
		if !HasExtension(d.Name()) || e.ignored(p, root) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			info, err := os.Stat(p)
			if err != nil {
				e.fail(p, err)
				return nil
			}
			if !info.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		e.add(p)
		return nil
	})
	if err != nil {
		e.fail(root, err)
	}
}

// ignored reports whether a path found under root matches an ignore
// pattern.
func (e *expander) ignored(p, root string) bool {
	if len(e.ignore) == 0 {
		return false
	}
	slash := filepath.ToSlash(filepath.Clean(p))
	rel := slash
	if r, err := filepath.Rel(root, p); err == nil {
		rel = filepath.ToSlash(r)
	}
	abs := ""
	if a, err := filepath.Abs(p); err == nil {
		abs = filepath.ToSlash(a)
	}
	for _, pat := range e.ignore {
		if !strings.Contains(pat, "/") {
			for seg := range strings.SplitSeq(rel, "/") {
				if ok, _ := path.Match(pat, seg); ok {
					return true
				}
			}
			continue
		}
		if Match(pat, rel) || Match(pat, slash) || (abs != "" && Match(pat, abs)) {
			return true
		}
	}
	return false
}

func cleanPatterns(ps []string) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		p = filepath.ToSlash(p)
		if p != "/" {
			p = strings.TrimSuffix(p, "/")
		}
		p = strings.TrimPrefix(p, "./")
		if p != "" && checkPattern(p) == nil {
			out = append(out, p)
		}
	}
	return out
}

// checkPattern validates each segment of a slash-separated pattern.
func checkPattern(p string) error {
	for seg := range strings.SplitSeq(filepath.ToSlash(p), "/") {
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return err
		}
	}
	return nil
}

// Match reports whether a slash-separated path matches a pattern whose
// segments use path.Match syntax, where a "**" segment matches any number
// of segments, none included.
func Match(pattern, name string) bool {
	return matchSegs(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func matchSegs(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			pat = pat[1:]
			for len(pat) > 0 && pat[0] == "**" {
				pat = pat[1:]
			}
			if len(pat) == 0 {
				return true
			}
			for i := range len(name) + 1 {
				if matchSegs(pat, name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

// globAll is filepath.Glob with ** support: a "**" segment matches any
// number of folders. Hidden folders are not entered by **.
func globAll(pattern string) ([]string, error) {
	if !strings.Contains(filepath.ToSlash(pattern), "**") {
		return filepath.Glob(pattern)
	}
	slash := filepath.ToSlash(pattern)
	head, _, _ := strings.Cut(slash, "**")
	base := path.Dir(head + "x") // the folder before the first **
	if strings.ContainsAny(base, "*?[") {
		// A glob before **: expand it first, then each match's rest.
		var out []string
		heads, err := filepath.Glob(filepath.FromSlash(base))
		if err != nil {
			return nil, err
		}
		for _, h := range heads {
			m, err := globAll(filepath.Join(h, filepath.FromSlash(slash[len(base)+1:])))
			if err != nil {
				return nil, err
			}
			out = append(out, m...)
		}
		return out, nil
	}
	var out []string
	err := filepath.WalkDir(filepath.FromSlash(base), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil //nolint:nilerr // unreadable folders are skipped by a glob, as filepath.Glob does
		}
		if d.IsDir() && p != filepath.FromSlash(base) && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		rel := filepath.ToSlash(p)
		if base == "." && !strings.HasPrefix(slash, "./") {
			rel = filepath.ToSlash(filepath.Clean(p))
		}
		if Match(strings.TrimPrefix(slash, "./"), strings.TrimPrefix(rel, "./")) {
			out = append(out, p)
		}
		return nil
	})
	return out, err
}
