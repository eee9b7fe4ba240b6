package prose

import (
	"maps"
	"sort"
	"sync"
)

// Cues is the one table of words and phrases the analysis looks for. Every
// heuristic that depends on vocabulary reads it from here, so a config file
// can extend it without touching code (see Extend).
//
// Phrases are written in plain lower-case words; they are matched on stemmed
// tokens, so "reduce" also matches "reduces", "reduced" and "reducing", and
// "meta-analysis" matches "meta-analysis" or "meta analysis". Lists marked
// "exact" are matched on the word forms as written, because stemming would
// let a gerund subject ("Eating fibre lowers ...") pass for an imperative.
type Cues struct {
	// Research is research language: a sentence using it reports evidence.
	Research []string
	// Effect holds causal and efficacy verbs and phrases ("reduce",
	// "is associated with"): a sentence using one asserts an effect.
	Effect []string
	// Comparison holds comparative phrases ("more than", "as effective as").
	Comparison []string
	// QuantityUnits follow a number to make it a quantity: "40 %",
	// "3 times", "2-fold". Bare numbers (years, "30 minutes") are not
	// claims by themselves.
	QuantityUnits []string
	// Summary phrases open a summary sentence ("Key takeaway:"); exact,
	// matched at the start of the sentence only.
	Summary []string
	// Anecdote holds first-person words and phrases ("I've", "in my
	// experience"); exact. Words inside quotation marks do not count.
	Anecdote []string
	// Imperative verbs open instructions and calls to action; exact,
	// matched on the first word only.
	Imperative []string
	// CallToAction phrases anywhere in a sentence mark it as promotion.
	CallToAction []string
	// Caption nouns ("image", "flowchart") near the start of a sentence and
	// followed by "of", "showing", ... mark a figure caption.
	Caption []string
	// BenefitLeadIn phrases introduce the summary list of promised benefits
	// near the top of an article ("Key Points", "TL;DR").
	BenefitLeadIn []string
	// FAQ phrases mark a heading whose question-shaped followers are its
	// children.
	FAQ []string
	// StudyKinds maps a phrase naming a study design to the evidence kind
	// it claims ("randomized controlled trial" → "randomized-trial").
	StudyKinds map[string]string
	// StudyNouns are the nouns a year can qualify: "a 2024 study".
	StudyNouns []string
	// Synonyms maps a word to a concept label for benefit mapping: words
	// with the same label are the same topic ("happiness" and "mood").
	Synonyms map[string]string
	// Directions maps a verb or noun to the direction of the effect it
	// promises, "up" or "down"; benefit mapping rewards agreement.
	Directions map[string]string
	// Abbreviations never end a sentence when followed by a full stop
	// (written without the stop, lower case: "e.g", "et al" is "al").
	Abbreviations []string
	// NumberAbbreviations end no sentence when a number follows ("No. 3",
	// "Fig. 2") but may end one otherwise ("The answer is no.").
	NumberAbbreviations []string
}

