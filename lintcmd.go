package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/baseline"
	"github.com/reflint/reflint/lint/config"
	"github.com/reflint/reflint/lint/files"
	"github.com/reflint/reflint/lint/fix"
	"github.com/reflint/reflint/lint/lockfile"
	"github.com/reflint/reflint/lint/suppress"
)

func lintFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "format", Usage: "report format, repeatable: " + strings.Join(outputFormats, ", ") + " (default text)"},
		&cli.StringSliceFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the last --format(s) to these files instead of standard output"},
		&cli.StringFlag{Name: "fail-on", Usage: "exit 1 on findings at or above: error, warning, info or none (default error)"},
		&cli.StringSliceFlag{Name: "disable", Usage: "turn rules off (RULE[,RULE])"},
		&cli.StringSliceFlag{Name: "enable", Usage: "turn rules on (RULE[,RULE])"},
		&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour the text report: auto, always or never"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print findings only, no summary or coverage table"},
		&cli.StringFlag{Name: "input-format", Usage: "read inputs as text, markdown or html (default: by extension; standard input is text)"},
		&cli.StringFlag{Name: "config", Usage: "use this configuration file for every input"},
		&cli.BoolFlag{Name: "no-config", Usage: "use no configuration file"},
		&cli.StringFlag{Name: "baseline", Usage: "only findings not recorded in this baseline file count"},
		&cli.StringFlag{Name: "write-baseline", Usage: "record the current findings in this baseline file and exit 0"},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "files linted at once (default: the number of CPUs)"},
		&cli.Float64Flag{Name: "min-coverage", Usage: "report sections with less than this percentage of claims cited (low-coverage)"},
		&cli.BoolFlag{Name: "online", Usage: "verify entries against Crossref and PubMed"},
		&cli.BoolFlag{Name: "strict-online", Usage: "with --online, exit 1 when a look-up is inconclusive (network trouble)"},
		&cli.StringFlag{Name: "mailto", EnvVars: []string{"REFLINT_MAILTO"}, Usage: "contact address sent to Crossref and NCBI (polite pool)"},
		&cli.DurationFlag{Name: "timeout", Value: 2 * time.Minute, Usage: "overall time limit for online look-ups of one file"},
		&cli.StringFlag{Name: "cache-dir", EnvVars: []string{"REFLINT_CACHE_DIR"}, Usage: "where online answers are cached (default: the user cache directory)"},
		&cli.BoolFlag{Name: "no-cache", Usage: "neither read nor write the online cache"},
		&cli.BoolFlag{Name: "verbose", Usage: "print one line per online request on stderr"},
		&cli.StringFlag{Name: "lock", Usage: "lock file of online verdicts to write with --online, or read with --offline-lock"},
		&cli.BoolFlag{Name: "offline-lock", Usage: "with --online, take verdicts from the lock file and make no request"},
	}
}

// linter holds what linting each file needs.
type linter struct {
	c        *cli.Context
	stdin    []byte // standard input, read once when "-" is an input
	loader   *config.Loader
	flags    config.Flags
	inputFmt string
	checker  *checker       // nil offline
	lock     *lockfile.File // nil unless --online with a lock file
	lockPath string
	usage    *suppress.Usage
}

// fileOutcome is one file's result, or why it could not be linted.
type fileOutcome struct {
	result  lint.Result
	failOn  lint.Severity
	trouble error
}

func lintAction(c *cli.Context, stdin io.Reader, stdout, stderr io.Writer) error {
	outs, err := planOutputs(c.StringSlice("format"), c.StringSlice("output"))
	if err != nil {
		return troublef("%v", err)
	}
	text, err := textOptions(c, stdout)
	if err != nil {
		return err
	}
	if c.NArg() == 0 {
		return troublef("no input: name a file, or - for standard input (see reflint --help)")
	}
	l, root, err := newLinter(c, stdin, stderr)
	if err != nil {
		return err
	}
	paths, errs := files.Expand(c.Args().Slice(), root.Ignore)
	var troubles []string
	for _, e := range errs {
		troubles = append(troubles, e.Error())
	}
	workers := c.Int("jobs")
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	if l.checker != nil {
		workers = 1 // one online check at a time, paced per source
	}
	if path := c.String("write-baseline"); path != "" {
		return l.writeBaseline(path, paths, workers, stderr)
	}
	var known *baseline.Baseline
	if path := c.String("baseline"); path != "" {
		if known, err = baseline.ReadFile(path); err != nil {
			return troublef("%v", err)
		}
	}
	reps, err := openReports(stdout, outs, text)
	if err != nil {
		return troublef("writing the report: %v", err)
	}
	run := l.lintAll(paths, workers, known, reps)
	troubles = append(troubles, run.troubles...)
	if err := l.finishLock(); err != nil {
		return err
	}
	if err := reps.Close(); err != nil {
		return troublef("writing the report: %v", err)
	}
	switch {
	case len(troubles) > 0:
		return troublef("%s", strings.Join(troubles, "\nreflint: "))
	case run.fails:
		return errFindings
	case c.Bool("strict-online") && run.inconclusive > 0:
		fmt.Fprintf(stderr, "reflint: %d online look-ups were inconclusive (--strict-online)\n", run.inconclusive)
		return errFindings
	}
	return nil
}

