package lint

import (
	"strings"
)

// doiClaims finds the places where the text says it gives a DOI:
// "https://doi.org/X", "dx.doi.org/X", "doi:X", "DOI = X", "doi X". Each
// result is {start, end, value start, value end}; the value runs to the
// next space.
func doiClaims(text string) [][]int {
	lower := asciiLower(text)
	var out [][]int
	for from := 0; ; {
		k := strings.Index(lower[from:], "doi")
		if k < 0 {
			return out
		}
		i := from + k
		from = i + 3
		start, v := i, 0
		switch {
		case strings.HasPrefix(lower[i:], "doi.org/"):
			v = i + len("doi.org/")
			for _, p := range []string{"https://dx.", "http://dx.", "https://", "http://", "dx."} {
				if strings.HasSuffix(lower[:i], p) {
					start = i - len(p)
					break
				}
			}
		case i > 0 && isWordByte(lower[i-1]):
			continue
		case i+3 < len(lower) && isWordByte(lower[i+3]):
			continue
		default:
			j := i + 3
			for j < len(lower) && lower[j] == ' ' {
				j++
			}
			if j < len(lower) && (lower[j] == ':' || lower[j] == '=') {
				j++
				for j < len(lower) && lower[j] == ' ' {
					j++
				}
			} else if j == i+3 {
				continue // "doi." or "doi," with no value
			}
			v = j
		}
		end := v
		for end < len(text) && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' {
			end++
		}
		if end > v {
			out = append(out, []int{start, end, v, end})
			from = end
		}
	}
}

// findYears returns the spans of four-digit years (1500–2099) standing as
// words, an optional letter suffix allowed ("2019a").
func findYears(s string) [][2]int {
	var out [][2]int
	for i := 0; i+4 <= len(s); i++ {
		if !isDigitByte(s[i]) || i > 0 && isWordByte(s[i-1]) {
			continue
		}
		j := i
		for j < len(s) && isDigitByte(s[j]) {
			j++
		}
		if j-i == 4 && (s[i] == '1' && s[i+1] >= '5' || s[i] == '2' && s[i+1] == '0') {
			k := j
			if k < len(s) && s[k] >= 'a' && s[k] <= 'z' {
				k++
			}
			if k == len(s) || !isWordByte(s[k]) {
				out = append(out, [2]int{i, j})
			}
		}
		i = j
	}
	return out
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// months are the stems of month names a date before a year may use.
var months = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
	"januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember"}

// dateBefore extends a source block that starts at a year back over the
// month and day written before it ("June 1991", "28 July 2025",
// "Jan-Mar 2025"), returning the new start.
func dateBefore(s string, at int) int {
	j := at
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	if j == at { // the month must be followed by a space
		return at
	}
	w := j
	for w > 0 && s[w-1] != ' ' {
		w--
	}
	word := strings.ToLower(strings.TrimRight(s[w:j], ".,"))
	if i := strings.IndexAny(word, "-–"); i > 0 {
		word = word[:i]
	}
	isMonth := false
	for _, m := range months {
		if strings.HasPrefix(word, m) && len(word) <= 9 {
			isMonth = true
			break
		}
	}
	if !isMonth {
		return at
	}
	start := w
	d := w
	for d > 0 && s[d-1] == ' ' {
		d--
	}
	e := strings.TrimSuffix(s[:d], ".")
	k := len(e)
	for k > 0 && isDigitByte(e[k-1]) {
		k--
	}
	if n := len(e) - k; n >= 1 && n <= 2 && (k == 0 || !isWordByte(e[k-1])) {
		start = k
	}
	return start
}
