package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/prose"
)

// FileName is the name of the configuration file.
const FileName = ".reflint.yml"

// BadSuppressionRule is the name of the rule under which package suppress
// reports suppressions without a reason or that suppressed nothing. It is
// not one of lint.All, but the rules section accepts it so that its
// severity can be changed or it can be turned off (Settings.Adjust).
const BadSuppressionRule = "bad-suppression"

// Config is one parsed configuration file. The zero value is the default
// configuration; Path is empty when no file was found.
type Config struct {
	// Path is the file the configuration came from, Dir its folder
	// (absolute).
	Path, Dir string

	// Rules holds the per-rule settings in file order.
	Rules []RuleSetting
	// FailOn is the fail-on severity; Set is false when the file does not
	// say.
	FailOn struct {
		Severity lint.Severity
		Set      bool
	}
	// MinCoverage is the global threshold in percent, nil when unset;
	// SectionCoverage maps section titles to percentages.
	MinCoverage     *float64
	SectionCoverage map[string]float64
	// ReferenceHeadings are extra reference-list heading names,
	// lower-case.
	ReferenceHeadings []string
	// Cues are the extra cue words: claim-cues and benefit-headings
	// (BenefitLeadIn).
	Cues prose.Cues
	// Online holds the settings of the online look-ups.
	Online Online
	// Ignore are the file patterns as written (see Settings.Ignore for the
	// patterns resolved against Dir).
	Ignore []string
	// Suppress are the plain-text suppressions.
	Suppress []Suppression
}

// RuleSetting is what the file says about one rule.
type RuleSetting struct {
	Name string
	// Enabled is nil when the file does not switch the rule on or off.
	Enabled *bool
	// Severity replaces the rule's default; 0 keeps it.
	Severity lint.Severity
	// Line is where the setting is written.
	Line int
}

// Online holds the online settings. Nil pointers mean "not set".
type Online struct {
	// Mailto is the contact address for Crossref and NCBI.
	Mailto string
	// Crossref and PubMed switch a source on or off.
	Crossref, PubMed *bool
	// LockFile is the lock file, resolved against the config's folder;
	// empty when unset.
	LockFile string
}

// Suppression hides findings of some rules on lines containing a text.
type Suppression struct {
	// Rules are rule names, or "all".
	Rules []string
	// Text is matched against a line's text, case-insensitively, with runs
	// of blanks folded into one space.
	Text string
	// Reason says why the finding does not apply.
	Reason string
	// Path and Line locate the entry in the config file.
	Path string
	Line int
}

// Matches reports whether the suppression covers rule.
func (s Suppression) Matches(rule string) bool {
	for _, r := range s.Rules {
		if r == "all" || r == rule {
			return true
		}
	}
	return false
}

// Error is one problem in a configuration file.
type Error struct {
	Path         string
	Line, Column int // 0 when unknown
	Msg          string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// ErrorList is every problem found in a configuration file, in file
// order. Its Error joins them with newlines.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Find returns the path of the nearest .reflint.yml in dir or one of its
// parents, or "" when there is none. A file that exists but cannot be
// examined is an error naming it.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		info, err := os.Stat(p)
		switch {
		case err == nil && info.IsDir():
			return "", fmt.Errorf("%s: is a directory, not a configuration file", p)
		case err == nil:
			return p, nil
		case !errors.Is(err, fs.ErrNotExist):
			return "", fmt.Errorf("%s: %w", p, err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and parses a configuration file.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: no such configuration file", path)
	case err != nil:
		return nil, fmt.Errorf("%s: cannot read: %w", path, err)
	}
	return Parse(path, data)
}

// Parse parses the contents of a configuration file; path names it in
// errors and anchors relative paths. Problems are returned as an
// ErrorList.
func Parse(path string, data []byte) (*Config, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	c := &Config{Path: path, Dir: filepath.Dir(abs)}
	d := &decoder{path: path, cfg: c}
	d.decode(data)
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	return c, nil
}

// Loader finds and caches the configuration of each input's folder. It is
// safe for concurrent use.
type Loader struct {
	// Explicit, when set, is the one configuration file for every input
	// (--config FILE).
	Explicit string
	// Disabled uses no configuration file at all (--no-config).
	Disabled bool

	mu    sync.Mutex
	byDir map[string]loaded
}

type loaded struct {
	cfg *Config
	err error
}

// ForFile returns the configuration that applies to path ("-" for
// standard input: the working directory's). Without a file it returns the
// default configuration, never nil.
func (l *Loader) ForFile(path string) (*Config, error) {
	dir := "."
	if path != "-" {
		dir = filepath.Dir(path)
	}
	return l.ForDir(dir)
}

// ForDir returns the configuration for files in dir.
func (l *Loader) ForDir(dir string) (*Config, error) {
	if l.Disabled {
		return &Config{}, nil
	}
	key := l.Explicit
	if key == "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, err
		}
		key = abs
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if r, ok := l.byDir[key]; ok {
		return r.cfg, r.err
	}
	var r loaded
	if l.Explicit != "" {
		r.cfg, r.err = Load(l.Explicit)
	} else {
		r.cfg, r.err = l.find(key)
	}
	if l.byDir == nil {
		l.byDir = make(map[string]loaded)
	}
	l.byDir[key] = r
	return r.cfg, r.err
}

// find loads the nearest file, sharing one parsed Config between all
// folders that resolve to the same file.
func (l *Loader) find(dir string) (*Config, error) {
	p, err := Find(dir)
	if err != nil {
		return nil, err
	}
	if p == "" {
		return &Config{}, nil
	}
	fileKey := "file:" + p
	if r, ok := l.byDir[fileKey]; ok {
		return r.cfg, r.err
	}
	cfg, err := Load(relToWorkingDir(p))
	if l.byDir == nil {
		l.byDir = make(map[string]loaded)
	}
	l.byDir[fileKey] = loaded{cfg, err}
	return cfg, err
}

// relToWorkingDir shortens an absolute path for messages.
func relToWorkingDir(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil {
		return rel
	}
	return p
}
