package lint

// Reference is one numbered entry of the article's reference list.
type Reference struct {
	// Number is the printed number of the entry (not its index).
	Number int
	// Span covers the whole entry, number included, across all its lines.
	Span Span
	// NumberSpan covers the printed number alone.
	NumberSpan Span
	// Text is the entry's text after the number, lines joined by one space,
	// soft hyphens removed.
	Text string
	// Fields are the bibliographic fields parsed from Text.
	Fields Fields
	// Kind is the publication type: see the Kind constants.
	Kind Kind
	// Evidence is the kind of evidence the work offers: see the Evidence
	// constants. Online look-ups may refine it from PubMed publication types.
	Evidence Evidence
	// Lookup is the verdict of the online check; nil when offline.
	Lookup *Lookup

	malformed []string // problems with identifiers, for malformed-identifier
}

// Fields are the bibliographic fields that could be parsed from an entry.
// Every field is optional; the zero value means "not found".
type Fields struct {
	Authors   []string `json:"authors,omitempty"`
	Title     string   `json:"title,omitempty"`
	Container string   `json:"container,omitempty"` // journal, book or site
	Year      int      `json:"year,omitempty"`
	Volume    string   `json:"volume,omitempty"`
	Issue     string   `json:"issue,omitempty"`
	Pages     string   `json:"pages,omitempty"` // page range or article number
	DOI       string   `json:"doi,omitempty"`   // lower-cased, no resolver prefix
	PMID      string   `json:"pmid,omitempty"`
	PMCID     string   `json:"pmcid,omitempty"`
	URL       string   `json:"url,omitempty"`
}

// Kind is the publication type of an entry.
type Kind string

// The publication types reflint distinguishes.
const (
	KindJournalArticle Kind = "journal-article"
	KindBook           Kind = "book"
	KindBookChapter    Kind = "book-chapter"
	KindWebPage        Kind = "web-page"
	KindGuideline      Kind = "guideline"
	KindPreprint       Kind = "preprint"
	KindReport         Kind = "report"
	KindUnknown        Kind = "unknown"
)

// Evidence is the kind of evidence an entry offers, strongest first in the
// constants below.
type Evidence string

// The evidence kinds used by the coverage report.
const (
	EvidenceMetaAnalysis     Evidence = "meta-analysis"
	EvidenceSystematicReview Evidence = "systematic-review"
	EvidenceRandomizedTrial  Evidence = "randomized-trial"
	EvidenceTrial            Evidence = "trial"
	EvidenceObservational    Evidence = "observational"
	EvidenceReview           Evidence = "review"
	EvidenceAnimal           Evidence = "animal-study"
	EvidenceProtocol         Evidence = "protocol"
	EvidenceGuideline        Evidence = "guideline"
	EvidenceBook             Evidence = "book"
	EvidenceWebPage          Evidence = "web-page"
	EvidenceUnknown          Evidence = "unknown"
)