// DefaultCues returns the built-in table. English first; German and a few
// French and Spanish research words are included so that non-English
// articles are not reported as having no claims at all (see doc.go).
func DefaultCues() Cues {
	return Cues{
		Research: []string{
			"study", "studies", "research", "researcher", "researched",
			"scientist", "scientific", "evidence", "data", "meta-analysis",
			"meta-analyses", "systematic review", "trial", "randomized",
			"randomised", "clinical", "experiment", "survey", "cohort",
			"participant", "placebo", "shown", "show that", "proven",
			"demonstrated", "found", "findings", "concluded",
			"according to", "expert", "statistically", "significant",
			"significantly", "suggest that",
			// German
			"studie", "studien", "metaanalyse", "metaanalysen", "forschung",
			"forscher", "wissenschaftler", "wissenschaftlich", "zeigt",
			"zeigen", "belegt", "belegen", "nachgewiesen", "daten",
			// French, Spanish
			"étude", "études", "recherche", "estudio", "estudios",
			"investigación",
		},
		Effect: []string{
			"reduce", "lower", "decrease", "improve", "increase", "boost",
			"enhance", "prevent", "cure", "treat", "relieve", "alleviate",
			"ease", "promote", "protect", "strengthen", "stimulate",
			"inhibit", "trigger", "cause", "lead to", "linked to",
			"associated with", "association with", "related to",
			"contribute to", "responsible for", "help", "effective",
			"efficacy", "effectiveness", "beneficial", "harmful", "risk",
			"raise", "worsen", "impair", "essential for", "vital for",
			"important for", "crucial for", "improvement", "reduction",
			"effect on", "impact on", "slow", "disrupt", "shorten",
			"extend", "damage", "weaken", "delay",
			// German
			"senkt", "senken", "verbessert", "verbessern", "reduziert",
			"erhöht", "verringert", "steigert", "fördert", "wirkt",
			"wirksam",
		},
		Comparison: []string{
			"more than", "less than", "fewer than", "better than",
			"worse than", "compared with", "compared to", "comparable",
			"as effective as", "more effective", "most effective",
			"less effective", "superior to", "inferior to", "outperform",
			"twice", "double", "triple", "half as", "times more", "higher",
			"most common", "live longer", "as many", "as much as",
			"more likely", "less likely", "too little", "too much",
		},
		QuantityUnits: []string{"%", "percent", "per cent", "times", "fold", "prozent"},
		Summary: []string{
			"key takeaway", "key takeaways", "takeaway", "the takeaway",
			"bottom line", "the bottom line", "in summary", "summary",
			"to summarize", "to summarise", "in short", "to sum up",
			"in conclusion", "overall", "tl;dr", "tldr", "in a nutshell",
			"fazit", "zusammenfassend", "kurz gesagt",
		},
		Anecdote: []string{
			"i", "i'm", "i've", "i'd", "i'll", "my", "me", "myself",
			"personally", "in my experience", "in my opinion",
			"ich", "mein", "meine", "meiner", "meinem", "mir", "mich",
		},
		Imperative: []string{
			"download", "join", "find", "try", "click", "sign", "subscribe",
			"read", "check", "learn", "get", "start", "see", "watch",
			"listen", "follow", "share", "consult", "ask", "talk", "make",
			"take", "do", "don't", "avoid", "eat", "drink", "use", "aim",
			"keep", "stop", "buy", "order", "visit", "discover", "explore",
			"grab", "let's", "let", "here's", "here", "remember", "imagine",
			"pick", "add", "choose", "limit", "book", "register", "give",
			"always", "never",
		},
		CallToAction: []string{
			"download", "sign up", "subscribe", "app store", "google play",
			"play store", "click here", "read more", "learn more",
			"for free", "free trial", "our app", "the app", "newsletter",
			"discount", "coupon", "promo code", "use code", "shop now",
			"buy now", "order now", "sponsored", "affiliate link",
			"our calculator", "our free", "our program", "our course",
		},
		Caption: []string{
			"image", "photo", "photograph", "picture", "illustration",
			"cartoon", "infographic", "figure", "fig", "chart", "graph",
			"diagram", "screenshot", "flowchart", "video", "abbildung",
			"grafik",
		},
		BenefitLeadIn: []string{
			"key points", "key takeaways", "key benefits", "benefits",
			"main benefits", "summary", "tl;dr", "tldr", "in this article",
			"at a glance", "highlights", "quick facts", "main points",
			"what you'll learn", "das wichtigste", "auf einen blick",
		},
		FAQ: []string{
			"frequently asked questions", "faq", "faqs", "common questions",
			"questions and answers", "q&a", "häufige fragen",
		},
		StudyKinds: map[string]string{
			"meta-analysis":                   "meta-analysis",
			"meta-analyses":                   "meta-analysis",
			"metaanalyse":                     "meta-analysis",
			"metaanalysen":                    "meta-analysis",
			"systematic review":               "systematic-review",
			"systematic reviews":              "systematic-review",
			"randomized controlled trial":     "randomized-trial",
			"randomised controlled trial":     "randomized-trial",
			"randomized trial":                "randomized-trial",
			"randomised trial":                "randomized-trial",
			"randomized double-blind":         "randomized-trial",
			"rct":                             "randomized-trial",
			"clinical trial":                  "trial",
			"controlled trial":                "trial",
			"trial":                           "trial",
			"pilot study":                     "trial",
			"cohort study":                    "observational",
			"cohort":                          "observational",
			"observational study":             "observational",
			"observational":                   "observational",
			"case-control":                    "observational",
			"cross-sectional":                 "observational",
			"prospective study":               "observational",
			"animal study":                    "animal-study",
			"animal studies":                  "animal-study",
			"animal research":                 "animal-study",
			"research on animals":             "animal-study",
			"in mice":                         "animal-study",
			"in rats":                         "animal-study",
			"rodent":                          "animal-study",
			"narrative review":                "review",
			"review":                          "review",
			"guideline":                       "guideline",
			"randomized controlled pilot":     "randomized-trial",
			"systematic review with meta":     "meta-analysis",
			"systematic review and meta":      "meta-analysis",
			"randomized placebo-controlled":   "randomized-trial",
			"double-blind randomized":         "randomized-trial",
			"randomised placebo-controlled":   "randomized-trial",
			"randomized, controlled trial":    "randomized-trial",
			"placebo-controlled trial":        "randomized-trial",
			"network meta-analysis":           "meta-analysis",
			"umbrella review":                 "systematic-review",
			"overview of systematic reviews":  "systematic-review",
			"randomisierte kontrollierte":     "randomized-trial",
			"systematische übersichtsarbeit":  "systematic-review",
			"tierstudie":                      "animal-study",
			"tierversuch":                     "animal-study",
			"beobachtungsstudie":              "observational",
			"kohortenstudie":                  "observational",
			"klinische studie":                "trial",
			"randomisierte studie":            "randomized-trial",
			"randomized clinical trial":       "randomized-trial",
			"randomised clinical trial":       "randomized-trial",
			"randomized controlled trials":    "randomized-trial",
			"randomised controlled trials":    "randomized-trial",
			"controlled studies":              "trial",
			"intervention study":              "trial",
			"longitudinal study":              "observational",
			"population study":                "observational",
			"epidemiological study":           "observational",
			"test-tube":                       "animal-study",
			"in vitro":                        "animal-study",
			"cell study":                      "animal-study",
			"lab study":                       "animal-study",
			"laboratory study":                "animal-study",
			"guidelines":                      "guideline",
			"position stand":                  "guideline",
			"consensus statement":             "guideline",
			"practice guideline":              "guideline",
			"clinical guideline":              "guideline",
			"recommendation":                  "guideline",
			"official recommendations":        "guideline",
			"systematic literature review":    "systematic-review",
			"scoping review":                  "review",
			"literature review":               "review",
			"pooled analysis":                 "meta-analysis",
			"mendelian randomization":         "observational",
			"mendelian randomisation":         "observational",
			"large-scale observational study": "observational",
		},
		StudyNouns: []string{
			"study", "studies", "meta-analysis", "meta-analyses", "review",
			"trial", "rct", "analysis", "paper", "survey", "report",
			"experiment", "cohort", "studie", "studien", "metaanalyse",
			"guideline", "guidelines",
		},
		Synonyms: map[string]string{
			"mood": "mood", "happiness": "mood", "happy": "mood",
			"depression": "depression", "depressive": "depression",
			"depressed": "depression", "antidepressant": "depression",
			"anxiety": "anxiety", "anxious": "anxiety", "worry": "anxiety",
			"nervous": "anxiety", "sleep": "sleep", "insomnia": "sleep",
			"cognitive": "cognition", "cognition": "cognition",
			"memory": "cognition", "brain": "cognition",
			"thinking": "cognition", "focus": "cognition",
			"concentration": "cognition", "stress": "stress",
			"cortisol": "stress", "tension": "stress", "esteem": "esteem",
			"confidence": "esteem", "self-confidence": "esteem",
			"addiction": "addiction", "addictive": "addiction",
			"addicted": "addiction", "dependence": "addiction",
			"craving": "addiction", "heart": "heart",
			"cardiovascular": "heart", "cardiac": "heart", "pain": "pain",
			"ache": "pain", "inflammation": "inflammation",
			"inflammatory": "inflammation", "energy": "energy",
			"fatigue": "energy", "tiredness": "energy",
			"longevity": "longevity", "lifespan": "longevity",
			"mortality": "longevity", "weight": "weight", "fat": "weight",
			"obesity": "weight", "immune": "immunity",
			"immunity": "immunity", "digestion": "digestion",
			"gut": "digestion", "bone": "bone", "osteoporosis": "bone",
			"constipation": "digestion", "regularity": "digestion", "bowel": "digestion",
			"sharp": "cognition", "alert": "cognition", "alertness": "cognition",
			"attention": "cognition", "power": "strength", "strength": "strength",
			"safe": "safety", "safety": "safety", "harm": "safety",
		},
		Directions: map[string]string{
			"improve": "up", "boost": "up", "enhance": "up",
			"increase": "up", "promote": "up", "raise": "up",
			"strengthen": "up", "sharpen": "up", "better": "up",
			"build": "up", "support": "up", "lift": "up", "gain": "up",
			"reduce": "down", "lower": "down", "decrease": "down",
			"cut": "down", "fight": "down", "relieve": "down",
			"relief": "down", "ease": "down", "alleviate": "down",
			"prevent": "down", "combat": "down", "lessen": "down",
			"calm": "down", "beat": "down", "less": "down",
			"fewer": "down", "manage": "down",
		},
		Abbreviations: []string{
			"al", "e.g", "i.e", "vs", "dr", "mr", "mrs", "ms", "prof",
			"fig", "figs", "approx", "cf", "viz", "st", "jr", "sr", "ca",
			"resp", "dept", "univ", "inc", "ltd", "co", "corp", "mt",
			"z.b", "d.h", "bzw", "usw", "vgl", "u.a", "sog", "evtl",
		},
		NumberAbbreviations: []string{
			"no", "nr", "vol", "pp", "p", "eq", "ref", "refs", "abb",
			"chap", "ch", "sec", "tab",
		},
	}
}

