package lint

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Identifier patterns. A DOI is 10.<registrant>/<suffix>; the registrant
// has 4 to 9 digits (Crossref's own guidance for matching DOIs in text).
var (
	doiRe   = fast(`(?:https?://(?:dx\.)?doi\.org/|\bdoi\s*[:=]?\s*)?\b(10\.\d{4,9}/[^\s"<>]+)`, true, "10.")
	pmidRe  = fast(`\bpmid\s*:?\s*([^\s,;]+)`, true, "pmid")
	pmcidRe = fast(`\bPMC ?\d{4,9}\b`, false, "PMC")
	urlRe   = fast(`\b(?:[a-z][a-z+.-]{1,8}:/{1,3}|https?//|www\.)[^\s<>"]+`, true, ":/", "//", "www.")
)

// Locator patterns, tried in order; the first that matches wins for each
// field. Each handles one common shape of the source block.
var (
	// Matches 47(12):2521-2532, 26(2):p 443-451 and 87(3 Pt 1):1003-11.
	volIssPagesRe = fast(`\b(\d{1,5})\s*\(([^()]{1,20})\)\s*:\s*(?:pp?\.?\s*)?([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)`, false, "):", ") :")
	// Matches 2011;(7):CD004577, an issue without a volume.
	issPagesRe = fast(`;\s*\(([^()]{1,20})\)\s*:\s*([A-Za-z]{0,3}\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)`, false, ";(", "; (")
	// Matches 2024;384:e075847, 2023;57:1203-1209 and Jun:39:52-68.
	volPagesRe = fast(`[;:]\s*(\d{1,5})(?:\s*Suppl\.?\s*\d*)?\s*:\s*([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)`, false, ":")
	// Matches Wikipedia's "14: 18" and "83: 367–374" (volume: pages).
	volColonRe = fast(`\b(\d{1,4})\s?:\s?([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)\b`, false, ":")
	// Matches 13(7), 221 and 12(3), 45–67 (MDPI, APA).
	volIssCommaRe = fast(`\b(\d{1,5})\s*\(([^()]{1,20})\)\s*,\s*([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)\b`, false, "),", ") ,")
	// Matches 129 (2014), German styles' volume (year).
	volYearRe = fast(`\b(\d{1,5})\s*\(((?:1[5-9]|20)\d\d)\)`, false, "(")
	// Matches 43(1).
	volIssRe  = fast(`\b(\d{1,5})\s*\(([^()]{1,20})\)`, false, "(")
	volumeRe  = fast(`\b(?:vol(?:ume)?|bd|jg)\.?\s*:?\s*(\d+)`, true, "vol", "bd", "jg")
	issueRe   = fast(`\b(?:issue|iss|no|nr|heft)\.?\s*:?\s*(\d+)`, true, "iss", "no", "nr", "heft")
	pagesRe   = fast(`(?:\b(?:pages?|pp|page no|seiten?)\.?|\b[ps]\.)\s*:?\s*(\d+(?:\s*[-–]\s*\d+)?)|\bpp?\s+(\d+(?:\s*[-–]\s*\d+)?)`, true)
	articleRe = fast(`\b(?:19|20)\d\d\s*,\s*(e?\d{4,8})\b`, false, ", ", ",")
	parenYear = fast(`\((1[5-9]\d\d|20\d\d)[a-z]?(?:,[^)]{0,30})?\)`, false, "(")
)

func init() {
	pagesRe.pre = hasPagesCue
}

// hasPagesCue reports whether s can hold a page locator: "pages", "pp",
// "seite", or "p."/"s."/"p " followed by a digit, in any case.
func hasPagesCue(s string) bool {
	if containsFold(s, "page") || containsFold(s, "pp") || containsFold(s, "seite") {
		return true
	}
	for i := 0; i+1 < len(s); i++ {
		if c := lowerByte(s[i]); (c == 'p' || c == 's') && (s[i+1] == '.' || s[i+1] == ' ') {
			j := i + 2
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if j < len(s) && isDigitByte(s[j]) {
				return true
			}
		}
	}
	return false
}

// parsedEntry is an entry's fields plus what reflint found wrong with its
// identifiers.
type parsedEntry struct {
	fields    Fields
	malformed []string
}

