// Command reflint checks the citations of an article: every marker
// resolves, every entry is cited once, the list is numbered in order of
// first citation and its entries are complete.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/sources"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit codes. They depend on findings only, never on the output format.
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // at least one finding at or above --fail-on
	exitTrouble  = 2 // reflint could not run: bad flag, unreadable input
)

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// errFindings tells run that findings reached --fail-on.
var errFindings = errors.New("findings at or above --fail-on")

// troubleError is an error that means reflint could not do its job.
type troubleError struct{ msg string }

func (e *troubleError) Error() string { return e.msg }

func troublef(format string, args ...any) error { return &troubleError{fmt.Sprintf(format, args...)} }

// run is the whole program, callable in-process by tests.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	err := app.Run(reorderArgs(args))
	var trouble *troubleError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.As(err, &trouble):
		fmt.Fprintf(stderr, "reflint: %s\n", trouble.msg)
		return exitTrouble
	default:
		fmt.Fprintf(stderr, "reflint: %v\n", err)
		return exitTrouble
	}
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:      "reflint",
		Usage:     "check the citations and reference list of an article",
		UsageText: "reflint [flags] FILE...   (- reads standard input)",
		Version:   version,
		Writer:    stdout,
		ErrWriter: stderr,
		// urfave/cli must never call os.Exit: run maps errors to codes.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return troublef("%v (see reflint --help)", err)
		},
		HideHelpCommand: true,
		Flags:           lintFlags(),
		Action: func(c *cli.Context) error {
			return lintAction(c, stdin, stdout, stderr)
		},
		Commands: []*cli.Command{
			{
				Name:  "rules",
				Usage: "list every rule with its severity and title",
				Action: func(*cli.Context) error {
					for _, r := range lint.All() {
						fmt.Fprintf(stdout, "%-24s %-8s %s\n", r.Name, r.Severity, r.Title)
					}
					return nil
				},
			},
			{
				Name:      "coverage",
				Usage:     "print only the claim-coverage table of each file",
				ArgsUsage: "FILE...",
				Action: func(c *cli.Context) error {
					if c.NArg() == 0 {
						return troublef("coverage: name a file, or - for standard input")
					}
					var troubles []string
					for _, path := range c.Args().Slice() {
						src, err := readInput(path, stdin)
						if err != nil {
							troubles = append(troubles, err.Error())
							continue
						}
						if err := lint.WriteCoverage(stdout, lint.ParseText(displayName(path), src, lint.ParseOptions{})); err != nil {
							return troublef("writing the report: %v", err)
						}
					}
					if len(troubles) > 0 {
						return troublef("%s", strings.Join(troubles, "\nreflint: "))
					}
					return nil
				},
			},
			{
				Name:      "explain",
				Usage:     "print a rule's documentation with a bad and a good example",
				ArgsUsage: "RULE",
				Action: func(c *cli.Context) error {
					r := lint.ByName(c.Args().First())
					if r == nil {
						return troublef("unknown rule %q (reflint rules lists them)", c.Args().First())
					}
					fmt.Fprintf(stdout, "%s (%s): %s\n\n%s\n\nBad:\n%s\n\nGood:\n%s\n", r.Name, r.Severity, r.Title, r.Doc,
						indentText(r.Bad), indentText(r.Good))
					return nil
				},
			},
		},
	}
}

func lintFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text or json"},
		&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 on findings at or above: error, warning, info or none"},
		&cli.StringSliceFlag{Name: "disable", Usage: "turn rules off (RULE[,RULE])"},
		&cli.StringSliceFlag{Name: "enable", Usage: "turn rules on (RULE[,RULE])"},
		&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour the text report: auto, always or never"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print findings only, no summary or coverage table"},
		&cli.BoolFlag{Name: "online", Usage: "verify entries against Crossref and PubMed"},
		&cli.BoolFlag{Name: "strict-online", Usage: "with --online, exit 1 when a look-up is inconclusive (network trouble)"},
		&cli.StringFlag{Name: "mailto", EnvVars: []string{"REFLINT_MAILTO"}, Usage: "contact address sent to Crossref and NCBI (polite pool)"},
		&cli.DurationFlag{Name: "timeout", Value: 2 * time.Minute, Usage: "overall time limit for online look-ups of one file"},
		&cli.StringFlag{Name: "cache-dir", EnvVars: []string{"REFLINT_CACHE_DIR"}, Usage: "where online answers are cached (default: the user cache directory)"},
		&cli.BoolFlag{Name: "no-cache", Usage: "neither read nor write the online cache"},
		&cli.BoolFlag{Name: "verbose", Usage: "print one line per online request on stderr"},
		&cli.Float64Flag{Name: "min-coverage", Usage: "report sections with less than this percentage of claims cited (low-coverage)"},
	}
}

