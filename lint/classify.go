package lint

import (
	"regexp"
)

// Cue patterns for the kind of publication and of evidence an entry
// describes, read from the entry's own text. Online look-ups refine the
// evidence kind from PubMed publication types.
var (
	preprintRe  = regexp.MustCompile(`(?i)\b(biorxiv|medrxiv|arxiv|psyarxiv|socarxiv|preprints?|research square|ssrn|osf\.io)\b|\b10\.(1101|48550|31234|21203)/`)
	guidelineRe = regexp.MustCompile(`(?i)\b(guidelines?|leitlinien?|position stand|position statement|consensus statement|practice parameters?|recommendations (for|on)|empfehlungen)\b`)
	chapterRe   = regexp.MustCompile(`(?i)\b(chapter|kapitel)\b|\bIn:\s|\((eds?|hrsg|hg)\.?\)|\bedited by\b`)
	bookRe      = regexp.MustCompile(`(?i)\bISBN\b|\b(press|verlag|publishing|publishers|books|routledge|springer|wiley|elsevier|thieme|beck|suhrkamp|kohlhammer)\b|\b[sp]\.\s*\d`)
	reportRe    = regexp.MustCompile(`(?i)\b(technical report|white paper|fact ?sheet|working paper|bericht|report)\b`)

	protocolRe      = regexp.MustCompile(`(?i)\b(protocol|studienprotokoll)\b`)
	animalRe        = regexp.MustCompile(`(?i)\b(rats?|mice|mouse|murine|rodents?|animal models?|in vitro|zebrafish|primates|piglets?|canine|ratten|mäuse(n)?|tierversuch\w*|tiermodell\w*)\b`)
	metaRe          = regexp.MustCompile(`(?i)\bmeta-?\s?(analys[ie]s|analytic|regression)|metaanaly`)
	systematicRe    = regexp.MustCompile(`(?i)\b(systematic(ally)? review|umbrella review|overview of (systematic )?reviews|systematische\w* (übersicht|review))`)
	randomizedRe    = regexp.MustCompile(`(?i)\b(randomi[sz]ed|randomi[sz]ation|RCTs?|randomisiert\w*)\b`)
	trialRe         = regexp.MustCompile(`(?i)\b(trials?|pilot stud(y|ies)|intervention stud(y|ies)|cross-?over|controlled stud(y|ies)|feasibility)\b`)
	observationalRe = regexp.MustCompile(`(?i)\b(cohort|cross-sectional|case-control|observational|prospective|longitudinal|survey|prevalence|associations? (of|between|with)|kohorte\w*|querschnitt\w*)\b`)
	reviewRe        = regexp.MustCompile(`(?i)\b(review|overview|übersichtsarbeit|narrative)\b`)
)

// classify sets an entry's publication kind and evidence kind.
func classify(r *Reference) {
	r.Kind = kindOf(r)
	r.Evidence = evidenceOf(r)
}

func kindOf(r *Reference) Kind {
	f, text := r.Fields, r.Text
	scholarlyLocator := f.Volume != "" || f.Issue != "" || f.DOI != "" || f.PMID != ""
	switch {
	case preprintRe.MatchString(text):
		return KindPreprint
	case guidelineRe.MatchString(text):
		return KindGuideline
	case chapterRe.MatchString(text):
		return KindBookChapter
	case !scholarlyLocator && bookRe.MatchString(text):
		return KindBook
	case !scholarlyLocator && reportRe.MatchString(text):
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

func evidenceOf(r *Reference) Evidence {
	text := r.Text
	switch {
	case protocolRe.MatchString(text):
		return EvidenceProtocol
	case animalRe.MatchString(text):
		return EvidenceAnimal
	case metaRe.MatchString(text):
		return EvidenceMetaAnalysis
	case systematicRe.MatchString(text):
		return EvidenceSystematicReview
	case randomizedRe.MatchString(text):
		return EvidenceRandomizedTrial
	case trialRe.MatchString(text):
		return EvidenceTrial
	case observationalRe.MatchString(text):
		return EvidenceObservational
	case reviewRe.MatchString(text):
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