// parseEntry extracts bibliographic fields from an entry's text. It
// recognises the NLM/PubMed shape ("Sports Med. 2017 Dec;47(12):2521-2532.
// Title."), container-first web shapes ("Sports 2025, 13(7), 221. Title."),
// Vancouver with authors, APA and book citations with S./p. locators.
func parseEntry(text string) parsedEntry {
	var pe parsedEntry
	f := &pe.fields
	work := text
	blank := func(loc []int) { work = work[:loc[0]] + strings.Repeat(" ", loc[1]-loc[0]) + work[loc[1]:] }

	for _, m := range doiClaims(text) {
		raw := trimIDPunct(text[m[2]:m[3]])
		if doiRe.MatchString(raw) && strings.HasPrefix(raw, "10.") {
			if f.DOI == "" {
				f.DOI = strings.ToLower(raw)
			}
		} else {
			pe.malformed = append(pe.malformed, "DOI "+strconv.Quote(raw)+" is not of the form 10.<4–9 digits>/<suffix>")
		}
		blank(m[:2])
	}
	if f.DOI == "" {
		if m := doiRe.FindStringSubmatchIndex(work); m != nil {
			f.DOI = strings.ToLower(trimIDPunct(work[m[2]:m[3]]))
			blank(m[:2])
		}
	}
	for _, m := range pmidRe.FindAllStringSubmatchIndex(work, -1) {
		raw := trimIDPunct(work[m[2]:m[3]])
		if _, err := strconv.ParseUint(raw, 10, 64); err == nil && len(raw) <= 9 {
			f.PMID = raw
		} else {
			pe.malformed = append(pe.malformed, "PMID "+strconv.Quote(raw)+" is not a number")
		}
		blank(m[:2])
	}
	if m := pmcidRe.FindStringIndex(work); m != nil {
		f.PMCID = strings.ReplaceAll(work[m[0]:m[1]], " ", "")
		blank(m)
	}
	for _, m := range urlRe.FindAllStringIndex(work, -1) {
		raw := trimIDPunct(work[m[0]:m[1]])
		if msg := checkURL(raw); msg != "" {
			pe.malformed = append(pe.malformed, msg)
		} else if f.URL == "" {
			f.URL = raw
		}
		blank(m)
	}
	parseBody(strings.TrimSpace(work), f)
	return pe
}

// parseBody fills authors, title, container, year and locators from the
// entry text with identifiers blanked out.
func parseBody(work string, f *Fields) {
	if m := quotedTitle.FindStringSubmatchIndex(work); m != nil {
		parseQuoted(work, m, f)
		return
	}
	authors, rest := splitAuthors(work)
	f.Authors = authors
	// APA's "(2019)." right after the authors is the year; a year in
	// parentheses further on belongs to the source block ("129 (2014)").
	if m := parenYear.FindStringSubmatchIndex(rest); m != nil && m[0] < 3 {
		f.Year, _ = strconv.Atoi(rest[m[2]:m[3]])
		rest = rest[:m[0]] + strings.Repeat(" ", m[1]-m[0]) + rest[m[1]:]
	}
	blockStart, blockEnd := locators(rest, f)
	if f.Year == 0 {
		for _, m := range findYears(rest) {
			y, _ := strconv.Atoi(rest[m[0]:m[1]])
			if y <= time.Now().Year()+1 && !inPageRange(rest, m[0], m[1]) {
				f.Year = y
				if blockStart < 0 || m[0] < blockStart && !strings.Contains(rest[m[1]:blockStart], ". ") {
					blockStart = m[0]
				}
				blockEnd = max(blockEnd, m[1])
				break
			}
		}
	}
	if blockStart < 0 {
		f.Title = cleanField(rest)
		return
	}
	// A date before the year ("28 July 2025") belongs to the block; look
	// only at the few words before it.
	blockStart = dateBefore(rest, blockStart)
	pre, post := rest[:blockStart], rest[blockEnd:]
	if len(authors) > 0 || strings.TrimSpace(cleanField(post)) == "" {
		f.Title, f.Container = splitTitleContainer(pre)
		if f.Container == "" && len(authors) == 0 {
			// "Lancet. 1998;351:637-41." names only the journal.
			f.Title, f.Container = "", f.Title
		}
		f.Container = trailingYear.ReplaceAllString(strings.TrimPrefix(f.Container, "In: "), "")
		return
	}
	f.Container = cleanField(pre)
	f.Title = cleanField(post)
}

// quotedTitle is a title in quotation marks, as Wikipedia (CS1), MLA and
// Chicago write it: Author (2019). "Title". Journal. 12 (3): 45–67.
// Harvard quotes with single marks, which apostrophes also use, so a
// single-quoted title must follow a year or stop and end in "'," or "'.".
var quotedTitle = &fastRe{
	re: regexp.MustCompile(`["“]([^"“”]{12,})["”]|(?:^|[).]\s+)['‘]([^‘’]{12,}?)['’][,.]`),
	pre: func(s string) bool {
		return strings.ContainsAny(s, "\"“‘") || strings.Contains(s, ") '") || strings.Contains(s, ". '") || strings.HasPrefix(s, "'")
	},
}