// Extend returns the table with extra's entries added: lists are appended
// and map entries added or replaced. Extending never removes a default, so a
// config cannot accidentally switch off a heuristic.
func (c Cues) Extend(extra Cues) Cues {
	out := c
	out.Research = appendNew(c.Research, extra.Research)
	out.Effect = appendNew(c.Effect, extra.Effect)
	out.Comparison = appendNew(c.Comparison, extra.Comparison)
	out.QuantityUnits = appendNew(c.QuantityUnits, extra.QuantityUnits)
	out.Summary = appendNew(c.Summary, extra.Summary)
	out.Anecdote = appendNew(c.Anecdote, extra.Anecdote)
	out.Imperative = appendNew(c.Imperative, extra.Imperative)
	out.CallToAction = appendNew(c.CallToAction, extra.CallToAction)
	out.Caption = appendNew(c.Caption, extra.Caption)
	out.BenefitLeadIn = appendNew(c.BenefitLeadIn, extra.BenefitLeadIn)
	out.FAQ = appendNew(c.FAQ, extra.FAQ)
	out.StudyNouns = appendNew(c.StudyNouns, extra.StudyNouns)
	out.Abbreviations = appendNew(c.Abbreviations, extra.Abbreviations)
	out.NumberAbbreviations = appendNew(c.NumberAbbreviations, extra.NumberAbbreviations)
	out.StudyKinds = mergeMap(c.StudyKinds, extra.StudyKinds)
	out.Synonyms = mergeMap(c.Synonyms, extra.Synonyms)
	out.Directions = mergeMap(c.Directions, extra.Directions)
	return out
}

