package export

import (
	"io"
	"strconv"
	"strings"

	"github.com/reflint/reflint/lint"
)

// writeRIS writes one RIS record per reference: "TAG  - value" lines
// ending in CR LF, as the RIS specification has it, closed by "ER  - ".
func writeRIS(w io.Writer, entries []entry) error {
	var bw strings.Builder
	for _, e := range entries {
		f := e.fields
		tag := func(t, value string) {
			if value = oneLine(value); value != "" {
				bw.WriteString(t + "  - " + value + "\r\n")
			}
		}
		tag("TY", risType(e.ref.Kind, f))
		tag("ID", e.key)
		for _, a := range f.Authors {
			tag("AU", a)
		}
		tag("TI", e.title())
		tag("T2", f.Container)
		if f.Year != 0 {
			tag("PY", strconv.Itoa(f.Year))
		}
		tag("VL", f.Volume)
		tag("IS", f.Issue)
		first, last := pageRange(f.Pages)
		tag("SP", first)
		tag("EP", last)
		tag("DO", f.DOI)
		if f.PMID != "" {
			tag("AN", "PMID: "+f.PMID)
		}
		if f.PMCID != "" {
			tag("AN", "PMCID: "+f.PMCID)
		}
		tag("UR", f.URL)
		bw.WriteString("ER  - \r\n\r\n")
	}
	_, err := io.WriteString(w, bw.String())
	return err
}

// risType maps an entry's kind to a RIS reference type.
func risType(k lint.Kind, f lint.Fields) string {
	switch k {
	case lint.KindJournalArticle:
		return "JOUR"
	case lint.KindBook:
		return "BOOK"
	case lint.KindBookChapter:
		return "CHAP"
	case lint.KindWebPage:
		return "ELEC"
	case lint.KindPreprint:
		return "UNPB"
	case lint.KindReport:
		return "RPRT"
	case lint.KindGuideline:
		if scholarly(f) {
			return "JOUR"
		}
		return "RPRT"
	}
	if f.Container != "" {
		return "JOUR"
	}
	return "GEN"
}
