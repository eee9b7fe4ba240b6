package sources

import (
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/reflint/reflint/lint"
)

// record is a work as a source describes it, reduced to what an entry can
// be compared with. Crossref works and PubMed summaries both become one.
type record struct {
	source     string
	doi, pmid  string
	titles     []string // the title first, then variants (with subtitle, ...)
	containers []string // full journal names and abbreviations
	years      []int    // the issued year first, then print/online years
	volume     string
	issue      string
	pages      string
	authors    []string // family names, first author first

	retraction *lint.Notice
	notices    []lint.Notice
	isNotice   bool
	pubTypes   []string
}

func (r *record) title() string {
	if len(r.titles) == 0 {
		return ""
	}
	return r.titles[0]
}

// The fields an entry and a record are compared on, in report order.
const (
	fieldTitle   = "title"
	fieldAuthor  = "author"
	fieldYear    = "year"
	fieldJournal = "journal"
	fieldVolume  = "volume"
	fieldIssue   = "issue"
	fieldPages   = "pages"
)

// fieldWeight says how much each agreeing field is worth in the confidence.
// The title and first author identify a work; the numbers only confirm it.
var fieldWeight = map[string]float64{
	fieldTitle: 3, fieldAuthor: 2, fieldYear: 1, fieldJournal: 1,
	fieldVolume: 1, fieldIssue: 0.5, fieldPages: 1,
}

// Title similarity thresholds: at or above titleAgree the titles are the
// same (typos, punctuation, a dropped subtitle); below titleOther the
// record is another work.
const (
	titleAgree = 0.85
	titleOther = 0.6
)

// comparison is the field-by-field verdict on one entry against one record.
type comparison struct {
	agreed   []string
	diffs    []lint.FieldDiff
	titleSim float64 // -1 when either side has no title
}

func (c comparison) has(field string) bool { return slices.Contains(c.agreed, field) }

func (c comparison) differs(field string) bool {
	for _, d := range c.diffs {
		if d.Field == field {
			return true
		}
	}
	return false
}

// confidence is the weighted share of compared fields that agree.
func (c comparison) confidence() float64 {
	var agreed, total float64
	for _, f := range c.agreed {
		agreed += fieldWeight[f]
		total += fieldWeight[f]
	}
	for _, d := range c.diffs {
		total += fieldWeight[d.Field]
	}
	if total == 0 {
		return 0
	}
	return float64(int(agreed/total*100+0.5)) / 100
}

// compare checks every field present on both sides.
func compare(f lint.Fields, r *record) comparison {
	c := comparison{titleSim: -1}
	agree := func(field string) { c.agreed = append(c.agreed, field) }
	differ := func(field, cited, rec string) {
		c.diffs = append(c.diffs, lint.FieldDiff{Field: field, Cited: cited, Record: rec})
	}

	if f.Title != "" && len(r.titles) > 0 {
		c.titleSim = titleSimilarity(f.Title, r.titles)
		if c.titleSim >= titleAgree {
			agree(fieldTitle)
		} else {
			differ(fieldTitle, f.Title, cleanTitle(r.title()))
		}
	}
	if len(f.Authors) > 0 && len(r.authors) > 0 {
		if authorMatch(f.Authors[0], r.authors[0]) {
			agree(fieldAuthor)
		} else {
			differ(fieldAuthor, f.Authors[0], r.authors[0])
		}
	}
	if f.Year != 0 && len(r.years) > 0 {
		if yearMatch(f.Year, r.years) {
			agree(fieldYear)
		} else {
			differ(fieldYear, strconv.Itoa(f.Year), strconv.Itoa(r.years[0]))
		}
	}
	if f.Container != "" && len(r.containers) > 0 {
		if journalMatch(f.Container, r.containers) {
			agree(fieldJournal)
		} else {
			differ(fieldJournal, f.Container, r.containers[0])
		}
	}
	if f.Volume != "" && r.volume != "" {
		if strings.EqualFold(strings.TrimSpace(f.Volume), strings.TrimSpace(r.volume)) {
			agree(fieldVolume)
		} else {
			differ(fieldVolume, f.Volume, r.volume)
		}
	}
	if f.Issue != "" && r.issue != "" {
		switch {
		case strings.EqualFold(strings.TrimSpace(f.Issue), strings.TrimSpace(r.issue)):
			agree(fieldIssue)
		case isDigits(f.Issue) && isDigits(r.issue):
			// Issues are only a diff when both are plain numbers: "11/12",
			// "Suppl 1" and "Database issue" are written many ways.
			differ(fieldIssue, f.Issue, r.issue)
		}
	}
	if f.Pages != "" && r.pages != "" {
		if pagesMatch(f.Pages, r.pages) {
			agree(fieldPages)
		} else {
			differ(fieldPages, f.Pages, r.pages)
		}
	}
	return c
}

