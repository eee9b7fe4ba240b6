package lint

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DuplicateReference reports two entries for the same work.
var DuplicateReference = &Rule{
	Name:     "duplicate-reference",
	Title:    "two entries for the same work",
	Severity: Error,
	Doc: `Two entries describe the same work, so the same evidence is counted twice and readers
chase a second number for nothing. Entries are duplicates when they have the same DOI or PMID,
the same text once case, punctuation and spacing are ignored, the same title (six words or
more) with no conflicting year, or near-identical text: a Dice coefficient of at least 0.9 over
character trigrams of the normalised text. That threshold tolerates a typo or a changed date
format but not a different paper in the same journal, whose title differs in many trigrams;
and the two texts must carry the same numbers, so that "Part 1" and "Part 2" of a series, or two
papers that differ only in volume and pages, are not taken for one.
Entries of fewer than four words (such as "Ibid.") are never compared by text.`,
	Bad:  "References\n31. Front. Psychol. 2025. Exercise and cognition in adolescents.\n38. Front. Psychol. 2025. Exercise and cognition in adolescents.",
	Good: "References\n31. Front. Psychol. 2025. Exercise and cognition in adolescents.\n(later markers cite 31 again)",
	Run: func(p *Pass) {
		d := p.Doc
		keys := make([]dupKey, len(d.References))
		for i := range d.References {
			keys[i] = newDupKey(&d.References[i])
		}
		fuzzy := len(d.References) <= fuzzyLimit
		seen := make(map[string][]int) // exact key → entries having it
		for j := range d.References {
			i, why := -1, ""
			for _, k := range keys[j].exact() {
				for _, c := range seen[k] {
					if w := keys[c].same(keys[j], false); w != "" && (i < 0 || c < i) {
						i, why = c, w
					}
				}
				seen[k] = append(seen[k], j)
			}
			for c := 0; i < 0 && fuzzy && c < j; c++ {
				if w := keys[c].same(keys[j], true); w != "" {
					i, why = c, w
				}
			}
			if i < 0 {
				continue
			}
			a, b := d.References[i], d.References[j]
			p.Report(Finding{
				Span:       d.firstLine(b.Span),
				References: []int{a.Number, b.Number},
				Message:    "reference #" + itoa(b.Number) + " duplicates #" + itoa(a.Number) + " (" + why + ")",
				Related:    []Related{{Span: d.firstLine(a.Span), Message: "first listed here"}},
			})
		}
	},
}

// fuzzyLimit bounds the quadratic trigram comparison; longer lists are
// compared by identifiers, text and title only, through a map.
const fuzzyLimit = 2000

type dupKey struct {
	doi, pmid, text, title string
	year                   int
	words                  int
	numbers                string // the digits of the text, in order
	grams                  []uint64
}

func newDupKey(r *Reference) dupKey {
	k := dupKey{doi: r.Fields.DOI, pmid: r.Fields.PMID, year: r.Fields.Year}
	k.text = normalize(r.Text)
	k.words = len(strings.Fields(k.text))
	for w := range strings.FieldsSeq(k.text) {
		if w[0] >= '0' && w[0] <= '9' {
			k.numbers += w + " "
		}
	}
	if t := normalize(r.Fields.Title); len(strings.Fields(t)) >= 6 {
		k.title = t
	}
	return k
}

// exact lists the keys under which an entry can equal another without a
// fuzzy comparison, so that long lists are checked through a map instead
// of pair by pair.
func (k dupKey) exact() []string {
	var out []string
	if k.doi != "" {
		out = append(out, "doi "+k.doi)
	}
	if k.pmid != "" {
		out = append(out, "pmid "+k.pmid)
	}
	if k.words >= 4 {
		out = append(out, "text "+k.text)
	}
	if k.title != "" {
		out = append(out, "title "+k.title)
	}
	return out
}

func (k dupKey) same(o dupKey, fuzzy bool) string {
	switch {
	case k.doi != "" && k.doi == o.doi:
		return "same DOI"
	case k.pmid != "" && k.pmid == o.pmid:
		return "same PMID"
	case k.words < 4 || o.words < 4:
		return ""
	case k.text == o.text:
		return "same text"
	case k.title != "" && k.title == o.title && (k.year == 0 || o.year == 0 || k.year == o.year):
		return "same title"
	case fuzzy && k.doi == "" == (o.doi == "") && k.numbers == o.numbers && similarLength(k.text, o.text) &&
		dice(k.trigrams(), o.trigrams()) >= 0.9:
		return "near-identical text"
	}
	return ""
}

// trigrams returns the sorted, distinct hashes of the text's character
// trigrams.
func (k *dupKey) trigrams() []uint64 {
	if k.grams == nil {
		r := []rune(k.text)
		for i := 0; i+3 <= len(r); i++ {
			k.grams = append(k.grams, uint64(r[i])<<42|uint64(r[i+1])<<21|uint64(r[i+2]))
		}
		slices.Sort(k.grams)
		k.grams = slices.Compact(k.grams)
	}
	return k.grams
}

// similarLength is a cheap necessary condition for a Dice coefficient of
// 0.9: the smaller set has at least 0.9/1.1 of the larger one's size.
func similarLength(a, b string) bool {
	return float64(min(len(a), len(b))) >= 0.8*float64(max(len(a), len(b)))
}

// dice is the Dice coefficient of two sorted sets: 2|A∩B| / (|A|+|B|).
func dice(a, b []uint64) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// normalize lower-cases text and keeps letters and digits, one space
// between words.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		// ASCII fast path: most entry text is ASCII.
		c := s[i]
		if c >= utf8.RuneSelf {
			break
		}
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteByte(lowerByte(c))
			space = false
		default:
			space = true
		}
		if i == len(s)-1 {
			return b.String()
		}
	}
	// Start over on text with non-ASCII characters.
	b.Reset()
	space = false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}
