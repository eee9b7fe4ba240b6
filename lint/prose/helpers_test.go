package prose

import (
	"unicode/utf8"
)

// findMarkers finds citation markers the way flattened superscripts look in
// copied web text: digits glued to the punctuation that ends a word
// ("weekly.1", "benefit.3 4 5"), plus the space-separated numbers that
// follow. The real finder lives in package lint; this one only serves the
// test articles, which avoid the ambiguous cases (decimals after a stop).
func findMarkers(src []byte) []Marker {
	var out []Marker
	for i := 1; i < len(src); i++ {
		if !isDigit(src[i]) || isDigit(src[i-1]) {
			continue
		}
		r, _ := utf8.DecodeLastRune(src[:i])
		switch r {
		case '.', ',', ')', ';', ':', '”', '’', '"', '%':
		default:
			continue
		}
		// "2.5" and "87,508" are numbers, not markers.
		if i >= 2 && isDigit(src[i-2]) && (r == '.' || r == ',') {
			continue
		}
		j := i
		for j < len(src) && isDigit(src[j]) {
			j++
		}
		if j-i > 3 || j < len(src) && !isBreak(src[j]) {
			continue
		}
		out = append(out, Marker{Start: i, End: j, Number: atoi(src[i:j])})
		for j < len(src) && src[j] == ' ' {
			k := j + 1
			h := k
			for h < len(src) && isDigit(src[h]) {
				h++
			}
			if h == k || h-k > 3 || h < len(src) && !isBreak(src[h]) {
				break
			}
			out = append(out, Marker{Start: k, End: h, Number: atoi(src[k:h])})
			j = h
		}
		i = j
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isBreak(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

func atoi(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}