// appendNew copies a before appending so that extending a table never
// writes into the backing array of the one it came from.
func appendNew(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	return append(append(out, a...), b...)
}

func mergeMap(a, b map[string]string) map[string]string {
	out := make(map[string]string, len(a)+len(b))
	maps.Copy(out, a)
	maps.Copy(out, b)
	return out
}

// category says which list of Cues a phrase came from.
type category uint8

const (
	catResearch category = iota
	catEffect
	catComparison
	catSummary
	catAnecdote
	catImperative
	catCTA
	catCaption
	catKind
	numCategories
)

// phrase is one compiled cue: its words as written and as stemmed.
type phrase struct {
	words []string // lower-case word forms, for exact categories
	stems []string
	cat   category
	kind  string // evidence kind, for catKind
}

// matcher is a Cues table compiled for scanning: phrases are indexed by the
// stem of their first word so that a sentence is matched in one pass over
// its tokens, whatever the size of the table.
type matcher struct {
	index       map[string][]phrase
	units       map[string]bool // stems of QuantityUnits (first word)
	studyNouns  map[string]bool
	leadIns     [][]string // stems
	faq         [][]string
	synonyms    map[string]string
	directions  map[string]string
	abbrev      map[string]bool
	numAbbrev   map[string]bool
	captionNoun map[string]bool
}

