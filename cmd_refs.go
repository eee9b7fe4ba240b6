package main

import (
	"bytes"
	"io"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/reflint/reflint/lint/export"
)

// refsCommand is "reflint refs FILE --format F": write the parsed entries
// of the article's reference list for citation tools.
func refsCommand(stdin io.Reader, stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "refs",
		Usage:     "write the entries of the reference list for citation tools",
		ArgsUsage: "FILE",
		Description: "Writes the parsed entries as CSL-JSON (Zotero, Pandoc, citeproc), BibTeX, RIS (EndNote,\n" +
			"Mendeley) or TSV, with stable citation keys. A file without a reference list gives an empty export.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "csl-json", Usage: "export format: " + strings.Join(export.Formats, ", ")},
		},
		Action: func(c *cli.Context) error {
			return refsAction(c, stdin, stdout)
		},
	}
}

func refsAction(c *cli.Context, stdin io.Reader, stdout io.Writer) error {
	files := c.Args().Slice()
	format := c.String("format")
	if !slices.Contains(export.Formats, format) {
		return troublef("refs: --format: unknown format %q (want %s)", format, strings.Join(export.Formats, ", "))
	}
	if len(files) != 1 {
		return troublef("refs: name one file, or - for standard input (see reflint refs --help)")
	}
	src, err := readInput(files[0], stdin)
	if err != nil {
		return troublef("%v", err)
	}
	doc := parserFor(files[0])(displayName(files[0]), src)
	var b bytes.Buffer
	if err := export.Write(&b, doc.References, format); err != nil {
		return troublef("refs: %v", err)
	}
	if _, err := stdout.Write(b.Bytes()); err != nil {
		return troublef("writing the export: %v", err)
	}
	return nil
}
