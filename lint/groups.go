package lint

import (
	"bytes"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds what the readers of structured formats (Markdown, HTML)
// share beyond MarkerBuilder: reading the text of an explicit marker
// ("<sup>1,2</sup>", "[3](#ref-3)"), telling an exponent from a citation,
// and laying out Document.ProseText.

// MarkerChar is one character of an explicit marker's text and where its
// bytes lie in the source, so that numbers keep exact spans once markup
// is stripped and entities are decoded.
type MarkerChar struct {
	R          rune
	Start, End int
}

// AppendMarkerChars appends the characters of the text src[start:end]
// with character references decoded ("&#91;1&#93;" is "[1]"); a decoded
// character's span is the whole reference.
func AppendMarkerChars(dst []MarkerChar, src []byte, start, end int) []MarkerChar {
	for i := start; i < end; {
		if n, dec := entityAt(src, i, end); n > 0 {
			for _, r := range dec {
				dst = append(dst, MarkerChar{r, i, i + n})
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRune(src[i:end])
		dst = append(dst, MarkerChar{r, i, i + size})
		i += size
	}
	return dst
}

// ParseMarkerText reads the text of an explicit marker: "1", "1,2", "7–9",
// "[1]", "[1, 3–5]", "[1][2]". Each item's span covers its digits (and the
// dash of a range). Anything else (letters, a lone dash, a number of four
// digits or with a leading zero) is not a citation.
func ParseMarkerText(cs []MarkerChar) ([]GroupItem, bool) {
	var items []GroupItem
	i := 0
	for {
		for i < len(cs) && (unicode.IsSpace(cs[i].R) || strings.ContainsRune(",;[]\u00a0", cs[i].R)) {
			i++
		}
		if i >= len(cs) {
			break
		}
		from, j := markerNumber(cs, i)
		if j == i {
			return nil, false
		}
		it := GroupItem{Span: Span{Start: cs[i].Start, End: cs[j-1].End}, From: from, To: from}
		k := skipBlanks(cs, j)
		if k < len(cs) && isGroupDash(cs[k].R) {
			k = skipBlanks(cs, k+1)
			to, m := markerNumber(cs, k)
			if m == k {
				return nil, false
			}
			it.To, it.Span.End, j = to, cs[m-1].End, m
		}
		items = append(items, it)
		i = j
	}
	return items, len(items) > 0
}

func skipBlanks(cs []MarkerChar, k int) int {
	for k < len(cs) && cs[k].R == ' ' {
		k++
	}
	return k
}

// markerNumber reads one to three ASCII digits without a leading zero,
// the shape lint accepts for a citation number.
func markerNumber(cs []MarkerChar, i int) (int, int) {
	n, j := 0, i
	for j < len(cs) && cs[j].R >= '0' && cs[j].R <= '9' {
		n = n*10 + int(cs[j].R-'0')
		j++
	}
	if j == i || j-i > 3 || cs[i].R == '0' {
		return 0, i
	}
	return n, j
}

func isGroupDash(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '‐' || r == '‑' || r == '⁻'
}

// ExponentBefore reports whether a superscript element starting at i
// follows a unit, a variable or a number ("m<sup>2</sup>",
// "n<sup>2</sup>", "10<sup>6</sup>") rather than a word: then it is an
// exponent, not a citation. Tags directly before i are skipped, except the
// end of an earlier superscript, which makes a run of citations.
func ExponentBefore(src []byte, i int) bool {
	for i > 0 && src[i-1] == '>' {
		j := i - 1
		for j > 0 && src[j] != '<' {
			j--
		}
		if src[j] != '<' {
			break
		}
		if bytes.EqualFold(src[j:i], []byte("</sup>")) {
			return false // "<sup>7</sup><sup>8</sup>": a run of citations
		}
		i = j
	}
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRune(src[:i])
	switch {
	case r == '/' || r == '^':
		return true
	case unicode.IsDigit(r):
		// "published in 2019<sup>3</sup>" cites; "10<sup>6</sup>" is a power.
		j := i
		for j > 0 && src[j-1] >= '0' && src[j-1] <= '9' {
			j--
		}
		y := string(src[j:i])
		return len(y) != 4 || y < "1800" || y > "2099"
	case unicode.IsLetter(r):
		j := i
		for j > 0 {
			p, size := utf8.DecodeLastRune(src[:j])
			if !unicode.IsLetter(p) {
				break
			}
			j -= size
		}
		w := string(src[j:i])
		return utf8.RuneCountInString(w) == 1 || exponentUnits[w]
	}
	return false
}

// entityAt decodes a character reference at src[i] ("&rsquo;", "&#91;",
// "&#x2019;"): its length and its text, or 0 when there is none or its
// text would not fit in its place. Only references closed by ';' count.
func entityAt(src []byte, i, end int) (int, string) {
	if i >= end || src[i] != '&' {
		return 0, ""
	}
	k := bytes.IndexByte(src[i:min(end, i+34)], ';')
	if k < 2 || !entityName(src[i+1:i+k]) {
		return 0, ""
	}
	raw := string(src[i : i+k+1])
	dec := html.UnescapeString(raw)
	// "&notit;" decodes its prefix "&not" and leaves "it;": not one entity.
	if dec == raw || len(dec) > len(raw) || len(dec) > 1 && strings.HasSuffix(dec, ";") {
		return 0, ""
	}
	return len(raw), dec
}

// entityName reports whether b is a name ("rsquo"), a decimal ("#8217")
// or a hexadecimal ("#x2019") reference.
func entityName(b []byte) bool {
	digits := "0123456789"
	switch {
	case b[0] == '#' && len(b) > 2 && (b[1] == 'x' || b[1] == 'X'):
		b, digits = b[2:], "0123456789abcdefABCDEF"
	case b[0] == '#':
		b = b[1:]
	default:
		digits += "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	}
	for _, c := range b {
		if !strings.ContainsRune(digits, rune(c)) {
			return false
		}
	}
	return len(b) > 0
}

// InCitationParens reports whether src[start:end], a linked number, stands
// in a parenthesised list of citations, as health sites link each
// citation to its source: "(<a href=…>1</a>, <a href=…>2</a>)" or
// "([1](https://…), [2](https://…))". The byte before it, spaces skipped,
// is "(" or ",", and the byte after it is ")" or ",".
func InCitationParens(src []byte, start, end int) bool {
	i := start - 1
	for i >= 0 && (src[i] == ' ' || src[i] == '\n') {
		i--
	}
	j := end
	for j < len(src) && (src[j] == ' ' || src[j] == '\n') {
		j++
	}
	return i >= 0 && j < len(src) && (src[i] == '(' || src[i] == ',') && (src[j] == ')' || src[j] == ',')
}
