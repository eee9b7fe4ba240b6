package main

import "strings"

// valueFlags are the flags that take a value in the next argument.
var valueFlags = map[string]bool{"format": true, "fail-on": true, "disable": true, "enable": true, "color": true, "min-coverage": true,
	"mailto": true, "timeout": true, "cache-dir": true, "lock": true,
	"output": true, "o": true, "input-format": true, "config": true, "baseline": true, "write-baseline": true, "jobs": true, "j": true}

// reorderArgs moves flags before file names, so that
// "reflint article.txt --format json" works as users expect; urfave/cli
// stops parsing flags at the first file name. Subcommands and everything
// after "--" are left alone.
func reorderArgs(args []string) []string {
	if len(args) < 2 {
		return args
	}
	var flags, files []string
	rest := args[1:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			files = append(files, rest[i:]...)
			i = len(rest)
		case strings.HasPrefix(a, "-") && a != "-":
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if valueFlags[name] && i+1 < len(rest) {
				flags = append(flags, rest[i+1])
				i++
			}
		case len(files) == 0 && len(flags) == 0 && isCommand(a):
			return args
		default:
			files = append(files, a)
		}
	}
	out := append([]string{args[0]}, flags...)
	if len(files) > 0 && files[0] != "--" {
		out = append(out, "--")
	}
	return append(out, files...)
}

func isCommand(a string) bool {
	switch a {
	case "rules", "explain", "coverage", "lock", "fix", "refs", "help":
		return true
	}
	return false
}
