package lint

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// StyleAuthorDate is an author-date citation: (Smith et al., 2019).
const StyleAuthorDate MarkerStyle = "author-date"

var (
	// parenCitations is a parenthesis that may hold author-date
	// citations: (Smith, 2019), (Smith & Jones 2019; Doe et al., 2020a).
	parenCitations = regexp.MustCompile(`\(([^()]{6,300})\)`)
	// authorYear is one citation inside it.
	authorYear = regexp.MustCompile(`^(?:(?:e\.g\.|see|cf\.|vgl\.),?\s+)?([\p{Lu}][\p{L}'’-]+)(?:\s+(?:et\s+al\.?|u\.\s*a\.|(?:and|&amp;|&|und)\s+[\p{Lu}][\p{L}'’-]+))?,?\s+((?:1[89]|20)\d\d)[a-z]?$`)
	// narrativeCitation is "Smith et al. (2019)" in running text.
	narrativeCitation = regexp.MustCompile(`([\p{Lu}][\p{L}'’-]+)(?:\s+(?:et\s+al\.?|u\.\s*a\.|(?:and|&amp;|&|und)\s+[\p{Lu}][\p{L}'’-]+))?\s+\(((?:1[89]|20)\d\d)[a-z]?\)`)
)

// scanAuthorDate finds author-date citations in src[start:end] that name
// an entry of the list by its first author's surname and year. Only
// citations that match an entry become markers: an author-date
// parenthesis is otherwise ordinary prose ("(Berlin, 1990)").
func scanAuthorDate(src []byte, start, end int, refs []Reference) []MarkerGroup {
	index := make(map[string]int, len(refs))
	for _, r := range refs {
		if len(r.Fields.Authors) == 0 || r.Fields.Year == 0 {
			continue
		}
		k := authorKey(r.Fields.Authors[0], r.Fields.Year)
		if _, dup := index[k]; !dup {
			index[k] = r.Number
		}
	}
	if len(index) == 0 {
		return nil
	}
	body := src[start:end] // no copy: a large file's body is large
	var out []MarkerGroup
	add := func(s, e int, surname, year string) {
		y := 0
		for _, c := range year[:4] {
			y = y*10 + int(c-'0')
		}
		if n, ok := index[authorKey(surname, y)]; ok {
			sp := Span{start + s, start + e}
			out = append(out, MarkerGroup{Span: sp, Style: StyleAuthorDate, Items: []GroupItem{{Span: sp, From: n, To: n}}})
		}
	}
	for _, m := range parenCitations.FindAllSubmatchIndex(body, -1) {
		inner := string(body[m[2]:m[3]])
		for _, part := range citationParts(inner) {
			trimmed := strings.TrimSpace(inner[part.Start:part.End])
			off := m[2] + part.Start + strings.Index(inner[part.Start:part.End], trimmed)
			if a := authorYear.FindStringSubmatch(trimmed); a != nil {
				add(off, off+len(trimmed), a[1], a[2])
			}
		}
	}
	for _, m := range narrativeCitation.FindAllSubmatchIndex(body, -1) {
		add(m[0], m[1], string(body[m[2]:m[3]]), string(body[m[4]:m[5]]))
	}
	return out
}

func authorKey(surname string, year int) string {
	s := strings.ToLower(surname)
	if r, _ := utf8.DecodeLastRuneInString(s); r == '.' || r == ',' {
		s = s[:len(s)-1]
	}
	return s + "|" + itoa(year)
}

// entityEnd matches a character reference just before a ";" ("&amp",
// "&#38"), whose semicolon does not separate citations.
var entityEnd = regexp.MustCompile(`&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6})$`)

// citationParts splits the inside of a parenthesis at semicolons, except
// those that end an HTML character reference.
func citationParts(s string) []Span {
	var out []Span
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ';' && !entityEnd.MatchString(s[start:i]) {
			out = append(out, Span{start, i})
			start = i + 1
		}
	}
	return append(out, Span{start, len(s)})
}
