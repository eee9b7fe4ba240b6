package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// reorderArgs moves flags before file names, so that
// "reflint article.txt --format json" and "reflint fix FILE --write" work
// as users expect: urfave/cli stops parsing flags at the first file name.
// Which flags take a value is read from the app's own flag lists, so it
// cannot drift from them. Everything after "--" is left alone.
func reorderArgs(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	prefix, rest, flags := args[:1], args[1:], app.Flags
	for _, cmd := range app.Commands {
		if cmd.HasName(rest[0]) {
			prefix, rest, flags = args[:2], args[2:], cmd.Flags
			break
		}
	}
	takesValue := map[string]bool{}
	for _, f := range flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var moved, files []string
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			files = append(files, rest[i+1:]...)
			i = len(rest)
		case strings.HasPrefix(a, "-") && a != "-":
			moved = append(moved, a)
			if takesValue[strings.TrimLeft(a, "-")] && i+1 < len(rest) {
				moved = append(moved, rest[i+1])
				i++
			}
		default:
			files = append(files, a)
		}
	}
	out := append(append([]string{}, prefix...), moved...)
	if len(files) > 0 {
		out = append(out, "--")
	}
	return append(out, files...)
}