// parseQuoted reads an entry whose title is quoted: authors and year
// before the title, the container and the source block after it.
func parseQuoted(work string, m []int, f *Fields) {
	title, start, end := m[2], m[3], m[1]
	if title < 0 { // single quotes: the match began before the quote
		title, start = m[4], m[5]
		end = start + len("'")
		if strings.HasPrefix(work[start:], "’") {
			end = start + len("’")
		}
	}
	f.Title = strings.TrimRight(strings.TrimSpace(work[title:start]), ".,;:")
	head := work[:title]
	head = strings.TrimRight(head, "'‘ ")
	if y := parenYear.FindStringSubmatchIndex(head); y != nil {
		f.Year, _ = strconv.Atoi(head[y[2]:y[3]])
		head = head[:y[0]] + head[y[1]:]
	}
	if strings.TrimSpace(head) != "" {
		f.Authors = quotedAuthors(strings.TrimRight(strings.TrimSpace(head), ":"))
	}
	tail := work[end:]
	blockStart, _ := locators(tail, f)
	if f.Year == 0 {
		for _, y := range findYears(tail) {
			if !inPageRange(tail, y[0], y[1]) {
				f.Year, _ = strconv.Atoi(tail[y[0]:y[1]])
				if blockStart < 0 || y[0] < blockStart {
					blockStart = y[0]
				}
				break
			}
		}
	}
	container := tail
	if blockStart >= 0 {
		container = tail[:dateBefore(tail, blockStart)]
	} else if i := strings.Index(strings.TrimLeft(tail, ". "), ". "); i > 0 {
		container = strings.TrimLeft(tail, ". ")[:i]
	}
	f.Container = trailingYear.ReplaceAllString(cleanField(container), "")
}

// trailingYear is a year left at the end of a container by book shapes
// ("London: Sage; 2015").
var trailingYear = regexp.MustCompile(`[;,.]?\s*(1[5-9]|20)\d\d[a-z]?$`)

// inPageRange reports whether the number at s[i:j] is one end of a page
// range such as 1730–1737, which would otherwise pass for a year.
func inPageRange(s string, i, j int) bool {
	after := strings.TrimLeft(s[j:], " ")
	before := strings.TrimRight(s[:i], " ")
	return strings.HasPrefix(after, "-") && len(after) > 1 && isDigitByte(after[1]) ||
		strings.HasPrefix(after, "–") && len(after) > 3 && isDigitByte(after[3]) ||
		strings.HasSuffix(before, "-") || strings.HasSuffix(before, "–")
}

// locators fills volume, issue and pages, and returns the span of the
// source block they form (-1 when there is none).
func locators(s string, f *Fields) (int, int) {
	start, end := -1, -1
	note := func(m []int) {
		if start < 0 || m[0] < start {
			start = m[0]
		}
		end = max(end, m[1])
	}
	if m := volIssPagesRe.FindStringSubmatchIndex(s); m != nil {
		f.Volume, f.Issue, f.Pages = s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]
		note(m)
	} else if m := volIssCommaRe.FindStringSubmatchIndex(s); m != nil && !isYear(s[m[4]:m[5]]) {
		f.Volume, f.Issue, f.Pages = s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]
		note(m)
	} else if m := issPagesRe.FindStringSubmatchIndex(s); m != nil {
		f.Issue, f.Pages = s[m[2]:m[3]], s[m[4]:m[5]]
		note(m)
	} else if m := volPagesRe.FindStringSubmatchIndex(s); m != nil {
		f.Volume, f.Pages = s[m[2]:m[3]], s[m[4]:m[5]]
		note(m)
	} else if m := volColonRe.FindStringSubmatchIndex(s); m != nil && !isYear(s[m[2]:m[3]]) {
		f.Volume, f.Pages = s[m[2]:m[3]], s[m[4]:m[5]]
		note(m)
	} else if m := volYearRe.FindStringSubmatchIndex(s); m != nil && !isYear(s[m[2]:m[3]]) {
		f.Volume = s[m[2]:m[3]]
		if f.Year == 0 {
			f.Year, _ = strconv.Atoi(s[m[4]:m[5]])
		}
		note(m)
	} else if m := volIssRe.FindStringSubmatchIndex(s); m != nil && !isYear(s[m[4]:m[5]]) && !isYear(s[m[2]:m[3]]) {
		f.Volume, f.Issue = s[m[2]:m[3]], s[m[4]:m[5]]
		note(m)
	}
	if m := volumeRe.FindStringSubmatchIndex(s); m != nil && f.Volume == "" {
		f.Volume = s[m[2]:m[3]]
		note(m)
	}
	if m := issueRe.FindStringSubmatchIndex(s); m != nil && f.Issue == "" {
		f.Issue = s[m[2]:m[3]]
		note(m)
	}
	if m := pagesRe.FindStringSubmatchIndex(s); m != nil && f.Pages == "" {
		if m[2] >= 0 {
			f.Pages = s[m[2]:m[3]]
		} else {
			f.Pages = s[m[4]:m[5]]
		}
		note(m)
	}
	if m := articleRe.FindStringSubmatchIndex(s); m != nil && f.Pages == "" {
		f.Pages = s[m[2]:m[3]]
		note(m)
	}
	f.Pages = strings.Join(strings.Fields(f.Pages), "")
	return start, end
}

