package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/fix"
)

// fixCommand is "reflint fix FILE...": print the unified diff that merges
// duplicate entries and renumbers the list in order of first citation, or
// apply it with --write.
func fixCommand(stdin io.Reader, stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "fix",
		Usage:     "merge duplicate entries and renumber the list in order of first citation (prints a diff)",
		ArgsUsage: "FILE...",
		Description: "Prints a unified diff of the fix; --write applies it, keeping the original as FILE.orig.\n" +
			"Only citation markers and the reference list change. A file whose fix would have to guess\n" +
			"(an entry number printed for two works, a marker whose missing entry renumbering would fill)\n" +
			"is left alone and reported, with exit code 2.",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "write", Aliases: []string{"w"}, Usage: "apply the fix to the file (atomically) instead of printing the diff"},
			&cli.BoolFlag{Name: "no-backup", Usage: "with --write, do not keep the original as FILE.orig"},
		},
		Action: func(c *cli.Context) error {
			return fixAction(c, stdin, stdout)
		},
	}
}

func fixAction(c *cli.Context, stdin io.Reader, stdout io.Writer) error {
	files := c.Args().Slice()
	if len(files) == 0 {
		return troublef("fix: name a file, or - for standard input (see reflint fix --help)")
	}
	write, backup := c.Bool("write"), !c.Bool("no-backup")
	if !write && !backup {
		return troublef("fix: --no-backup only applies with --write")
	}
	var troubles []string
	for _, path := range files {
		if write && path == "-" {
			troubles = append(troubles, "fix: cannot --write standard input; without --write the diff is printed")
			continue
		}
		src, err := readInput(path, stdin)
		if err != nil {
			troubles = append(troubles, err.Error())
			continue
		}
		name, parse := displayName(path), parserFor(path)
		edits, err := fix.PlanWith(parse(name, src), fix.Options{Reparse: parse})
		if err != nil {
			troubles = append(troubles, name+": "+err.Error())
			continue
		}
		if len(edits) == 0 {
			continue
		}
		fixed := fix.Apply(src, edits)
		if !write {
			if _, err := io.WriteString(stdout, fix.UnifiedDiff(name, src, fixed)); err != nil {
				return troublef("writing the diff: %v", err)
			}
			continue
		}
		if err := replaceFile(path, src, fixed, backup); err != nil {
			troubles = append(troubles, err.Error())
		}
	}
	if len(troubles) > 0 {
		return troublef("%s", strings.Join(troubles, "\nreflint: "))
	}
	return nil
}

// parserFor returns the parser for an input file. The fix and refs
// commands read articles only through it (fix also checks its plan by
// parsing the fixed text with it), so that a format dispatcher replaces
// it in one place.
func parserFor(path string) func(name string, src []byte) *lint.Document {
	format, _ := formatOf(path, "")
	if path == "-" {
		format = "text"
	}
	return func(name string, src []byte) *lint.Document {
		return parseInput(name, src, format, lint.ParseOptions{})
	}
}

// replaceFile atomically replaces path's content with fixed: the new
// content goes to a temporary file in the same directory, which is then
// renamed over the file (through a symbolic link to its target), keeping
// the file's permissions. With backup the original content is first
// saved, just as atomically, as path.orig.
func replaceFile(path string, original, fixed []byte, backup bool) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return troublef("%s: %v", path, err)
	}
	info, err := os.Stat(target)
	if err != nil {
		return troublef("%s: %v", path, err)
	}
	perm := info.Mode().Perm()
	if backup {
		if err := writeFileAtomic(path+".orig", original, perm); err != nil {
			return troublef("%s: keeping the original: %v", path, err)
		}
	}
	if err := writeFileAtomic(target, fixed, perm); err != nil {
		return troublef("%s: writing the fix: %v", path, err)
	}
	return nil
}

// writeFileAtomic writes data to a temporary file beside path, flushes it
// to disk and renames it to path, so that readers see the old content or
// the new, never a mixture.
func writeFileAtomic(path string, data []byte, perm os.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil { // make the rename durable where the system allows
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
