package lint

import (
	"regexp"
	"strings"
)

// Cue patterns for the kind of publication and of evidence an entry
// describes, read from the entry's own text. Online look-ups refine the
// evidence kind from PubMed publication types.
var (
	preprintRe  = cue(`\b(biorxiv|medrxiv|arxiv|psyarxiv|socarxiv|preprints?|research square|ssrn|osf\.io)\b|\b10\.(1101|48550|31234|21203)/`, []string{"rxiv", "preprint", "research square", "ssrn", "osf.io", "10.1101/", "10.48550/", "10.31234/", "10.21203/"})
	guidelineRe = cue(`\b(guidelines?|leitlinien?|position stand|position statement|consensus statement|practice parameters?|recommendations (for|on)|empfehlungen)\b`, []string{"guideline", "leitlinie", "position st", "consensus st", "practice param", "recommendations ", "empfehlung"})
	chapterRe   = cue(`\b(chapter|kapitel)\b|\bin:\s|\((eds?|hrsg|hg)\.?\)|\bedited by\b`, []string{"chapter", "kapitel", "in:", "ed.)", "eds)", "eds.)", "hrsg", "hg)", "hg.)", "edited by"})
	bookRe      = cue(`\bisbn\b|\b(press|verlag|publishing|publishers|books|routledge|springer|wiley|elsevier|thieme|beck|suhrkamp|kohlhammer)\b|\b[sp]\.\s*\d`, []string{"isbn", "press", "verlag", "publish", "books", "routledge", "springer", "wiley", "elsevier", "thieme", "beck", "suhrkamp", "kohlhammer", "s.", "p."})
	reportRe    = cue(`\b(technical report|white paper|fact ?sheet|working paper|bericht|report)\b`, []string{"report", "white paper", "fact", "working paper", "bericht"})

	protocolRe      = cue(`\b(protocol|studienprotokoll)\b`, []string{"protocol", "protokoll"})
	animalRe        = cue(`\b(rats?|mice|mouse|murine|rodents?|animal models?|in vitro|zebrafish|primates|piglets?|canine|ratten|mäuse(n)?|tierversuch\w*|tiermodell\w*)\b`, []string{"rat", "mice", "mouse", "murine", "rodent", "animal model", "in vitro", "zebrafish", "primates", "piglet", "canine", "ratten", "mäuse", "tierversuch", "tiermodell"})
	metaRe          = cue(`\bmeta-?\s?(analys[ie]s|analytic|regression)|metaanaly`, []string{"meta", "metaanaly"})
	systematicRe    = cue(`\b(systematic(ally)? review|umbrella review|overview of (systematic )?reviews|systematische\w* (übersicht|review))`, []string{"systematic", "umbrella review", "overview of", "systematische"})
	randomizedRe    = cue(`\b(randomi[sz]ed|randomi[sz]ation|rcts?|randomisiert\w*)\b`, []string{"random", "rct"})
	trialRe         = cue(`\b(trials?|pilot stud(y|ies)|intervention stud(y|ies)|cross-?over|controlled stud(y|ies)|feasibility)\b`, []string{"trial", "pilot stud", "intervention stud", "over", "controlled stud", "feasibility"})
	observationalRe = cue(`\b(cohort|cross-sectional|case-control|observational|prospective|longitudinal|survey|prevalence|associations? (of|between|with)|kohorte\w*|querschnitt\w*)\b`, []string{"cohort", "cross-sectional", "case-control", "observational", "prospective", "longitudinal", "survey", "prevalence", "association", "kohorte", "querschnitt"})
	reviewRe        = cue(`\b(review|overview|übersichtsarbeit|narrative)\b`, []string{"review", "overview", "übersichtsarbeit", "narrative"})
)

// classify sets an entry's publication kind and evidence kind.
// The patterns are matched against the lower-cased text: Go's
// case-insensitive matching is several times slower.
func classify(r *Reference) {
	lower := strings.ToLower(r.Text)
	r.Kind = kindOf(r, lower)
	r.Evidence = evidenceOf(r, lower)
}

func kindOf(r *Reference, text string) Kind {
	f := r.Fields
	scholarlyLocator := f.Volume != "" || f.Issue != "" || f.DOI != "" || f.PMID != ""
	switch {
	case preprintRe.match(text):
		return KindPreprint
	case guidelineRe.match(text):
		return KindGuideline
	case chapterRe.match(text):
		return KindBookChapter
	case !scholarlyLocator && bookRe.match(text):
		return KindBook
	case !scholarlyLocator && reportRe.match(text):
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

func evidenceOf(r *Reference, text string) Evidence {
	switch {
	case protocolRe.match(text):
		return EvidenceProtocol
	case animalRe.match(text):
		return EvidenceAnimal
	case metaRe.match(text):
		return EvidenceMetaAnalysis
	case systematicRe.match(text):
		return EvidenceSystematicReview
	case randomizedRe.match(text):
		return EvidenceRandomizedTrial
	case trialRe.match(text):
		return EvidenceTrial
	case observationalRe.match(text):
		return EvidenceObservational
	case reviewRe.match(text):
		return EvidenceReview
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

// pattern is a regular expression guarded by literal needles, one of
// which must occur in the text for the expression to match. Checking the
// needles first skips most regular-expression work: entries are many and
// most patterns match none of them.
type pattern struct {
	needles []string
	re      *regexp.Regexp
}

func cue(expr string, needles []string) *pattern {
	return &pattern{needles: needles, re: regexp.MustCompile(expr)}
}

// match reports whether lower (already lower-cased) matches.
func (p *pattern) match(lower string) bool {
	for _, n := range p.needles {
		if strings.Contains(lower, n) {
			return p.re.MatchString(lower)
		}
	}
	return false
}
