package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open range of byte offsets [Start, End).
type Span struct {
	Start, End int
}

// SplitSentences returns the sentence spans of src[start:end], one block of
// text (a paragraph or list item). markers must be sorted by Start; a marker
// glued after a full stop ("weekly.1 Next") belongs to the sentence before
// it, and markers are what tell "in 2019.4 Next" (a year and a citation)
// from a decimal number.
func SplitSentences(src []byte, start, end int, markers []Marker) []Span {
	k := firstMarker(markers, start)
	h := k
	for h < len(markers) && markers[h].Start < end {
		h++
	}
	return splitSentences(src, start, end, markers[k:h], nil, nil)
}

// splitSentences appends the sentences of one block to dst. mk holds the
// markers inside the block. m supplies the abbreviation lists; nil means
// the defaults.
func splitSentences(src []byte, start, end int, mk []Marker, m *matcher, dst []Span) []Span {
	if m == nil {
		m = matcherFor(nil)
	}
	lineMode := linesAreSentences(src, start, end)
	s := skipSpace(src, start, end)
	mi := 0
	emit := func(a, b int) {
		b = trimEnd(src, a, b)
		if a < b {
			dst = append(dst, Span{a, b})
		}
	}
	for i := s; i < end; {
		for mi < len(mk) && mk[mi].End <= i {
			mi++
		}
		if mi < len(mk) && mk[mi].Start <= i {
			i = mk[mi].End
			continue
		}
		c := src[i]
		switch {
		case c == '\n' || c == '\r':
			if lineMode && i > s {
				n := skipSpace(src, i, end)
				if n < end && !startsLower(src, n, end) {
					emit(s, i)
					s, i = n, n
					continue
				}
			}
			i++
		case c == '.' || c == '!' || c == '?' || isEllipsis(src, i, end):
			j, after, saw := afterTerminal(src, i, end, mk, mi)
			if isBoundary(src, start, i, j, end, saw, m) {
				emit(s, j)
				s = skipSpace(src, j, end)
				i, mi = s, after
				continue
			}
			if c < utf8.RuneSelf {
				i++
			} else {
				i += 3
			}
		default:
			i++
		}
	}
	if s < end {
		emit(s, end)
	}
	return dst
}

func isEllipsis(src []byte, i, end int) bool {
	return src[i] == 0xE2 && i+2 < end && src[i+1] == 0x80 && src[i+2] == 0xA6
}

// afterTerminal scans past a run of terminal punctuation at i, then closing
// quotes and brackets, then citation markers (glued or after blanks). It
// returns the candidate sentence end, the index of the first marker after
// it, and whether markers were absorbed.
func afterTerminal(src []byte, i, end int, mk []Marker, mi int) (j, after int, saw bool) {
	j = i
	for j < end {
		switch {
		case src[j] == '.' || src[j] == '!' || src[j] == '?':
			j++
			continue
		case isEllipsis(src, j, end):
			j += 3
			continue
		}
		break
	}
	for j < end {
		size := closingSize(src, j, end)
		if size == 0 {
			break
		}
		j += size
	}
	for mi < len(mk) && mk[mi].Start < j {
		mi++
	}
	for mi < len(mk) {
		k := j
		for k < end && (src[k] == ' ' || src[k] == ',' || src[k] == '\t') {
			k++
		}
		if mk[mi].Start != k {
			break
		}
		j = mk[mi].End
		mi++
		saw = true
	}
	return j, mi, saw
}

// closingSize returns the size of a closing quote or bracket at i, or 0.
func closingSize(src []byte, i, end int) int {
	switch src[i] {
	case '"', '\'', ')', ']':
		return 1
	}
	if src[i] < utf8.RuneSelf {
		return 0
	}
	r, size := utf8.DecodeRune(src[i:end])
	switch r {
	case '”', '’', '»', '›':
		return size
	}
	return 0
}

// isBoundary decides whether the punctuation at i (extended to j by
// afterTerminal) ends a sentence.
func isBoundary(src []byte, blockStart, i, j, end int, sawMarker bool, m *matcher) bool {
	if j >= end {
		return true
	}
	// "e.g.", "3.5", "strengthlog.com", "U.S.": no blank after the stop.
	if spaceSize(src, j, end) == 0 {
		return false
	}
	n := skipSpace(src, j, end)
	if n >= end {
		return true
	}
	// A sentence never starts lower-case; "et al. found", "… and then".
	if startsLower(src, n, end) {
		return false
	}
	if src[i] != '.' || sawMarker || j-i > 1 && src[i+1] == '.' {
		return true
	}
	w, prev := wordBefore(src, blockStart, i)
	if w == "" {
		return true
	}
	lw := strings.ToLower(w)
	if m.abbrev[lw] {
		return false
	}
	if m.numAbbrev[lw] && src[n] >= '0' && src[n] <= '9' {
		return false
	}
	// Dotted abbreviations: "U.S.", "Ph.D.", "z.B." with short parts.
	if strings.Contains(w, ".") && shortParts(w) {
		return false
	}
	// An initial: "J. Smith". "vitamin D. Next" is a sentence end.
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		switch strings.ToLower(prev) {
		case "vitamin", "type", "hepatitis", "group", "phase", "plan", "grade",
			"class", "stage", "omega", "category", "part", "appendix", "level", "step":
			return true
		}
		return false
	}
	return true
}

func shortParts(w string) bool {
	for p := range strings.SplitSeq(w, ".") {
		if len(p) > 2 {
			return false
		}
	}
	return true
}

// wordBefore returns the word (letters and dots) ending at i, and the word
// before that one.
func wordBefore(src []byte, start, i int) (w, prev string) {
	k := i
	for k > start {
		r, size := utf8.DecodeLastRune(src[start:k])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		k -= size
	}
	w = strings.Trim(string(src[k:i]), ".")
	p := k
	for p > start && (src[p-1] == ' ' || src[p-1] == '\t') {
		p--
	}
	q := p
	for q > start {
		r, size := utf8.DecodeLastRune(src[start:q])
		if !unicode.IsLetter(r) {
			break
		}
		q -= size
	}
	return w, string(src[q:p])
}

func startsLower(src []byte, i, end int) bool {
	r, _ := utf8.DecodeRune(src[i:end])
	return unicode.IsLower(r)
}

// linesAreSentences decides whether the line breaks inside a block separate
// units (web text flattened line by line: "Download on App Store" /
// "Download on Google Play") or are hard wraps of running text. Hard-wrapped
// text has lines of similar length; anything else is taken line by line.
func linesAreSentences(src []byte, start, end int) bool {
	maxLen, n := 0, 0
	var lens [64]int
	for i := start; i < end; {
		j := i
		for j < end && src[j] != '\n' && src[j] != '\r' {
			j++
		}
		if n < len(lens) {
			lens[n] = j - i
		}
		n++
		maxLen = max(maxLen, j-i)
		if j < end && src[j] == '\r' && j+1 < end && src[j+1] == '\n' {
			j++
		}
		i = j + 1
	}
	if n < 2 {
		return false
	}
	if maxLen > 100 || n > len(lens) {
		return maxLen > 100
	}
	for k := 0; k < n-1; k++ {
		if lens[k]*10 < maxLen*6 {
			return true
		}
	}
	return false
}