// textOptions reads --color and --quiet for the text report on stdout.
func textOptions(c *cli.Context, stdout io.Writer) (lint.TextOptions, error) {
	color := c.String("color")
	if color != "auto" && color != "always" && color != "never" {
		return lint.TextOptions{}, troublef("--color: unknown value %q (want auto, always or never)", color)
	}
	tty := isTerminal(stdout)
	return lint.TextOptions{
		Color:   color == "always" || color == "auto" && tty && os.Getenv("NO_COLOR") == "",
		Context: tty,
		Quiet:   c.Bool("quiet"),
	}, nil
}

// runOutcome is what linting all files found, for the exit code.
type runOutcome struct {
	troubles     []string
	fails        bool // a finding at or above its file's fail-on
	inconclusive int  // online look-ups that could not conclude
}

// lintAll lints the files on a bounded pool and hands each result to the
// reports in path order as soon as it is ready.
func (l *linter) lintAll(paths []string, workers int, known *baseline.Baseline, reps *reports) runOutcome {
	var out runOutcome
	files.Stream(paths, workers, l.lintFile, func(_ int, o fileOutcome) {
		if o.trouble != nil {
			out.troubles = append(out.troubles, o.trouble.Error())
			return
		}
		r := o.result
		if known != nil {
			r = baseline.Filter([]lint.Result{r}, known).Results[0]
		}
		reps.Add(r)
		out.fails = out.fails || lint.CountAtLeast([]lint.Result{r}, o.failOn) > 0
		if r.Lookups != nil {
			out.inconclusive += r.Lookups.Inconclusive
		}
	})
	return out
}

// newLinter validates the flags and the configuration of the working
// folder, and prepares the online phase.
func newLinter(c *cli.Context, stdin io.Reader, stderr io.Writer) (*linter, config.Settings, error) {
	l := &linter{
		c:        c,
		loader:   &config.Loader{Explicit: c.String("config"), Disabled: c.Bool("no-config")},
		flags:    config.Flags{Enable: c.StringSlice("enable"), Disable: c.StringSlice("disable"), FailOn: c.String("fail-on")},
		inputFmt: c.String("input-format"),
		usage:    &suppress.Usage{},
	}
	if c.IsSet("min-coverage") {
		v := c.Float64("min-coverage")
		l.flags.MinCoverage = &v
	}
	if _, err := formatOf("", l.inputFmt); err != nil {
		return nil, config.Settings{}, troublef("%v", err)
	}
	cfg, err := l.loader.ForDir(".")
	if err != nil {
		return nil, config.Settings{}, troublef("%v", err)
	}
	root, err := cfg.Apply(l.flags)
	if err != nil {
		return nil, config.Settings{}, troublef("%v", err)
	}
	for _, a := range c.Args().Slice() {
		if a == "-" {
			if l.stdin, err = io.ReadAll(stdin); err != nil {
				return nil, root, troublef("<stdin>: cannot read: %v", err)
			}
			break
		}
	}
	if c.Bool("online") {
		if err := l.startOnline(stderr, root.Online); err != nil {
			return nil, root, err
		}
	} else if c.Bool("offline-lock") {
		return nil, root, troublef("--offline-lock goes with --online")
	}
	return l, root, nil
}

func (l *linter) startOnline(stderr io.Writer, online config.Online) error {
	path := l.c.String("lock")
	if path == "" {
		path = online.LockFile
	}
	if l.c.Bool("offline-lock") && path == "" {
		return troublef("--offline-lock needs --lock FILE (or online.lock-file in the configuration)")
	}
	if path != "" {
		lock, err := lockfile.Read(path)
		if err != nil {
			return troublef("%v", err)
		}
		l.lock, l.lockPath = lock, path
	}
	if !l.c.Bool("offline-lock") {
		l.checker = newCheckerWith(l.c, stderr, l.c.Bool("no-cache"), online)
	}
	return nil
}