var (
	defaultOnce    sync.Once
	defaultMatcher *matcher
)

// matcherFor compiles the defaults once and an extended table per call:
// compiling is cheap next to scanning megabytes, and configs rarely change.
func matcherFor(extra *Cues) *matcher {
	if extra == nil {
		defaultOnce.Do(func() { defaultMatcher = compile(DefaultCues()) })
		return defaultMatcher
	}
	return compile(DefaultCues().Extend(*extra))
}

func compile(c Cues) *matcher {
	m := &matcher{
		index:       map[string][]phrase{},
		units:       map[string]bool{},
		studyNouns:  map[string]bool{},
		synonyms:    map[string]string{},
		directions:  map[string]string{},
		abbrev:      map[string]bool{},
		numAbbrev:   map[string]bool{},
		captionNoun: map[string]bool{},
	}
	add := func(list []string, cat category) {
		for _, s := range list {
			m.add(s, cat, "")
		}
	}
	add(c.Research, catResearch)
	add(c.Effect, catEffect)
	add(c.Comparison, catComparison)
	add(c.Summary, catSummary)
	add(c.Anecdote, catAnecdote)
	add(c.Imperative, catImperative)
	add(c.CallToAction, catCTA)
	for s, kind := range c.StudyKinds {
		m.add(s, catKind, kind)
	}
	for _, s := range c.Caption {
		for _, t := range phraseStems(s) {
			m.captionNoun[t] = true
		}
	}
	for _, s := range c.QuantityUnits {
		if st := phraseStems(s); len(st) > 0 {
			m.units[st[0]] = true
		}
	}
	for _, s := range c.StudyNouns {
		if st := phraseStems(s); len(st) > 0 {
			m.studyNouns[st[len(st)-1]] = true
			m.studyNouns[st[0]] = true
		}
	}
	for _, s := range c.BenefitLeadIn {
		m.leadIns = append(m.leadIns, phraseStems(s))
	}
	for _, s := range c.FAQ {
		m.faq = append(m.faq, phraseStems(s))
	}
	for w, concept := range c.Synonyms {
		for _, t := range phraseStems(w) {
			m.synonyms[t] = concept
		}
	}
	for w, dir := range c.Directions {
		for _, t := range phraseStems(w) {
			m.directions[t] = dir
		}
	}
	for _, a := range c.Abbreviations {
		m.abbrev[a] = true
	}
	for _, a := range c.NumberAbbreviations {
		m.numAbbrev[a] = true
	}
	// Longest phrases first, so that "randomized controlled trial" wins over
	// "trial" at the same position.
	for k, ps := range m.index {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].stems) > len(ps[j].stems) })
		m.index[k] = ps
	}
	return m
}

func (m *matcher) add(s string, cat category, kind string) {
	toks := tokenize([]byte(s), 0, len(s), nil, nil)
	if len(toks) == 0 {
		return
	}
	p := phrase{cat: cat, kind: kind}
	for _, t := range toks {
		p.words = append(p.words, t.low)
		p.stems = append(p.stems, t.stem)
	}
	m.index[p.stems[0]] = append(m.index[p.stems[0]], p)
}

// phraseStems tokenizes a cue the way sentences are tokenized.
func phraseStems(s string) []string {
	toks := tokenize([]byte(s), 0, len(s), nil, nil)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.stem
	}
	return out
}

// exact reports whether a category is matched on word forms, not stems.
func (c category) exact() bool {
	return c == catSummary || c == catAnecdote || c == catImperative
}

// matchAt reports whether p matches toks starting at i.
func (p *phrase) matchAt(toks []token, i int) bool {
	if i+len(p.stems) > len(toks) {
		return false
	}
	exact := p.cat.exact()
	for k := range p.stems {
		t := &toks[i+k]
		if t.stem != p.stems[k] || (exact && t.low != p.words[k]) {
			return false
		}
	}
	return true
}
