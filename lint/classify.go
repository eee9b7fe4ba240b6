package lint

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cue is a bit set of the kinds of publication and evidence an entry's
// own words point to. Online look-ups refine the evidence kind from PubMed
// publication types.
type cue uint16

const (
	cuePreprint cue = 1 << iota
	cueGuideline
	cueChapter
	cueBook
	cueReport
	cueProtocol
	cueAnimal
	cueMeta
	cueSystematic
	cueRandomized
	cueTrial
	cueObservational
	cueReview
)

// cuePhrases is the one table of cue words, matched word by word on the
// lower-cased entry (hyphens separate words, so "meta-analysis" is "meta
// analysis"). A trailing * matches any word with that prefix.
var cuePhrases = map[cue][]string{
	cuePreprint: {"biorxiv", "medrxiv", "arxiv", "psyarxiv", "socarxiv", "preprint", "preprints", "research square", "ssrn"},
	cueGuideline: {"guideline", "guidelines", "leitlinie*", "position stand", "position statement", "consensus statement",
		"practice parameter*", "recommendations for", "recommendations on", "empfehlungen"},
	cueChapter: {"chapter", "kapitel", "edited by", "hrsg", "hg", "eds", "editors", "herausgegeben von"},
	cueBook: {"isbn", "press", "verlag", "publishing", "publishers", "books", "routledge", "springer", "wiley", "elsevier",
		"thieme", "beck", "suhrkamp", "kohlhammer"},
	cueReport:   {"technical report", "white paper", "fact sheet", "factsheet", "working paper", "bericht", "report"},
	cueProtocol: {"protocol", "studienprotokoll"},
	cueAnimal: {"rat", "rats", "mice", "mouse", "murine", "rodent", "rodents", "animal model", "animal models", "in vitro",
		"zebrafish", "primates", "piglet", "piglets", "canine", "ratten", "mäuse", "mäusen", "tierversuch*", "tiermodell*"},
	cueMeta: {"meta analysis", "meta analyses", "meta analytic", "meta regression", "meta analyse*", "metaanaly*"},
	cueSystematic: {"systematic review*", "systematically review*", "umbrella review*", "overview of reviews",
		"overview of systematic review*", "systematische* übersicht*", "systematische* review*"},
	cueRandomized: {"randomized", "randomised", "randomization", "randomisation", "rct", "rcts", "randomisiert*"},
	cueTrial: {"trial", "trials", "pilot study", "pilot studies", "intervention study", "intervention studies", "crossover",
		"cross over", "controlled study", "controlled studies", "feasibility"},
	cueObservational: {"cohort", "cross sectional", "case control", "observational", "prospective", "longitudinal", "survey",
		"prevalence", "association of", "association between", "association with", "associations of",
		"associations between", "associations with", "kohorte*", "querschnitt*"},
	cueReview: {"review", "overview", "übersichtsarbeit", "narrative"},
}

// cueSubstrings are cues that are not words: identifier prefixes and
// editor marks. Each list is tried only when its guard occurs.
var cueSubstrings = []struct {
	kind  cue
	guard string
	subs  []string
}{
	{cuePreprint, "10.", []string{"10.1101/", "10.48550/", "10.31234/", "10.21203/"}},
	{cuePreprint, "osf.io", []string{"osf.io"}},
	// "In:" alone also introduces a journal in German styles (DIN 1505);
	// only editors make it a chapter.
	{cueChapter, "(ed", []string{"(ed.)", "(eds.)", "(eds)", "(ed)"}},
}

// words splits lower-cased text into runs of letters and digits; hyphens
// and punctuation separate words.
func words(lower string) []string {
	out := make([]string, 0, len(lower)/6)
	start := -1
	for i := 0; i < len(lower); {
		c := lower[i]
		size, inWord := 1, false
		if c < utf8.RuneSelf {
			inWord = c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(lower[i:])
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, lower[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, lower[start:])
	}
	return out
}

type phrase struct {
	words []string
	kind  cue
}

// phraseIndex finds phrases by their first word; phrases whose first word
// is a prefix pattern are tried at every word.
type phraseIndex struct {
	byFirst  map[string][]phrase
	prefixed []phrase
}

var cueIndex = func() phraseIndex {
	ix := phraseIndex{byFirst: make(map[string][]phrase)}
	for kind, list := range cuePhrases {
		for _, p := range list {
			ph := phrase{words: strings.Fields(p), kind: kind}
			if strings.HasSuffix(ph.words[0], "*") {
				ix.prefixed = append(ix.prefixed, ph)
			} else {
				ix.byFirst[ph.words[0]] = append(ix.byFirst[ph.words[0]], ph)
			}
		}
	}
	return ix
}()

func wordMatches(pattern, word string) bool {
	if p, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(word, p)
	}
	return pattern == word
}