// splitTitleContainer splits "Title. Journal Abbrev." at the first full
// stop that ends a sentence rather than an abbreviation.
func splitTitleContainer(s string) (title, container string) {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if (s[i] != '.' && s[i] != '?' && s[i] != '!') || i+1 >= len(s) || s[i+1] != ' ' {
			continue
		}
		if s[i] == '.' && looksAbbreviated(s[:i]) {
			continue
		}
		return cleanField(s[:i+1]), cleanField(s[i+1:])
	}
	return cleanField(s), ""
}

// looksAbbreviated reports whether the text before a full stop ends in an
// abbreviation (single letters, short capitalised stems like "Med",
// "Psychol", "Int") rather than a full word.
func looksAbbreviated(before string) bool {
	w := before[strings.LastIndexAny(before, " ([")+1:]
	n := utf8.RuneCountInString(w)
	if n <= 1 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && n <= 8 && journalStems[strings.ToLower(w)]
}

// journalStems are ISO 4 abbreviations common in health journal names.
var journalStems = setOf("j", "int", "res", "med", "sci", "psychol", "clin", "environ", "am", "br", "eur", "ann",
	"rev", "soc", "assoc", "natl", "acad", "proc", "curr", "opin", "exp", "biol", "chem", "phys", "neurosci",
	"physiol", "nutr", "behav", "cogn", "front", "rehabil", "epidemiol", "endocrinol", "metab", "gerontol",
	"geriatr", "pediatr", "nurs", "pract", "promot", "educ", "ment", "adv", "appl", "arch", "bull", "dev", "dis",
	"disord", "gen", "cond", "psychiatr", "sports", "sport", "exerc", "hlth", "publ", "obes", "diabetol", "cardiol",
	"neurol", "oncol", "immunol", "pharmacol", "pharm", "toxicol", "surg", "intern", "prev", "occup", "med",
	"psychosom", "stud", "trans", "lett", "comm", "commun", "syst", "technol", "eng", "mol", "cell", "microbiol",
	"genet", "nat", "sleep", "stress", "anxiety", "depress", "addict", "drug", "alcohol", "gastroenterol",
	"hepatol", "dermatol", "ophthalmol", "otolaryngol", "urol", "nephrol", "hematol", "respir", "crit", "emerg",
	"fam", "gen", "med", "open", "rep", "case", "ed", "ser", "suppl")

func isYear(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) && strings.Trim(s, "0123456789") == ""
}

// cleanField trims the separators left around a field.
func cleanField(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, " ,;:–-")
	s = strings.TrimSuffix(s, ".")
	return strings.TrimSpace(strings.TrimLeft(s, ").,;: "))
}

// trimIDPunct strips the punctuation that ends a sentence after an
// identifier, keeping a closing parenthesis the identifier opened.
func trimIDPunct(s string) string {
	for s != "" {
		last := s[len(s)-1]
		switch {
		case strings.IndexByte(".,;:]}>'\"", last) >= 0:
			s = s[:len(s)-1]
		case last == ')' && strings.Count(s, "(") < strings.Count(s, ")"):
			s = s[:len(s)-1]
		default:
			return s
		}
	}
	return s
}

// checkURL returns a message when raw is not a usable web address.
func checkURL(raw string) string {
	if strings.HasPrefix(strings.ToLower(raw), "www.") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return "URL " + strconv.Quote(raw) + " cannot be parsed"
	case u.Scheme != "http" && u.Scheme != "https" || !strings.HasPrefix(strings.ToLower(raw), u.Scheme+"://"):
		return "URL " + strconv.Quote(raw) + " has a broken or unsupported scheme"
	case !strings.Contains(u.Host, ".") || strings.HasPrefix(u.Host, ".") || strings.HasSuffix(u.Host, "."):
		return "URL " + strconv.Quote(raw) + " has no valid host"
	}
	return ""
}
