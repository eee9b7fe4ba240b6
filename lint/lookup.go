package lint

// LookupStatus is the outcome of checking one entry online.
type LookupStatus string

// The four verdicts an online check can reach.
const (
	// LookupVerified: a record was found and agrees with the entry.
	LookupVerified LookupStatus = "verified"
	// LookupMismatch: a record was found but some fields disagree.
	LookupMismatch LookupStatus = "mismatch"
	// LookupNotFound: every source answered and none had a match.
	LookupNotFound LookupStatus = "not_found"
	// LookupInconclusive: a source could not answer (network, rate limit,
	// garbage), or the entry had too little to search for. Never a finding
	// by itself.
	LookupInconclusive LookupStatus = "inconclusive"
)

// Lookup is the verdict of the online check of one entry. The sources
// package fills it; lint rules only read it. Its JSON form is part of the
// report contract (references[].lookup).
type Lookup struct {
	Status LookupStatus `json:"status"`
	// Reason says why a check was inconclusive: timeout, rate_limited,
	// source_error, no_usable_fields, or not_in_lock (--offline-lock and
	// the lock file does not know the entry).
	Reason string `json:"reason,omitempty"`
	// Problem names a problem with the entry's own identifier:
	// "doi-not-found" (Crossref answered 404) or "identifier-mismatch" (the
	// DOI or PMID belongs to another work).
	Problem string `json:"problem,omitempty"`
	// DOI and PMID of the matched record.
	DOI  string `json:"doi,omitempty"`
	PMID string `json:"pmid,omitempty"`
	// Confidence of the match, 0 to 1.
	Confidence float64 `json:"confidence,omitempty"`
	// Agreed lists the fields that matched the record (title, year, ...).
	Agreed []string `json:"agreed,omitempty"`
	// Diffs lists the fields that differ, cited value against record value.
	Diffs []FieldDiff `json:"diffs,omitempty"`
	// Retraction is set when the record is retracted, withdrawn or removed.
	Retraction *Notice `json:"retraction,omitempty"`
	// Notices are expressions of concern and corrections.
	Notices []Notice `json:"notices,omitempty"`
	// IsNotice is set when the entry points at a notice (a retraction or
	// correction notice) rather than at the article itself.
	IsNotice bool `json:"is_notice,omitempty"`
	// PublicationTypes are PubMed's publication types for the record.
	PublicationTypes []string `json:"publication_types,omitempty"`
	// Queries are the searches tried, for not_found verdicts.
	Queries []string `json:"queries,omitempty"`
	// Sources names the services that answered ("crossref", "pubmed").
	Sources []string `json:"sources,omitempty"`
}

// FieldDiff is one field on which an entry and its record disagree.
type FieldDiff struct {
	Field  string `json:"field"`
	Cited  string `json:"cited"`
	Record string `json:"record"`
}

// Notice is a retraction, withdrawal, removal, expression of concern or
// correction attached to a record.
type Notice struct {
	Type   string `json:"type"` // retraction, withdrawal, removal, expression_of_concern, correction
	DOI    string `json:"doi,omitempty"`
	Date   string `json:"date,omitempty"`   // YYYY-MM-DD or as precise as known
	Source string `json:"source,omitempty"` // publisher, retraction-watch, pubmed
	Label  string `json:"label,omitempty"`
}
