package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word, number or percent sign of a sentence.
type token struct {
	start, end int    // byte span in the source
	low        string // lower-cased, soft hyphens dropped, ’ written '
	stem       string // low after light stemming
	number     bool   // starts with a digit
	quoted     bool   // inside double quotation marks
}

// tokenize appends the tokens of src[start:end] to dst, skipping the spans
// of markers (citation numbers are not words of the sentence). Hyphens
// split words, so "meta-analysis" is the two tokens "meta" "analysis" and a
// cue written with a hyphen matches both spellings.
func tokenize(src []byte, start, end int, markers []Marker, dst []token) []token {
	quoted := false
	mi := 0
	for i := start; i < end; {
		for mi < len(markers) && markers[mi].End <= i {
			mi++
		}
		if mi < len(markers) && markers[mi].Start <= i {
			i = markers[mi].End
			continue
		}
		c := src[i]
		if c < utf8.RuneSelf {
			switch {
			case isASCIIWord(c):
				j := wordEnd(src, i, end)
				dst = append(dst, makeToken(src, i, j, quoted))
				i = j
			case c == '%':
				dst = append(dst, token{start: i, end: i + 1, low: "%", stem: "%", quoted: quoted})
				i++
			case c == '"':
				quoted = !quoted
				i++
			default:
				i++
			}
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case unicode.IsLetter(r):
			j := wordEnd(src, i, end)
			dst = append(dst, makeToken(src, i, j, quoted))
			i = j
		case r == '“' || r == '„' || r == '«':
			quoted = true
			i += size
		case r == '”' || r == '»':
			quoted = false
			i += size
		default:
			i += size
		}
	}
	return dst
}

func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// wordEnd finds the end of the word starting at i: letters and digits,
// plus apostrophes, soft hyphens and decimal separators inside it.
func wordEnd(src []byte, i, end int) int {
	j := i
	for j < end {
		c := src[j]
		if c < utf8.RuneSelf {
			if isASCIIWord(c) {
				j++
				continue
			}
			// "it's", "2.5", "87,508": a joiner between two word characters.
			if (c == '\'' || c == '.' || c == ',') && j > i && j+1 < end {
				prevDigit := src[j-1] >= '0' && src[j-1] <= '9'
				next := src[j+1]
				if c == '\'' && isASCIIWord(next) && !prevDigit ||
					c != '\'' && prevDigit && next >= '0' && next <= '9' {
					j++
					continue
				}
			}
			break
		}
		r, size := utf8.DecodeRune(src[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\u00ad' {
			j += size
			continue
		}
		if r == '’' && j+size < end {
			if n, _ := utf8.DecodeRune(src[j+size:]); unicode.IsLetter(n) {
				j += size
				continue
			}
		}
		break
	}
	return j
}

func makeToken(src []byte, i, j int, quoted bool) token {
	low := lower(src[i:j])
	return token{
		start:  i,
		end:    j,
		low:    low,
		stem:   stem(low),
		number: src[i] >= '0' && src[i] <= '9',
		quoted: quoted,
	}
}

// lower returns b lower-cased with typographic apostrophes and soft hyphens
// normalised. The ASCII path allocates one string and nothing else.
func lower(b []byte) string {
	ascii := true
	upper := false
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return string(b)
		}
		out := make([]byte, len(b))
		for k, c := range b {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			out[k] = c
		}
		return string(out)
	}
	s := strings.ToLower(string(b))
	s = strings.ReplaceAll(s, "’", "'")
	return strings.ReplaceAll(s, "\u00ad", "")
}

// stem strips the commonest English inflections so that a cue matches its
// forms: reduce/reduces/reduced/reducing → "reduc", study/studies/studied →
// "studi". It is deliberately lighter than Porter: it only has to make a
// word and its inflections agree, and every cue goes through it too.
func stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	n := len(w)
	if n <= 3 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") || strings.HasSuffix(w, "ied") || strings.HasSuffix(w, "ier"):
		w = w[:n-2] // happier → happi, like happy
	case strings.HasSuffix(w, "iest") && n > 5:
		w = w[:n-3]
	case strings.HasSuffix(w, "ing") && n > 5:
		w = undouble(w[:n-3])
	case strings.HasSuffix(w, "ed") && n > 4:
		w = undouble(w[:n-2])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	}
	switch n := len(w); {
	case n > 3 && w[n-1] == 'e':
		w = w[:n-1]
	case n > 3 && w[n-1] == 'y':
		// study, delays, delayed all end up "...i", like "studies".
		w = w[:n-1] + "i"
	}
	return w
}

// undouble turns "stopp" into "stop" after a suffix was removed.
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] {
		switch w[n-1] {
		case 'l', 's', 'z', 'e', 'o':
			return w
		}
		if w[n-1] >= 'a' && w[n-1] <= 'z' {
			return w[:n-1]
		}
	}
	return w
}
