package export

import (
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reflint/reflint/lint"
)

// writeBibTeX writes one entry per reference. Text stays UTF-8 (biber,
// BibTeX8 and modern LaTeX read it); the characters TeX treats specially
// are escaped, words with inner capitals (CYP1A2, mRNA, HIIT) are braced
// so that styles do not lower-case them, and page ranges use "--". DOI
// and URL are written as they are, since biblatex and the url package
// read them verbatim.
func writeBibTeX(w io.Writer, entries []entry) error {
	var bw strings.Builder
	for i, e := range entries {
		if i > 0 {
			bw.WriteString("\n")
		}
		f := e.fields
		typ, container := bibType(e.ref.Kind, f)
		bw.WriteString("@" + typ + "{" + e.key + ",\n")
		field := func(name, value string) {
			if value != "" {
				bw.WriteString("  " + name + " = {" + value + "},\n")
			}
		}
		var names []string
		for _, a := range f.Authors {
			a = bibEscape(oneLine(a))
			if strings.Contains(a, " ") {
				a = "{" + a + "}" // a compound surname is one last name
			}
			names = append(names, a)
		}
		field("author", strings.Join(names, " and "))
		field("title", protectCase(bibEscape(oneLine(e.title()))))
		field(container, bibEscape(oneLine(f.Container)))
		if f.Year != 0 {
			field("year", strconv.Itoa(f.Year))
		}
		field("volume", bibEscape(f.Volume))
		field("number", bibEscape(f.Issue))
		if first, last := pageRange(f.Pages); last != "" {
			field("pages", bibEscape(first)+"--"+bibEscape(last))
		} else {
			field("pages", bibEscape(first))
		}
		field("doi", verbatim(f.DOI))
		field("pmid", bibEscape(f.PMID))
		field("pmcid", bibEscape(f.PMCID))
		field("url", verbatim(f.URL))
		bw.WriteString("}\n")
	}
	_, err := io.WriteString(w, bw.String())
	return err
}

// bibType maps an entry's kind to a BibTeX entry type and the field that
// holds its container.
func bibType(k lint.Kind, f lint.Fields) (typ, container string) {
	switch k {
	case lint.KindJournalArticle:
		return "article", "journal"
	case lint.KindBook:
		return "book", "publisher"
	case lint.KindBookChapter:
		return "incollection", "booktitle"
	case lint.KindReport:
		return "techreport", "institution"
	case lint.KindGuideline:
		if scholarly(f) {
			return "article", "journal"
		}
		return "misc", "howpublished"
	case lint.KindWebPage, lint.KindPreprint:
		return "misc", "howpublished"
	}
	if f.Container != "" && (scholarly(f) || f.Pages != "") {
		return "article", "journal"
	}
	return "misc", "howpublished"
}

// bibEscape escapes the characters that TeX reads as commands or that
// would unbalance a braced field.
func bibEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case '{', '}', '&', '%', '$', '#', '_':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '~':
			b.WriteString(`\textasciitilde{}`)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// verbatim keeps a DOI or URL as it is but percent-encodes braces and
// backslashes, the only characters a verbatim field cannot hold.
func verbatim(s string) string {
	return strings.NewReplacer("{", "%7B", "}", "%7D", `\`, "%5C", " ", "%20").Replace(s)
}

// protectCase braces the words of a title whose capitals must survive a
// style that lower-cases titles (see keepCase).
func protectCase(s string) string {
	var b strings.Builder
	for i, w := range strings.Split(s, " ") {
		if i > 0 {
			b.WriteByte(' ')
		}
		core := strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if keepCase(core) && !strings.ContainsAny(core, `{}\`) {
			b.WriteString("{" + core + "}" + w[len(core):])
			continue
		}
		b.WriteString(w)
	}
	return b.String()
}

// keepCase reports whether a word's capitals carry meaning: a capital
// after the first letter (HIIT, mRNA), a capital with a digit (D3,
// CYP1A2, COVID-19) or a lone capital other than "A" and "I" (vitamin D).
func keepCase(w string) bool {
	first, size := utf8.DecodeRuneInString(w)
	upper, digit := unicode.IsUpper(first), false
	for _, r := range w[size:] {
		if unicode.IsUpper(r) {
			return true
		}
		digit = digit || unicode.IsDigit(r)
	}
	letters := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	return upper && digit || utf8.RuneCountInString(letters) == 1 && unicode.IsUpper(first) && letters != "A" && letters != "I"
}