func (p phrase) matchAt(words []string, i int) bool {
	if i+len(p.words) > len(words) {
		return false
	}
	for k, w := range p.words {
		if !wordMatches(w, words[i+k]) {
			return false
		}
	}
	return true
}

// cuesOf returns the cues present in an entry's text.
func cuesOf(text string) cue {
	lower := strings.ToLower(text)
	ws := words(lower)
	var found cue
	for i, w := range ws {
		for _, p := range cueIndex.byFirst[w] {
			if p.matchAt(ws, i) {
				found |= p.kind
			}
		}
		for _, p := range cueIndex.prefixed {
			if p.matchAt(ws, i) {
				found |= p.kind
			}
		}
	}
	for _, cs := range cueSubstrings {
		if !strings.Contains(lower, cs.guard) {
			continue
		}
		for _, s := range cs.subs {
			if strings.Contains(lower, s) {
				found |= cs.kind
			}
		}
	}
	if hasPageLetterCue(lower) {
		found |= cueBook
	}
	return found
}

// hasPageLetterCue reports a book-style page locator: "s. 45", "p.112".
func hasPageLetterCue(lower string) bool {
	for i := 0; i+2 < len(lower); i++ {
		if (lower[i] == 's' || lower[i] == 'p') && lower[i+1] == '.' && (i == 0 || !isWordByte(lower[i-1])) {
			j := i + 2
			for j < len(lower) && lower[j] == ' ' {
				j++
			}
			if j < len(lower) && isDigitByte(lower[j]) {
				return true
			}
		}
	}
	return false
}

// classify sets an entry's publication kind and evidence kind.
func classify(r *Reference) {
	c := cuesOf(r.Text)
	r.Kind = kindOf(r, c)
	r.Evidence = evidenceOf(r, c)
}

func kindOf(r *Reference, c cue) Kind {
	f := r.Fields
	scholarlyLocator := f.Volume != "" || f.Issue != "" || f.DOI != "" || f.PMID != ""
	switch {
	case c&cuePreprint != 0:
		return KindPreprint
	case c&cueGuideline != 0:
		return KindGuideline
	case c&cueChapter != 0:
		return KindBookChapter
	case !scholarlyLocator && c&cueBook != 0:
		return KindBook
	case !scholarlyLocator && c&cueReport != 0:
		return KindReport
	case !scholarlyLocator && f.Pages == "" && (f.URL != "" || f.Year == 0):
		// Nothing that a journal or a book would carry: a web page, or an
		// organisation's page named without an address.
		return KindWebPage
	case scholarlyLocator || f.Pages != "" || f.Container != "":
		return KindJournalArticle
	}
	return KindUnknown
}

// evidenceOf picks the strongest claim the entry makes about itself; a
// protocol or an animal study outranks the design it names ("a
// meta-analysis protocol", "a randomised trial in mice").
func evidenceOf(r *Reference, c cue) Evidence {
	for _, e := range []struct {
		cue cue
		ev  Evidence
	}{
		{cueProtocol, EvidenceProtocol},
		{cueAnimal, EvidenceAnimal},
		{cueMeta, EvidenceMetaAnalysis},
		{cueSystematic, EvidenceSystematicReview},
		{cueRandomized, EvidenceRandomizedTrial},
		{cueTrial, EvidenceTrial},
		{cueObservational, EvidenceObservational},
		{cueReview, EvidenceReview},
	} {
		if c&e.cue != 0 {
			return e.ev
		}
	}
	switch r.Kind {
	case KindGuideline:
		return EvidenceGuideline
	case KindBook, KindBookChapter:
		return EvidenceBook
	case KindWebPage:
		return EvidenceWebPage
	}
	return EvidenceUnknown
}
