// Package export writes an article's parsed reference entries for
// citation tools: CSL-JSON (Zotero, Pandoc, citeproc), BibTeX, RIS
// (EndNote, Mendeley) and TSV for spreadsheets.
//
// Each entry is written from its parsed Fields. When an online verdict is
// attached (Reference.Lookup) and found the same work, its DOI and PMID
// and the year, journal, volume, issue and pages it reported as different
// replace the entry's own; a title is never replaced, since a differing
// title suggests another work rather than a typo. Verdicts whose
// identifier points at another work, and entries that point at a
// retraction or correction notice, keep their own fields.
//
// Citation keys are stable: the first author's surname (or, failing that,
// the first word of the title), the year and the first significant word
// of the title, folded to ASCII ("mueller2019sleep"); entries that would
// share a key get a, b, c… in list order, and an entry with nothing to
// build a key from is "refN" after its number.
package export

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/reflint/reflint/lint"
)

// Formats are the names Write accepts.
var Formats = []string{"csl-json", "bibtex", "ris", "tsv"}

// Write writes the entries in the named format: "csl-json", "bibtex",
// "ris" or "tsv".
func Write(w io.Writer, refs []lint.Reference, format string) error {
	entries := prepare(refs)
	switch format {
	case "csl-json":
		return writeCSL(w, entries)
	case "bibtex":
		return writeBibTeX(w, entries)
	case "ris":
		return writeRIS(w, entries)
	case "tsv":
		return writeTSV(w, entries)
	}
	return fmt.Errorf("unknown export format %q (want %s)", format, strings.Join(Formats, ", "))
}

// entry is a reference ready to write: its effective fields and key.
type entry struct {
	ref    lint.Reference
	fields lint.Fields
	key    string
}

func prepare(refs []lint.Reference) []entry {
	out := make([]entry, len(refs))
	count := map[string]int{}
	for i, r := range refs {
		out[i] = entry{ref: r, fields: Corrected(r)}
		out[i].key = baseKey(out[i].fields, r.Number)
		count[out[i].key]++
	}
	// Keys shared by several entries get a, b, c… in list order; a
	// suffixed key that collides with another base key gets the next letter.
	used := map[string]bool{}
	for k, n := range count {
		if n == 1 {
			used[k] = true
		}
	}
	for i := range out {
		k := out[i].key
		if count[k] == 1 {
			continue
		}
		for s := 0; ; s++ {
			cand := k + suffix(s)
			if !used[cand] {
				out[i].key = cand
				used[cand] = true
				break
			}
		}
	}
	return out
}

// suffix returns a, b, …, z, aa, ab, … for 0, 1, ….
func suffix(n int) string {
	s := ""
	for {
		s = string(rune('a'+n%26)) + s
		n = n/26 - 1
		if n < 0 {
			return s
		}
	}
}

// Corrected returns the entry's fields with the corrections of its online
// verdict applied (see the package documentation).
func Corrected(r lint.Reference) lint.Fields {
	f := r.Fields
	f.Authors = slices.Clone(f.Authors)
	l := r.Lookup
	if l == nil || l.IsNotice || l.Problem == "identifier-mismatch" ||
		l.Status != lint.LookupVerified && l.Status != lint.LookupMismatch {
		return f
	}
	if l.DOI != "" {
		f.DOI = strings.ToLower(l.DOI)
	}
	if l.PMID != "" {
		f.PMID = l.PMID
	}
	for _, d := range l.Diffs {
		v := strings.TrimSpace(d.Record)
		if v == "" {
			continue
		}
		switch d.Field {
		case "year":
			if y, err := strconv.Atoi(v); err == nil {
				f.Year = y
			}
		case "journal":
			f.Container = v
		case "volume":
			f.Volume = v
		case "issue":
			f.Issue = v
		case "pages":
			f.Pages = v
		case "doi":
			f.DOI = strings.ToLower(v)
		case "pmid":
			f.PMID = v
		}
	}
	return f
}

// title is the entry's title, or its whole text when no title was found,
// so that no entry is exported empty.
func (e entry) title() string {
	if e.fields.Title != "" {
		return e.fields.Title
	}
	if e.fields.Container == "" {
		return e.ref.Text
	}
	return ""
}

// scholarly reports whether the fields carry journal locators.
func scholarly(f lint.Fields) bool {
	return f.Volume != "" || f.Issue != "" || f.DOI != "" || f.PMID != ""
}

// pageRange splits "2521-2532" or "S175–S184" into first and last page.
func pageRange(p string) (first, last string) {
	if i := strings.IndexAny(p, "-–—"); i > 0 {
		first = strings.TrimSpace(p[:i])
		_, size := firstRune(p[i:])
		return first, strings.TrimSpace(p[i+size:])
	}
	return strings.TrimSpace(p), ""
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// oneLine collapses runs of white space (line breaks and tabs included)
// into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// baseKey builds a citation key before de-duplication.
func baseKey(f lint.Fields, number int) string {
	var name string
	if len(f.Authors) > 0 {
		name = asciiWord(f.Authors[0], false)
	}
	word := titleWord(f.Title)
	if name == "" {
		name, word = word, ""
	}
	if name == "" {
		return "ref" + strconv.Itoa(number)
	}
	k := name
	if f.Year != 0 {
		k += strconv.Itoa(f.Year)
	}
	return k + word
}

// titleWord is the title's first word of four or more letters that is
// not a stop word, folded to ASCII.
func titleWord(title string) string {
	for w := range strings.FieldsFuncSeq(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		a := asciiWord(w, true)
		if len(a) >= 4 && !stopWords[a] {
			return a
		}
	}
	return ""
}

var stopWords = map[string]bool{"with": true, "from": true, "into": true, "over": true, "than": true, "that": true,
	"this": true, "their": true, "about": true, "after": true, "among": true, "between": true, "does": true,
	"what": true, "when": true, "where": true, "which": true, "while": true, "versus": true, "eine": true,
	"einer": true, "eines": true, "sind": true, "oder": true, "nach": true, "ueber": true, "unter": true,
	"durch": true}

// asciiWord lower-cases s and folds Latin letters to ASCII ("Müller" →
// "mueller", "Ørsted" → "oersted"), dropping everything else; digits are
// kept when keepDigits is set.
func asciiWord(s string, keepDigits bool) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r >= '0' && r <= '9' && keepDigits:
			b.WriteRune(r)
		default:
			b.WriteString(fold[r])
		}
	}
	return b.String()
}

var fold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "ae", 'å': "aa", 'æ': "ae", 'ā': "a", 'ą': "a", 'ă': "a",
	'ç': "c", 'ć': "c", 'č': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ę': "e", 'ě': "e", 'ė': "e",
	'ğ': "g", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'ı': "i", 'į': "i",
	'ł': "l", 'ľ': "l", 'ĺ': "l", 'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "oe", 'ø': "oe", 'ō': "o", 'ő': "o", 'œ': "oe",
	'ř': "r", 'ŕ': "r", 'ś': "s", 'š': "s", 'ş': "s", 'ș': "s", 'ß': "ss", 'ť': "t", 'ţ': "t", 'ț': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "ue", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
}
