// Command reflint checks the citations of an article: every marker
// resolves, every entry is cited once, the list is numbered in order of
// first citation and its entries are complete.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/suppress"
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
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "reflint: internal error, please report it: %v\n", r)
			code = exitTrouble
		}
	}()
	app := newApp(stdin, stdout, stderr)
	err := app.Run(reorderArgs(app, args))
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
	app := &cli.App{
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
			lockCommand(stdin, stdout, stderr),
			fixCommand(stdin, stdout),
			refsCommand(stdin, stdout),
			{
				Name:  "rules",
				Usage: "list every rule with its severity and title",
				Action: func(*cli.Context) error {
					for _, r := range allRules() {
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
						format, _ := formatOf(path, "")
						if path == "-" {
							format = "text"
						}
						doc := parseInput(displayName(path), src, format, lint.ParseOptions{})
						if err := lint.WriteCoverage(stdout, doc); err != nil {
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
					r := ruleNamed(c.Args().First())
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
	for _, cmd := range app.Commands {
		cmd.OnUsageError = func(c *cli.Context, err error, _ bool) error {
			return troublef("%s: %v (see reflint %s --help)", c.Command.Name, err, c.Command.Name)
		}
	}
	return app
}

// allRules are lint's rules and the suppression rule, which is applied by
// the command rather than run on a document.
func allRules() []*lint.Rule { return append(lint.All(), suppress.Rule) }

func ruleNamed(name string) *lint.Rule {
	for _, r := range allRules() {
		if r.Name == name {
			return r
		}
	}
	return nil
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