// identifierVerdict judges a record reached through the entry's own DOI or
// PMID: "identifier-mismatch" when it is plainly another work, otherwise
// verified or mismatch by the diffs.
func identifierVerdict(c comparison) (status lint.LookupStatus, problem string) {
	switch {
	case c.titleSim >= 0 && c.titleSim < titleOther:
		return lint.LookupMismatch, problemIDMismatch
	case c.titleSim < 0 && c.differs(fieldAuthor) && (c.differs(fieldYear) || c.differs(fieldPages) || c.differs(fieldJournal)):
		// Without a title, a different first author plus another
		// disagreement is the best evidence of a wrong identifier.
		return lint.LookupMismatch, problemIDMismatch
	case len(c.diffs) > 0:
		return lint.LookupMismatch, ""
	}
	return lint.LookupVerified, ""
}

// acceptCandidate decides whether a search hit is the cited work, following
// Crossref's own matcher (apis.md §4.1): at least three agreeing fields,
// never the relevance score. When the entry has a title the candidate's
// title must agree, which is what keeps decoys sharing title words out.
func acceptCandidate(f lint.Fields, c comparison) bool {
	if f.Title != "" {
		return c.has(fieldTitle) && len(c.agreed) >= 3 && len(c.diffs) <= 2
	}
	return len(c.agreed) >= 4 && len(c.diffs) == 0 && (c.has(fieldAuthor) || c.has(fieldPages))
}

// rank orders accepted candidates: agreement weight minus disagreement.
func rank(c comparison) float64 {
	var s float64
	for _, f := range c.agreed {
		s += fieldWeight[f]
	}
	for _, d := range c.diffs {
		s -= fieldWeight[d.Field]
	}
	return s + c.titleSim
}

// usable reports whether an entry without identifiers holds enough to be
// searched for without inviting false matches.
func usable(f lint.Fields) bool {
	if len(words(f.Title)) >= 3 {
		return true
	}
	return f.Container != "" && f.Year != 0 && (f.Volume != "" || f.Pages != "")
}

var (
	markupRe    = regexp.MustCompile(`<[^>]*>`)
	retractedRe = regexp.MustCompile(`(?i)^\s*[\[(]?\s*(retracted|withdrawn)\s*(article)?\s*[\])]?\s*[:.\-–]?\s*`)
)

// cleanTitle removes JATS/HTML markup and entities that Crossref titles
// carry, and the "RETRACTED:" prefix that some publishers add.
func cleanTitle(s string) string {
	s = html.UnescapeString(markupRe.ReplaceAllString(s, ""))
	s = retractedRe.ReplaceAllString(s, "")
	return strings.Join(strings.Fields(s), " ")
}

// hasRetractedPrefix reports whether a title announces a retraction.
func hasRetractedPrefix(s string) bool {
	return retractedRe.MatchString(html.UnescapeString(markupRe.ReplaceAllString(s, "")))
}

// titleSimilarity is the best similarity between the cited title and any
// of the record's title variants, and the variant's main title (before a
// colon), since citations often drop subtitles.
func titleSimilarity(cited string, variants []string) float64 {
	a := strings.Join(words(cleanTitle(cited)), " ")
	best := 0.0
	for _, v := range variants {
		v = cleanTitle(v)
		cands := []string{v}
		if i := strings.IndexAny(v, ":?"); i > 0 {
			cands = append(cands, v[:i])
		}
		for _, cand := range cands {
			b := strings.Join(words(cand), " ")
			best = max(best, similarity(a, b))
		}
	}
	return best
}

// similarity of two normalised strings: the larger of the token Dice
// coefficient (word order and small insertions) and the edit-distance
// ratio (typos inside words).
func similarity(a, b string) float64 {
	if a == "" || b == "" {
		return 0
	}
	if a == b {
		return 1
	}
	return max(dice(strings.Fields(a), strings.Fields(b)), editRatio(a, b))
}

