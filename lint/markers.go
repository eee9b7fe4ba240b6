package lint

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MarkerStyle says how a marker was written.
type MarkerStyle string

// The marker styles reflint recognises.
const (
	// StyleFlattened is a superscript that lost its formatting when the
	// text was copied: digits glued to a word or to closing punctuation.
	StyleFlattened MarkerStyle = "flattened"
	// StyleBracket is [1], [1, 3], [3–5].
	StyleBracket MarkerStyle = "bracket"
	// StyleSuperscript is Unicode superscript digits: ¹²³, ⁴⁻⁶.
	StyleSuperscript MarkerStyle = "superscript"
	// StyleParen is numbers in parentheses: (1), (1, 2), (3–5).
	StyleParen MarkerStyle = "paren"
	// StyleFootnote is a Markdown footnote reference: [^1], [^key].
	StyleFootnote MarkerStyle = "footnote"
	// StyleHTML is markup: <sup>1</sup>, a cite_note link.
	StyleHTML MarkerStyle = "html"
)

// Marker is one cited number. A range such as [3–5] yields three markers
// that share the group's span.
type Marker struct {
	Number int
	Span   Span
	Style  MarkerStyle
	// Group is the index of the marker's group in Document.Groups.
	Group int
}

// MarkerGroup is a run of numbers written together: "[1, 3–5]" or ".3 4 5".
type MarkerGroup struct {
	Span  Span
	Style MarkerStyle
	Items []GroupItem

	// weak marks a plain-text candidate that is a marker only if the
	// reference list agrees (see resolveMarkers); explicit markup and
	// forms that are citations by shape alone are strong.
	weak bool
}

// GroupItem is one number or range inside a group.
type GroupItem struct {
	Span     Span
	From, To int // To == From for a single number; To < From is an inverted range
}

// numbers lists the numbers a group cites, ranges expanded; an inverted
// range is read low to high.
func (g MarkerGroup) numbers() []int {
	var out []int
	for _, it := range g.Items {
		lo, hi := min(it.From, it.To), max(it.From, it.To) // [5–3] means 3–5
		switch {
		case hi-lo > maxRange:
			out = append(out, lo, hi)
		default:
			for n := lo; n <= hi; n++ {
				out = append(out, n)
			}
		}
	}
	return out
}

// maxRange bounds range expansion so that "[1–9999]" cannot allocate a
// huge slice: longer ranges cite their ends only.
const maxRange = 200

// markerScanner finds marker candidates in src[start:end].
type markerScanner struct {
	src        []byte
	start, end int
	out        []MarkerGroup
}

// scanMarkers returns every candidate marker group of the body in
// document order.
func scanMarkers(src []byte, start, end int) []MarkerGroup {
	s := &markerScanner{src: src, start: start, end: end}
	for i := start; i < end; {
		c := src[i]
		switch {
		case c == '[':
			if next, ok := s.bracket(i); ok {
				i = next
				continue
			}
		case c == '(':
			if next, ok := s.paren(i); ok {
				i = next
				continue
			}
		case c >= '0' && c <= '9':
			if i == start || !isDigitByte(src[i-1]) {
				if next, ok := s.flattened(i); ok {
					i = next
					continue
				}
			}
			for i < end && isDigitByte(src[i]) { // skip the rest of this number
				i++
			}
			continue
		case c >= 0x80:
			r, size := utf8.DecodeRune(src[i:end])
			if superDigit(r) >= 0 {
				if next, ok := s.superscript(i); ok {
					i = next
					continue
				}
			}
			i += size
			continue
		}
		i++
	}
	return s.out
}

// bracket parses "[1]", "[1, 3]", "[3–5]", "[1,3,5–8]".
func (s *markerScanner) bracket(i int) (int, bool) {
	j := i + 1
	var items []GroupItem
	for {
		j = s.skipSpaces(j)
		from, k := s.number(j)
		if k == j {
			return 0, false
		}
		it := GroupItem{Span: Span{j, k}, From: from, To: from}
		k2 := s.skipSpaces(k)
		if dash := s.dash(k2); dash > 0 {
			k3 := s.skipSpaces(k2 + dash)
			to, k4 := s.number(k3)
			if k4 == k3 {
				return 0, false
			}
			it.To, it.Span.End, k2 = to, k4, s.skipSpaces(k4)
		}
		items = append(items, it)
		if k2 < s.end && (s.src[k2] == ',' || s.src[k2] == ';') {
			j = k2 + 1
			continue
		}
		if k2 < s.end && s.src[k2] == ']' {
			s.add(Span{i, k2 + 1}, StyleBracket, items, true)
			return k2 + 1, true
		}
		return 0, false
	}
}

