package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/config"
	"github.com/reflint/reflint/lint/lockfile"
)

// lockCommand re-checks articles online and records the verdicts in a lock
// file, printing what changed since the last check.
func lockCommand(stdin io.Reader, stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "lock",
		Usage:     "check articles online and record the verdicts in a lock file; print what changed",
		ArgsUsage: "FILE...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lock", Value: "reflint.lock.json", Usage: "the lock file"},
			&cli.BoolFlag{Name: "refresh", Usage: "ask the sources again instead of the cache"},
			&cli.StringFlag{Name: "mailto", EnvVars: []string{"REFLINT_MAILTO"}, Usage: "contact address for Crossref and NCBI"},
			&cli.DurationFlag{Name: "timeout", Value: 2 * time.Minute, Usage: "time limit for the look-ups of one file"},
			&cli.StringFlag{Name: "cache-dir", EnvVars: []string{"REFLINT_CACHE_DIR"}, Usage: "where online answers are cached"},
			&cli.BoolFlag{Name: "verbose", Usage: "print one line per request on stderr"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return troublef("lock: name the articles to check")
			}
			before, err := lockfile.Read(c.String("lock"))
			if err != nil {
				return troublef("%v", err)
			}
			after := &lockfile.File{Version: lockfile.Version, Entries: append([]lockfile.Entry{}, before.Entries...)}
			checker := newCheckerWith(c, stderr, c.Bool("refresh"), config.Online{})
			numbers := map[string]string{} // lock key → "file #n", to name changes
			for _, path := range c.Args().Slice() {
				src, err := readInput(path, stdin)
				if err != nil {
					return troublef("%v", err)
				}
				doc := lint.ParseText(displayName(path), src, lint.ParseOptions{})
				lookUp(c, checker, doc)
				after.Update(doc.References, lookupsOf(doc), time.Now())
				for _, r := range doc.References {
					numbers[lockfile.Key(r.Text)] = fmt.Sprintf("%s #%d", doc.Name, r.Number)
				}
			}
			changes := lockfile.Diff(before, after)
			retracted := false
			for _, ch := range changes {
				fmt.Fprintf(stdout, "%s: %s\n", numbers[ch.Key], ch.What)
				retracted = retracted || strings.HasPrefix(ch.What, "newly retracted")
			}
			if len(changes) == 0 {
				fmt.Fprintln(stdout, "no change since the last check")
			}
			if err := after.Write(c.String("lock")); err != nil {
				return troublef("writing the lock file: %v", err)
			}
			if retracted {
				return errFindings
			}
			return nil
		},
	}
}