func lintAction(c *cli.Context, stdin io.Reader, stdout, stderr io.Writer) error {
	failOn, err := lint.ParseSeverity(c.String("fail-on"))
	if err != nil {
		return troublef("--fail-on: %v", err)
	}
	rules, err := lint.Select(c.StringSlice("enable"), c.StringSlice("disable"))
	if err != nil {
		return troublef("%v", err)
	}
	format := c.String("format")
	if format != "text" && format != "json" {
		return troublef("--format: unknown format %q (want text or json)", format)
	}
	color := c.String("color")
	if color != "auto" && color != "always" && color != "never" {
		return troublef("--color: unknown value %q (want auto, always or never)", color)
	}
	if c.NArg() == 0 {
		return troublef("no input: name a file, or - for standard input (see reflint --help)")
	}
	checker := newChecker(c, stderr)
	inconclusive := 0
	var results []lint.Result
	var troubles []string
	for _, path := range c.Args().Slice() {
		src, err := readInput(path, stdin)
		if err != nil {
			troubles = append(troubles, err.Error())
			continue
		}
		doc := lint.ParseText(displayName(path), src, lint.ParseOptions{})
		var stats *lint.LookupStats
		if checker != nil {
			stats = lookUp(c, checker, doc)
			inconclusive += stats.Inconclusive
		}
		cfg := lint.Config{MinCoverage: c.Float64("min-coverage") / 100}
		results = append(results, lint.Result{Doc: doc, Findings: lint.RunWith(doc, rules, cfg), Lookups: stats})
	}
	if format == "json" {
		err = lint.WriteJSON(stdout, results)
	} else {
		tty := isTerminal(stdout)
		err = lint.WriteText(stdout, results, lint.TextOptions{
			Color:   color == "always" || color == "auto" && tty && os.Getenv("NO_COLOR") == "",
			Context: tty,
			Quiet:   c.Bool("quiet"),
		})
	}
	if err != nil {
		return troublef("writing the report: %v", err)
	}
	if len(troubles) > 0 {
		return troublef("%s", strings.Join(troubles, "\nreflint: "))
	}
	if lint.CountAtLeast(results, failOn) > 0 {
		return errFindings
	}
	if c.Bool("strict-online") && inconclusive > 0 {
		fmt.Fprintf(stderr, "reflint: %d online look-ups were inconclusive (--strict-online)\n", inconclusive)
		return errFindings
	}
	return nil
}

// newChecker builds the online checker for --online, or returns nil.
func newChecker(c *cli.Context, stderr io.Writer) *sources.Checker {
	if !c.Bool("online") {
		return nil
	}
	opts := sources.OptionsFromEnv(version)
	opts.Mailto = c.String("mailto")
	opts.CacheDir = c.String("cache-dir")
	opts.NoCache = c.Bool("no-cache")
	opts.Timeout = c.Duration("timeout")
	if c.Bool("verbose") {
		opts.Verbose = stderr
	}
	return sources.New(opts)
}

// lookUp verifies a document's entries online and attaches the verdicts.
// Network trouble yields inconclusive verdicts, never an error.
func lookUp(c *cli.Context, checker *sources.Checker, doc *lint.Document) *lint.LookupStats {
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt)
	defer stop()
	lookups, st := checker.Check(ctx, doc.References)
	doc.ApplyLookups(lookups)
	return &lint.LookupStats{Requests: st.Requests, CacheHits: st.CacheHits, Verified: st.Verified,
		Mismatch: st.Mismatch, NotFound: st.NotFound, Inconclusive: st.Inconclusive}
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

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func indentText(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}
