package lint

import (
	"strings"
	"unicode"
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
format but not a different paper in the same journal, whose title differs in many trigrams.
Entries of fewer than four words (such as "Ibid.") are never compared by text.`,
	Bad:  "References\n31. Front. Psychol. 2025. Exercise and cognition in adolescents.\n38. Front. Psychol. 2025. Exercise and cognition in adolescents.",
	Good: "References\n31. Front. Psychol. 2025. Exercise and cognition in adolescents.\n(later markers cite 31 again)",
	Run: func(p *Pass) {
		d := p.Doc
		keys := make([]dupKey, len(d.References))
		for i := range d.References {
			keys[i] = newDupKey(&d.References[i])
		}
		for j := range d.References {
			for i := range j {
				if why := keys[i].same(keys[j], len(d.References) <= fuzzyLimit); why != "" {
					a, b := d.References[i], d.References[j]
					p.Report(Finding{
						Span:       d.firstLine(b.Span),
						References: []int{a.Number, b.Number},
						Message:    "reference #" + itoa(b.Number) + " duplicates #" + itoa(a.Number) + " (" + why + ")",
						Related:    []Related{{Span: d.firstLine(a.Span), Message: "first listed here"}},
					})
					break
				}
			}
		}
	},
}

// fuzzyLimit bounds the quadratic trigram comparison; longer lists are
// compared by identifiers, text and title only.
const fuzzyLimit = 2000

type dupKey struct {
	doi, pmid, text, title string
	year                   int
	words                  int
	grams                  map[string]bool
}

func newDupKey(r *Reference) dupKey {
	k := dupKey{doi: r.Fields.DOI, pmid: r.Fields.PMID, year: r.Fields.Year}
	k.text = normalize(r.Text)
	k.words = len(strings.Fields(k.text))
	if t := normalize(r.Fields.Title); len(strings.Fields(t)) >= 6 {
		k.title = t
	}
	return k
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
	case fuzzy && k.doi == "" == (o.doi == "") && dice(k.trigrams(), o.trigrams()) >= 0.9:
		return "near-identical text"
	}
	return ""
}

func (k *dupKey) trigrams() map[string]bool {
	if k.grams == nil {
		k.grams = make(map[string]bool)
		r := []rune(k.text)
		for i := 0; i+3 <= len(r); i++ {
			k.grams[string(r[i:i+3])] = true
		}
	}
	return k.grams
}

// dice is the Dice coefficient of two sets: 2|A∩B| / (|A|+|B|).
func dice(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n := 0
	for g := range a {
		if b[g] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// normalize lower-cases text and keeps letters and digits, one space
// between words.
func normalize(s string) string {
	var b strings.Builder
	space := false
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
