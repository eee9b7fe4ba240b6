package markdown

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reflint/reflint/lint"
)

// char is one character of marker text and where its bytes lie in the
// source, so that numbers keep exact spans after markup is stripped.
type char struct {
	r          rune
	start, end int
}

// appendChars appends the characters of src[start:end].
func appendChars(dst []char, src []byte, start, end int) []char {
	for i := start; i < end; {
		r, size := utf8.DecodeRune(src[i:end])
		dst = append(dst, char{r, i, i + size})
		i += size
	}
	return dst
}

// parseGroup reads the text of an explicit marker: "1", "1,2", "7–9",
// "[1]", "[1, 3–5]", "[1][2]". Anything else (letters, a lone dash, a
// number of four digits or with a leading zero) is not a citation.
func parseGroup(cs []char) ([]lint.GroupItem, bool) {
	var items []lint.GroupItem
	i := 0
	skipSeps := func() {
		for i < len(cs) && (unicode.IsSpace(cs[i].r) || strings.ContainsRune(",;[]\u00a0", cs[i].r)) {
			i++
		}
	}
	for {
		skipSeps()
		if i >= len(cs) {
			break
		}
		from, j := number(cs, i)
		if j == i {
			return nil, false
		}
		it := lint.GroupItem{Span: lint.Span{Start: cs[i].start, End: cs[j-1].end}, From: from, To: from}
		k := j
		for k < len(cs) && cs[k].r == ' ' {
			k++
		}
		if k < len(cs) && isDash(cs[k].r) {
			k++
			for k < len(cs) && cs[k].r == ' ' {
				k++
			}
			to, m := number(cs, k)
			if m == k {
				return nil, false
			}
			it.To, it.Span.End, j = to, cs[m-1].end, m
		}
		items = append(items, it)
		i = j
	}
	return items, len(items) > 0
}

// number reads one to three ASCII digits without a leading zero, the
// shape lint accepts for a citation number.
func number(cs []char, i int) (int, int) {
	n, j := 0, i
	for j < len(cs) && cs[j].r >= '0' && cs[j].r <= '9' {
		n = n*10 + int(cs[j].r-'0')
		j++
	}
	if j == i || j-i > 3 || cs[i].r == '0' {
		return 0, i
	}
	return n, j
}

func isDash(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '‐' || r == '‑' || r == '⁻'
}

// tile stretches the first and last items of a multi-number group to the
// group's edges. lint hands marker spans of multi-item groups to the
// coverage analysis item by item, and the sentence splitter only sees a
// marker after a full stop when the marker starts right there: without
// this, "effect.<sup>1,2</sup> Next" would not end a sentence.
func tile(items []lint.GroupItem, span lint.Span) {
	if len(items) < 2 {
		return
	}
	items[0].Span.Start = span.Start
	items[len(items)-1].Span.End = span.End
}

// exponentBefore reports whether a superscript starting at i follows a
// unit, a variable or a number ("m<sup>2</sup>", "n<sup>2</sup>",
// "10<sup>6</sup>") rather than a word: then it is an exponent, not a
// citation. Tags directly before i are skipped, except the end of an
// earlier superscript.
func exponentBefore(src []byte, i int) bool {
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
		return utf8.RuneCountInString(w) == 1 || units[w]
	}
	return false
}

// units take exponents; the list matches lint's for Unicode superscripts.
var units = map[string]bool{
	"cm": true, "mm": true, "km": true, "µm": true, "μm": true, "nm": true, "dm": true,
	"ft": true, "yd": true, "mi": true, "ms": true, "in": true, "sec": true, "min": true,
}