// paren parses numbers in parentheses at the end of a clause, the style
// of many health sites: "rich in antioxidants (1, 2)." or "(3–5);". They
// are weak: "(1)" also numbers list items and "(2)" equations, so the
// group must be followed by punctuation or the end of the line and name
// existing entries in a plausible order.
func (s *markerScanner) paren(i int) (int, bool) {
	if prev, _ := s.prevRune(i); prev != ' ' && prev != '\u00A0' {
		return 0, false
	}
	j := i + 1
	var items []GroupItem
	for {
		j = s.skipSpaces(j)
		from, k := s.number(j)
		if k == j {
			return 0, false
		}
		it := GroupItem{Span: Span{j, k}, From: from, To: from}
		if d := s.dash(k); d > 0 {
			to, k2 := s.number(k + d)
			if k2 == k+d {
				return 0, false
			}
			it.To, it.Span.End, k = to, k2, k2
		}
		items = append(items, it)
		k = s.skipSpaces(k)
		if k < s.end && s.src[k] == ',' {
			j = k + 1
			continue
		}
		if k >= s.end || s.src[k] != ')' {
			return 0, false
		}
		end := k + 1
		if end < s.end && !strings.ContainsRune(".,;:!?\r\n", rune(s.src[end])) {
			return 0, false
		}
		s.add(Span{i, end}, StyleParen, items, false)
		return end, true
	}
}

// superscript parses runs of Unicode superscript digits: ¹²³, ⁴⁻⁶, ¹,².
func (s *markerScanner) superscript(i int) (int, bool) {
	var items []GroupItem
	j := i
	for {
		from, k := s.superNumber(j)
		if k == j {
			break
		}
		it := GroupItem{Span: Span{j, k}, From: from, To: from}
		if r, size := utf8.DecodeRune(s.src[k:s.end]); r == '⁻' || r == '-' || r == '–' {
			if to, k2 := s.superNumber(k + size); k2 > k+size {
				it.To, it.Span.End, k = to, k2, k2
			}
		}
		items = append(items, it)
		j = k
		if r, size := utf8.DecodeRune(s.src[j:s.end]); r == ',' || r == '˒' {
			if _, k2 := s.superNumber(j + size); k2 > j+size {
				j += size
				continue
			}
		}
		break
	}
	if len(items) == 0 {
		return 0, false
	}
	prev, _ := s.prevRune(i)
	strong := true
	switch {
	case unicode.IsLetter(prev):
		// Exponents follow units and variables (m², cm³, x², R²).
		// Citations follow words.
		if w := s.wordBefore(i); utf8.RuneCountInString(w) == 1 || exponentUnits[w] {
			return j, true
		}
	case unicode.IsDigit(prev) || prev == '^' || prev == '/':
		return j, true // 10⁶, 2^10, kg/m²
	case unicode.IsSpace(prev) || prev == utf8.RuneError:
		strong = false
	}
	s.add(Span{i, j}, StyleSuperscript, items, strong)
	return j, true
}

// flattened parses digits glued to a word or to closing punctuation, the
// trace a superscript leaves when a web page is copied as plain text:
// "weekly.1", "benefit.3 4 5", "(hyperarousal).39", "Altpaläolithikum1".
func (s *markerScanner) flattened(i int) (int, bool) {
	p, psize := s.prevRune(i)
	if p == utf8.RuneError {
		return 0, false
	}
	strong := false
	switch {
	case strings.ContainsRune(".!?…", p):
		pp, _ := s.prevRune(i - psize)
		switch {
		case unicode.IsLetter(pp):
			w := s.wordBefore(i - psize)
			if abbreviations[strings.ToLower(w)] {
				return 0, false
			}
			// A single letter before the stop is an initial or an
			// abbreviation ("U.S.", "D."): keep it, but only as weak.
			strong = utf8.RuneCountInString(w) > 1
		case strings.ContainsRune(closers, pp) || pp == '%':
			strong = true
		case unicode.IsDigit(pp):
			// "published in 2019.3": only after a year, and only weak.
			if !s.yearBefore(i - psize) {
				return 0, false
			}
		default:
			return 0, false
		}
	case strings.ContainsRune(closers, p):
		pp, _ := s.prevRune(i - psize)
		// French sets a space before its closing guillemet: « effet »2.
		frenchClose := (p == '»' || p == '›') && pp != '\n'
		if unicode.IsSpace(pp) && !frenchClose || pp == utf8.RuneError || p == ']' {
			return 0, false
		}
		strong = true
	case p == ',' || p == ':' || p == ';':
		pp, _ := s.prevRune(i - psize)
		if !unicode.IsLetter(pp) && !strings.ContainsRune(closers, pp) {
			return 0, false
		}
		if unicode.IsLetter(pp) && utf8.RuneCountInString(s.wordBefore(i-psize)) < 2 {
			return 0, false
		}
	case unicode.IsLetter(p):
		if !gluedWordOK(s.wordBefore(i)) {
			return 0, false
		}
	default:
		return 0, false
	}
	if s.inURL(i) {
		return 0, false
	}
	items, end, clean, ok := s.flatGroup(i)
	if !ok {
		return 0, false
	}
	s.add(Span{i, end}, StyleFlattened, items, strong && clean)
	return end, true
}

