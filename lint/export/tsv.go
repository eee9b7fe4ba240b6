package export

import (
	"io"
	"strconv"
	"strings"
)

// tsvColumns are the header of the TSV export.
var tsvColumns = []string{"number", "key", "kind", "evidence", "authors", "year", "title", "container",
	"volume", "issue", "pages", "doi", "pmid", "pmcid", "url", "text"}

// writeTSV writes a header and one row per reference; tabs and line
// breaks inside values become spaces, authors are joined by "; ".
func writeTSV(w io.Writer, entries []entry) error {
	var bw strings.Builder
	bw.WriteString(strings.Join(tsvColumns, "\t") + "\n")
	for _, e := range entries {
		f := e.fields
		year := ""
		if f.Year != 0 {
			year = strconv.Itoa(f.Year)
		}
		row := []string{strconv.Itoa(e.ref.Number), e.key, string(e.ref.Kind), string(e.ref.Evidence),
			strings.Join(f.Authors, "; "), year, f.Title, f.Container, f.Volume, f.Issue, f.Pages,
			f.DOI, f.PMID, f.PMCID, f.URL, e.ref.Text}
		for i, v := range row {
			row[i] = oneLine(v)
		}
		bw.WriteString(strings.Join(row, "\t") + "\n")
	}
	_, err := io.WriteString(w, bw.String())
	return err
}
