package lint

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// referenceHeadings are the names a reference list goes by, lower-cased,
// without a trailing colon. Extra names can be added by configuration.
var referenceHeadings = setOf(
	"references", "reference list", "references and notes", "notes and references", "sources and references",
	"references and sources", "scientific references", "research references", "sources", "source", "bibliography",
	"works cited", "literature", "literature cited", "cited literature", "notes", "footnotes", "endnotes",
	"citations", "studies cited", "research cited", "cited studies", "cited works",
	// other languages
	"quellen", "quellenangaben", "quellenverzeichnis", "literatur", "literaturverzeichnis", "literaturangaben",
	"einzelnachweise", "anmerkungen", "fußnoten", "nachweise", "referencias", "referencias bibliográficas",
	"bibliografía", "fuentes", "notas", "références", "bibliographie", "notes et références", "références bibliographiques",
	"riferimenti", "riferimenti bibliografici", "bibliografia", "fonti", "note", "referenties", "bronnen",
	"literatuur", "noten", "referências", "fontes", "referências bibliográficas", "litteratur", "källor",
	"referenser", "kilder", "litteraturliste", "lähteet", "viitteet", "kirjallisuus", "przypisy", "źródła",
	"literatura", "bibliografie", "odkazy", "zdroje", "список литературы", "литература", "источники",
	"примечания", "参考文献", "参考資料", "出典", "注釈", "참고문헌",
)

// isReferenceHeading reports whether a line is a reference-list heading:
// one of the names, alone on its line, with an optional colon, a count
// such as "(44)", Markdown hashes or soft hyphens.
func isReferenceHeading(line string, extra map[string]bool) bool {
	exact, loose := headingMatch(line, extra)
	return exact || loose
}

// headingMatch tells an exact reference-list name ("References") from a
// loose one: a short line with a noun such as "sources" in it ("Best
// Sources of Iron" too, which is why a loose heading must be followed by
// entries that read like references).
func headingMatch(line string, extra map[string]bool) (exact, loose bool) {
	t := strings.ReplaceAll(line, string(softHyphen), "")
	t = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(t), "#"))
	t = strings.TrimRight(t, ": ")
	if i := strings.LastIndexByte(t, '('); i > 0 && strings.HasSuffix(t, ")") {
		t = strings.TrimSpace(t[:i])
	}
	if len(t) == 0 || len(t) > 60 {
		return false, false
	}
	t = strings.ToLower(t)
	if referenceHeadings[t] || extra[t] {
		return true, false
	}
	// "Scientific References", "Sources & further reading", "Studies
	// referenced": a short line naming a list. The caller still needs
	// numbered entries after it.
	words := strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) > 5 || strings.ContainsAny(t, ".!?") {
		return false, false
	}
	for _, w := range words {
		if referenceNouns[w] {
			return false, true
		}
	}
	return false, false
}

// referenceNouns name a reference list inside a longer heading.
var referenceNouns = setOf("references", "referenced", "sources", "bibliography", "citations", "literature",
	"footnotes", "endnotes", "quellen", "literatur", "quellenangaben", "einzelnachweise", "referencias", "références")

// entryStart describes the numbered start of a reference entry on a line.
type entryStart struct {
	number int
	num    Span // the printed number
	text   int  // offset where the entry's text begins
}

// parseEntryStart recognises "1.", "1)", "[1]", "(1)", "1 ", "¹" and a
// number glued to a capital ("22Sometimes"), after optional indentation
// and bullet, at the start of line ln.
func parseEntryStart(src []byte, ln Span) (entryStart, bool) {
	i := ln.Start
	for i < ln.End && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if r, size := utf8.DecodeRune(src[i:ln.End]); strings.ContainsRune("•*·▪◦-–", r) && i+size < ln.End && src[i+size] == ' ' {
		i += size + 1
	}
	if i >= ln.End {
		return entryStart{}, false
	}
	open := byte(0)
	if src[i] == '[' || src[i] == '(' {
		open = src[i]
		i++
	}
	j, n := i, 0
	for j < ln.End && isDigitByte(src[j]) && j-i < 5 {
		n = n*10 + int(src[j]-'0')
		j++
	}
	if j == i {
		if open == 0 {
			return superscriptStart(src, ln, i)
		}
		return entryStart{}, false
	}
	if n == 0 || j < ln.End && isDigitByte(src[j]) {
		return entryStart{}, false
	}
	num := Span{i, j}
	k, ok := afterEntryNumber(src, j, ln.End, open)
	if !ok {
		return entryStart{}, false
	}
	k = skipBacklinks(src, k, ln.End)
	if k >= ln.End {
		return entryStart{}, false // a bare number is not an entry
	}
	return entryStart{number: n, num: num, text: k}, true
}