// flatGroup reads the numbers of a flattened group starting at i:
// "3", "3 4 5", "3,4", "3, 4", "3–5". clean reports whether the group ends
// where a citation ends: at the end of a line or before the next sentence.
func (s *markerScanner) flatGroup(i int) (items []GroupItem, end int, clean, ok bool) {
	j := i
	glued := -1 // number of items before the first space separator
	for {
		n, k := s.number(j)
		if k == j || s.badAfterNumber(k) {
			break
		}
		it := GroupItem{Span: Span{j, k}, From: n, To: n}
		if d := s.dash(k); d > 0 {
			if to, k2 := s.number(k + d); k2 > k+d && !s.badAfterNumber(k2) {
				it.To, it.Span.End, k = to, k2, k2
			}
		}
		items = append(items, it)
		j = k
		if j < s.end && s.src[j] == ',' {
			k2 := s.skipSpaces(j + 1)
			if _, k3 := s.number(k2); k3 > k2 && !s.thousands(j) {
				j = k2
				continue
			}
		}
		if j+1 < s.end && s.src[j] == ' ' && isDigitByte(s.src[j+1]) {
			if glued < 0 {
				glued = len(items)
			}
			j++
			continue
		}
		break
	}
	if len(items) == 0 {
		return nil, 0, false, false
	}
	end = items[len(items)-1].Span.End
	clean = s.endsCitation(end)
	if !clean && glued > 0 {
		// "level.3 4 weeks later": the spaced numbers were prose.
		items = items[:glued]
		end = items[len(items)-1].Span.End
	}
	return items, end, clean, true
}

// badAfterNumber reports whether the number ending at k is part of a
// larger token: "3rd", "1RM", "70%", "2.5", "7:30", "1/2", "3-4-week".
func (s *markerScanner) badAfterNumber(k int) bool {
	if k >= s.end {
		return false
	}
	r, size := utf8.DecodeRune(s.src[k:s.end])
	if unicode.IsLetter(r) || r == '%' || r == '°' || r == '_' {
		return true
	}
	if strings.ContainsRune(".:/×x^", r) && k+size < s.end && isDigitByte(s.src[k+size]) {
		return true
	}
	return false
}

// thousands reports whether the comma at j separates thousands ("1,000").
func (s *markerScanner) thousands(j int) bool {
	k := j + 1
	for k < s.end && isDigitByte(s.src[k]) {
		k++
	}
	return k-(j+1) == 3
}

// endsCitation reports whether a marker ending at k ends a sentence: end
// of line, or spaces followed by something that is not a lower-case word.
func (s *markerScanner) endsCitation(k int) bool {
	if k >= s.end || s.src[k] == '\n' || s.src[k] == '\r' {
		return true
	}
	r, _ := utf8.DecodeRune(s.src[k:s.end])
	if !unicode.IsSpace(r) {
		return strings.ContainsRune(",;:)”\"’", r)
	}
	j := s.skipSpaces(k)
	if j >= s.end || s.src[j] == '\n' || s.src[j] == '\r' {
		return true
	}
	r, _ = utf8.DecodeRune(s.src[j:s.end])
	return !unicode.IsLower(r)
}

func (s *markerScanner) add(span Span, style MarkerStyle, items []GroupItem, strong bool) {
	s.out = append(s.out, MarkerGroup{Span: span, Style: style, Items: items, weak: !strong})
}

// number reads a citation number: at most three digits, no leading
// zero. It returns j unchanged when there is none.
func (s *markerScanner) number(j int) (int, int) {
	const maxDigits = 3
	k, n := j, 0
	for k < s.end && isDigitByte(s.src[k]) {
		n = n*10 + int(s.src[k]-'0')
		k++
		if k-j > maxDigits {
			return 0, j
		}
	}
	if k == j || s.src[j] == '0' {
		return 0, j
	}
	return n, k
}

func (s *markerScanner) superNumber(j int) (int, int) {
	n, k := 0, j
	for k < s.end {
		r, size := utf8.DecodeRune(s.src[k:s.end])
		d := superDigit(r)
		if d < 0 || k-j > 9 {
			break
		}
		n = n*10 + d
		k += size
	}
	if k == j || n == 0 {
		return 0, j
	}
	return n, k
}