func dice(a, b []string) float64 {
	counts := map[string]int{}
	for _, w := range a {
		counts[w]++
	}
	common := 0
	for _, w := range b {
		if counts[w] > 0 {
			counts[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

func editRatio(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return 1 - float64(prev[len(rb)])/float64(max(len(ra), len(rb)))
}

// words splits text into lower-case, accent-folded alphanumeric words.
func words(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// foldTable maps common accented Latin letters to ASCII. A table keeps the
// package free of golang.org/x/text; names and titles in reference lists
// rarely go beyond these.
var foldTable = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "ą", "a",
	"ç", "c", "č", "c", "ć", "c", "ď", "d", "đ", "d",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "ě", "e", "ę", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i",
	"ł", "l", "ñ", "n", "ń", "n", "ň", "n",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "ő", "o",
	"ř", "r", "š", "s", "ś", "s", "ş", "s", "ß", "ss", "ť", "t",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "ů", "u", "ű", "u",
	"ý", "y", "ÿ", "y", "ž", "z", "ź", "z", "ż", "z", "æ", "ae", "œ", "oe",
)

func fold(s string) string { return foldTable.Replace(strings.ToLower(s)) }

// authorMatch reports whether the record's first-author family name occurs
// as whole words in the cited first author, whatever the citation style
// ("Smith J", "Smith, J.", "J. Smith", "van der Berg A").
func authorMatch(cited, family string) bool {
	fam := words(family)
	if len(fam) == 0 {
		return false
	}
	hay := " " + strings.Join(words(cited), " ") + " "
	return strings.Contains(hay, " "+strings.Join(fam, " ")+" ")
}

// yearMatch accepts the record's years and one year either side of its
// issued year: online-first articles are often cited by print year.
func yearMatch(cited int, years []int) bool {
	if slices.Contains(years, cited) {
		return true
	}
	return cited == years[0]-1 || cited == years[0]+1
}

// journalStop are words that ISO 4 abbreviations drop.
var journalStop = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "in": true, "on": true,
	"de": true, "la": true, "le": true, "der": true, "und": true, "fur": true,
}

func journalWords(s string) []string {
	var out []string
	for _, w := range words(s) {
		if !journalStop[w] {
			out = append(out, w)
		}
	}
	return out
}

// journalMatch compares a cited journal with the record's names. An
// abbreviation matches word by word when each abbreviated word starts like
// the full word and its letters occur in order ("Sports Med." = "Sports
// Medicine", "Proc Natl Acad Sci U S A" = "Proceedings of the National
// Academy of Sciences of the United States of America").
func journalMatch(cited string, names []string) bool {
	c := journalWords(cited)
	if len(c) == 0 {
		return false
	}
	for _, n := range names {
		r := journalWords(n)
		if strings.Join(c, "") == strings.Join(r, "") || abbreviates(c, r) || abbreviates(r, c) {
			return true
		}
	}
	return false
}

func abbreviates(short, long []string) bool {
	if len(short) != len(long) {
		return false
	}
	for i := range short {
		if !isAbbrev(short[i], long[i]) {
			return false
		}
	}
	return true
}

func isAbbrev(a, full string) bool {
	if a == "" || full == "" || a[0] != full[0] {
		return false
	}
	j := 0
	for i := 0; i < len(full) && j < len(a); i++ {
		if full[i] == a[j] {
			j++
		}
	}
	return j == len(a)
}

// pagesMatch compares page ranges with abbreviated last pages expanded
// ("2521-32" = "2521-2532", "D48-53" = "D48-D53"). A missing last page on
// either side is not a disagreement.
func pagesMatch(cited, rec string) bool {
	f1, l1 := splitPages(cited)
	f2, l2 := splitPages(rec)
	if f1 != f2 {
		return false
	}
	return l1 == "" || l2 == "" || l1 == l2
}

func splitPages(p string) (first, last string) {
	p = strings.ToLower(p)
	for _, d := range []string{"–", "—", "‐", "‑", "−"} {
		p = strings.ReplaceAll(p, d, "-")
	}
	p = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(p), "pp."), "p.")
	p = strings.ReplaceAll(p, " ", "")
	first, last, _ = strings.Cut(p, "-")
	if last == "" || len(last) >= len(first) {
		return first, last
	}
	// Expand an abbreviated last page from the first page's prefix.
	prefix := strings.TrimRightFunc(first, unicode.IsDigit)
	fd, ld := first[len(prefix):], strings.TrimPrefix(last, prefix)
	if isDigits(ld) && len(ld) <= len(fd) {
		last = prefix + fd[:len(fd)-len(ld)] + ld
	}
	return first, last
}

func isDigits(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// firstPage is the first page of a range, for ECitMatch.
func firstPage(p string) string {
	f, _ := splitPages(p)
	return f
}