// afterEntryNumber checks what follows an entry number at k: the closing
// bracket it opened, "." or ")", a space, or a glued letter ("22Sometimes",
// "29van Kolfschoten"). It returns where the entry text may begin.
func afterEntryNumber(src []byte, k, end int, open byte) (int, bool) {
	switch {
	case open == '[' || open == '(':
		want := byte(']')
		if open == '(' {
			want = ')'
		}
		if k >= end || src[k] != want {
			return 0, false
		}
		return k + 1, true
	case k < end && (src[k] == '.' || src[k] == ')'):
		if k+1 < end && isDigitByte(src[k+1]) {
			return 0, false // "1.5 kg"
		}
		return k + 1, true
	case k < end && (src[k] == ' ' || src[k] == '\t'):
		return k, true
	}
	r, _ := utf8.DecodeRune(src[k:end])
	return k, unicode.IsLetter(r) || strings.ContainsRune("\"“‘'„", r)
}

func superscriptStart(src []byte, ln Span, i int) (entryStart, bool) {
	j, n := i, 0
	for j < ln.End {
		r, size := utf8.DecodeRune(src[j:ln.End])
		d := superDigit(r)
		if d < 0 {
			break
		}
		n = n*10 + d
		j += size
	}
	if j == i || n == 0 {
		return entryStart{}, false
	}
	k := skipBacklinks(src, j, ln.End)
	if k >= ln.End {
		return entryStart{}, false
	}
	return entryStart{number: n, num: Span{i, j}, text: k}, true
}

// skipBacklinks skips spaces and the back-links a copied Wikipedia list
// keeps ("^ a b", "↑").
func skipBacklinks(src []byte, k, end int) int {
	for k < end && (src[k] == ' ' || src[k] == '\t') {
		k++
	}
	r, size := utf8.DecodeRune(src[k:end])
	if r != '^' && r != '↑' {
		return k
	}
	k += size
	for {
		for k < end && src[k] == ' ' {
			k++
		}
		if k+1 < end && src[k] >= 'a' && src[k] <= 'z' && src[k+1] == ' ' {
			k += 2
			continue
		}
		return k
	}
}

// listParser collects the entries of a numbered list from a starting line.
type listParser struct {
	src   []byte
	lines []Span
}

type rawEntry struct {
	start entryStart
	first int // index of the entry's first line
	last  int // index of its last line
}

// parse reads entries from line index from. The list ends where the
// numbering stops: a line that neither starts a plausible next entry nor
// continues the current one.
func (p *listParser) parse(from int) []rawEntry {
	var out []rawEntry
	blank := 0
	for i := from; i < len(p.lines); i++ {
		ln := p.lines[i]
		if isBlank(p.src[ln.Start:ln.End]) {
			blank++
			continue
		}
		if es, ok := parseEntryStart(p.src, ln); ok && (len(out) == 0 || plausibleNext(out[len(out)-1].start.number, es.number)) {
			out = append(out, rawEntry{start: es, first: i, last: i})
			blank = 0
			continue
		}
		if len(out) == 0 {
			return nil
		}
		cur := &out[len(out)-1]
		if p.nextEntryFollows(i, cur.start.number) || blank == 0 && p.continues(cur, ln) {
			cur.last = i
			blank = 0
			continue
		}
		break
	}
	return out
}

// plausibleNext accepts the next entry number: the expected one, or a
// small gap, repeat or step back (reported by reference-numbering).
func plausibleNext(prev, n int) bool { return n >= prev-2 && n <= prev+6 }

// nextEntryFollows reports whether a plausible next entry starts within
// the three non-blank lines after line i, so that line i is inside the list.
func (p *listParser) nextEntryFollows(i, prev int) bool {
	seen := 0
	for j := i + 1; j < len(p.lines) && seen < 3; j++ {
		ln := p.lines[j]
		if isBlank(p.src[ln.Start:ln.End]) {
			continue
		}
		seen++
		if es, ok := parseEntryStart(p.src, ln); ok && es.number > prev && es.number <= prev+3 {
			return true
		}
	}
	return false
}

var continuationRe = regexp.MustCompile(`(?i)\b(doi|pmid|pmc\d|https?://|www\.)|\b(1[89]|20)\d\d\b`)

// continues reports whether a line without a number continues the current
// entry. A deeper indent says yes and a shallower one no (an author box
// after an indented list); at the same indent, a line that starts in lower
// case or carries an identifier or a year continues, and so does any line
// after an entry line that stopped mid-sentence, unless that line ended in
// a URL or DOI, which is how complete entries end.
func (p *listParser) continues(cur *rawEntry, ln Span) bool {
	line := p.src[ln.Start:ln.End]
	first := p.lines[cur.first]
	switch li, fi := indent(line), indent(p.src[first.Start:first.End]); {
	case li > fi:
		return true
	case li < fi:
		return false
	}
	r, _ := utf8.DecodeRune(line[indent(line):])
	if unicode.IsLower(r) || continuationRe.Match(line) {
		return true
	}
	prev := trimRightSpace(p.src[p.lines[cur.last].Start:p.lines[cur.last].End])
	lastTok := prev[bytes.LastIndexAny(prev, " \t")+1:]
	if bytes.Contains(lastTok, []byte("://")) || bytes.HasPrefix(lastTok, []byte("10.")) {
		return false
	}
	last, _ := utf8.DecodeLastRune(prev)
	return !strings.ContainsRune(".!?)]”\"", last)
}