// finishLock writes back the lock file the online phase updated.
func (l *linter) finishLock() error {
	if l.lock == nil || l.checker == nil {
		return nil
	}
	if err := l.lock.Write(l.lockPath); err != nil {
		return troublef("writing the lock file: %v", err)
	}
	return nil
}

// lintFile reads, parses, checks and lints one file with the settings of
// its folder's configuration.
func (l *linter) lintFile(path string) (out fileOutcome) {
	defer func() {
		// A bug must not cost the other files their report: name the
		// file and go on (exit code 2).
		if r := recover(); r != nil {
			out = fileOutcome{trouble: fmt.Errorf("%s: internal error, please report it: %v", displayName(path), r)}
		}
	}()
	cfg, err := l.loader.ForFile(path)
	if path == "-" {
		cfg, err = l.loader.ForDir(".")
	}
	if err != nil {
		return fileOutcome{trouble: err}
	}
	s, err := cfg.Apply(l.flags)
	if err != nil {
		return fileOutcome{trouble: err}
	}
	src := l.stdin
	if path != "-" {
		if src, err = readInput(path, nil); err != nil {
			return fileOutcome{trouble: err}
		}
	} else if !lint.IsText(src) {
		return fileOutcome{trouble: fmt.Errorf("<stdin>: not a text file (binary content)")}
	}
	format, _ := formatOf(path, l.inputFmt)
	if path == "-" && l.inputFmt == "" {
		format = "text"
	}
	doc := parseInput(displayName(path), src, format, s.Parse)
	var stats *lint.LookupStats
	switch {
	case l.lock != nil && l.checker == nil:
		stats = replayLock(l.lock, doc)
	case l.checker != nil:
		stats = lookUp(l.c, l.checker, doc)
		if l.lock != nil {
			l.lock.Update(doc.References, lookupsOf(doc), time.Now())
		}
	}
	findings := lint.RunWith(doc, s.Rules, s.Lint)
	findings = suppress.FilterWith(doc, findings, s.Suppress, suppress.Options{Ran: s.Rules, Usage: l.usage})
	offerFix(doc, findings, format, s.Parse)
	return fileOutcome{result: lint.Result{Doc: doc, Findings: s.Adjust(findings), Lookups: stats}, failOn: s.FailOn}
}

// fixable are the rules whose findings reflint fix resolves.
var fixable = map[string]bool{"duplicate-reference": true, "citation-order": true, "reference-numbering": true}

// offerFix attaches the document's fix (merge duplicates, renumber in
// order of first citation) to the findings it resolves, for the JSON
// "fix" field and SARIF fixes. No fix is offered when planning one would
// have to guess.
func offerFix(doc *lint.Document, findings []lint.Finding, format string, opts lint.ParseOptions) {
	if !slices.ContainsFunc(findings, func(f lint.Finding) bool { return fixable[f.Rule] }) {
		return
	}
	edits, err := fix.PlanWith(doc, fix.Options{Reparse: func(name string, src []byte) *lint.Document {
		return parseInput(name, src, format, opts)
	}})
	if err != nil || len(edits) == 0 {
		return
	}
	fx := &lint.Fix{Message: "Merge duplicate entries and renumber the list in order of first citation"}
	for _, e := range edits {
		fx.Edits = append(fx.Edits, lint.Edit{Span: lint.Span{Start: e.Start, End: e.End}, NewText: e.Text})
	}
	for i := range findings {
		if fixable[findings[i].Rule] {
			findings[i].Fix = fx
		}
	}
}

// writeBaseline records the findings of every file in a baseline file.
// A baseline is written for the whole run, so it keeps every result.
func (l *linter) writeBaseline(path string, paths []string, workers int, stderr io.Writer) error {
	var results []lint.Result
	var troubles []string
	for _, o := range files.Lint(paths, workers, l.lintFile) {
		if o.trouble != nil {
			troubles = append(troubles, o.trouble.Error())
			continue
		}
		results = append(results, o.result)
	}
	if err := baseline.WriteFile(path, results); err != nil {
		return troublef("writing the baseline: %v", err)
	}
	n := 0
	for _, r := range results {
		n += len(r.Findings)
	}
	fmt.Fprintf(stderr, "reflint: recorded %s in %s\n", plural(n, "finding"), path)
	if len(troubles) > 0 {
		return troublef("%s", strings.Join(troubles, "\nreflint: "))
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