// dash returns the byte length of a range dash at j, or 0.
func (s *markerScanner) dash(j int) int {
	if j >= s.end {
		return 0
	}
	r, size := utf8.DecodeRune(s.src[j:s.end])
	if r == '-' || r == '–' || r == '—' || r == '‐' || r == '‑' {
		return size
	}
	return 0
}

func (s *markerScanner) skipSpaces(j int) int {
	for j < s.end && (s.src[j] == ' ' || s.src[j] == '\t') {
		j++
	}
	return j
}

// prevRune returns the rune before offset i within the body.
func (s *markerScanner) prevRune(i int) (rune, int) {
	if i <= s.start {
		return utf8.RuneError, 0
	}
	return utf8.DecodeLastRune(s.src[s.start:i])
}

// wordBefore returns the letters directly before offset i, soft hyphens
// and inner apostrophes skipped.
func (s *markerScanner) wordBefore(i int) string {
	j := i
	for j > s.start {
		r, size := utf8.DecodeLastRune(s.src[s.start:j])
		if !unicode.IsLetter(r) && r != softHyphen && !unicode.Is(unicode.Mn, r) {
			break
		}
		j -= size
	}
	return strings.ReplaceAll(string(s.src[j:i]), string(softHyphen), "")
}

// yearBefore reports whether the digits ending at i form a year.
func (s *markerScanner) yearBefore(i int) bool {
	j := i
	for j > s.start && isDigitByte(s.src[j-1]) {
		j--
	}
	if i-j != 4 {
		return false
	}
	y := string(s.src[j:i])
	return (y >= "1800" && y <= "2099") && (j == s.start || !isDigitByte(s.src[j-1]) && s.src[j-1] != '.')
}

// inURL reports whether offset i lies inside a URL or e-mail address.
func (s *markerScanner) inURL(i int) bool {
	j := i
	for j > s.start && j > i-300 {
		c := s.src[j-1]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == '<' {
			break
		}
		j--
	}
	tok := s.src[j:i]
	return bytes.Contains(tok, []byte("://")) || bytes.HasPrefix(tok, []byte("www.")) || bytes.IndexByte(tok, '@') >= 0 ||
		bytes.Contains(tok, []byte(".com/")) || bytes.Contains(tok, []byte(".org/"))
}

// gluedWordOK decides whether digits glued straight to word may be a
// citation. Chemistry, vitamins and product names (CO2, B12, D3, COVID19,
// iPhone15) are excluded by shape; what remains must still name an entry.
func gluedWordOK(word string) bool {
	if utf8.RuneCountInString(word) < 3 || gluedExceptions[strings.ToLower(word)] {
		return false
	}
	hasLower := false
	for k, r := range word {
		if unicode.IsUpper(r) && k > 0 {
			return false
		}
		if unicode.IsLower(r) {
			hasLower = true
		}
	}
	last, _ := utf8.DecodeLastRuneInString(word)
	return hasLower && unicode.IsLower(last)
}

// closers are closing punctuation a flattened marker may follow.
const closers = ")]”“\"’‘'»«›‹"

const softHyphen = '\u00AD'

// abbreviations end in a full stop but are followed by a number that is a
// locator, not a citation: "Fig.2", "No.5", "S.45".
var abbreviations = setOf("fig", "figs", "no", "nos", "nr", "vol", "vols", "p", "pp", "s", "ch", "chap", "sec", "sect",
	"eq", "eqs", "tab", "tbl", "art", "abb", "kap", "bd", "suppl", "ed", "edn", "ver", "v", "pt", "par", "para", "app",
	"ca", "approx", "vgl", "bzw", "nrs", "seite", "bsp", "abs", "ziff", "lit", "anm", "hft", "jg", "op", "cf", "ref",
	"refs", "fn", "n", "ff", "f", "min", "max", "st", "mt", "rev", "ps", "vs")

// exponentUnits are the units that take a superscript exponent.
var exponentUnits = setOf("cm", "mm", "km", "µm", "μm", "nm", "dm", "ft", "yd", "mi", "ms", "in", "sec", "min")

// gluedExceptions are lower-case words that commonly carry digits as part
// of a name rather than as a citation.
var gluedExceptions = setOf("omega", "covid", "vitamin", "type", "phase", "level", "stage", "grade", "class", "step",
	"version", "iphone", "windows", "python", "web", "tier", "zone", "model", "series", "room", "apollo", "top",
	"gen", "mark", "round", "week", "day", "set", "sars", "cov", "hba", "pm", "mp", "ipv", "ipad", "android", "ios")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// superDigit returns the value of a Unicode superscript digit, or -1.
func superDigit(r rune) int {
	switch r {
	case '⁰':
		return 0
	case '¹':
		return 1
	case '²':
		return 2
	case '³':
		return 3
	case '⁴', '⁵', '⁶', '⁷', '⁸', '⁹':
		return int(r-'⁴') + 4
	}
	return -1
}