func indent(line []byte) int {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return i
}

func isBlank(line []byte) bool {
	for _, r := range string(line) {
		if !unicode.IsSpace(r) && r != softHyphen && r != '\uFEFF' {
			return false
		}
	}
	return true
}

func trimRightSpace(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// findReferenceList locates the reference list. It prefers the last
// reference heading followed by numbered entries; without one it takes the
// final run of numbered entries that reads like a bibliography. It returns
// the list, its raw entries and the end of the article body.
func findReferenceList(d *Document, extra map[string]bool) (*RefList, []rawEntry) {
	lines := d.lines()
	p := &listParser{src: d.Source, lines: lines}
	for h, ln := range slices.Backward(lines) {
		if ln.Len() > 200 {
			continue
		}
		exact, loose := headingMatch(string(d.Source[ln.Start:ln.End]), extra)
		if !exact && !loose {
			continue
		}
		if entries := p.afterHeading(h); len(entries) > 0 && (exact || p.bibliographic(entries)) {
			l := p.list(ln, entries)
			l.Unnumbered = entries[0].start.num.Len() == 0
			return l, entries
		}
	}
	var best []rawEntry
	for i := 0; i < len(lines); i++ {
		es, ok := parseEntryStart(d.Source, lines[i])
		if !ok || es.number > 20 {
			continue
		}
		entries := p.parse(i)
		if len(entries) >= 2 && p.bibliographic(entries) {
			best = entries
		}
		if len(entries) > 0 {
			// A run is read once: starting again inside it would make a
			// long numbered list cost quadratic time.
			i = entries[len(entries)-1].last
		}
	}
	if best == nil {
		return nil, nil
	}
	return p.list(Span{}, best), best
}

// afterHeading parses the entries that follow heading line h, allowing a
// short lead-in line or two between them.
func (p *listParser) afterHeading(h int) []rawEntry {
	seen := 0
	for i := h + 1; i < len(p.lines) && seen <= 2; i++ {
		ln := p.lines[i]
		if isBlank(p.src[ln.Start:ln.End]) {
			continue
		}
		if _, ok := parseEntryStart(p.src, ln); ok {
			return p.parse(i)
		}
		if entries := p.unnumbered(i); len(entries) > 0 {
			return entries
		}
		seen++
	}
	return nil
}

// unnumbered reads a list whose numbers were lost, as when a Wikipedia
// page is copied as text ("^ a b Smith J (2019) …" lines): each line that
// starts with a back-link or reads like a bibliography entry (a year, an
// identifier, a URL) is the next entry, numbered from 1 in list order.
// Only used under a reference heading.
func (p *listParser) unnumbered(from int) []rawEntry {
	var out []rawEntry
	for i := from; i < len(p.lines); i++ {
		ln := p.lines[i]
		line := p.src[ln.Start:ln.End]
		if isBlank(line) {
			continue
		}
		start := ln.Start + indent(line)
		text := skipBacklinks(p.src, start, ln.End)
		backlink := text > start
		// A list of back-link lines ends at the first line without one
		// ("Retrieved from … 2025" is no entry); a list without them is
		// a run of lines that read like references.
		if len(out) > 0 && backlink != (out[0].start.text > out[0].start.num.Start) ||
			!backlink && !continuationRe.Match(line) || text >= ln.End {
			break
		}
		out = append(out, rawEntry{start: entryStart{number: len(out) + 1, num: Span{start, start}, text: text}, first: i, last: i})
	}
	if len(out) == 1 && p.src[out[0].start.num.Start] != '^' && p.src[out[0].start.num.Start] != 0xE2 {
		return nil // one lone line with a year is no list
	}
	return out
}

// bibliographic reports whether at least half the entries look like
// references (a year, an identifier or a URL) rather than list items.
func (p *listParser) bibliographic(entries []rawEntry) bool {
	n := 0
	for _, e := range entries {
		text := p.src[p.lines[e.first].Start:p.lines[e.last].End]
		if continuationRe.Match(text) {
			n++
		}
	}
	return n*2 >= len(entries)
}

func (p *listParser) list(heading Span, entries []rawEntry) *RefList {
	first := entries[0].start.num.Start
	if first > 0 && (p.src[first-1] == '[' || p.src[first-1] == '(') {
		first--
	}
	return &RefList{Heading: heading, Span: Span{first, p.lines[entries[len(entries)-1].last].End}}
}
