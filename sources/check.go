package sources

import (
	"context"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/reflint/reflint/lint"
)

// Source names, as they appear in lint.Lookup.Sources and Notice.Source.
const (
	sourceCrossref = "crossref"
	sourcePubMed   = "pubmed"
)

// Problems with an entry's own identifier (lint.Lookup.Problem).
const (
	problemIDMismatch   = "identifier-mismatch"
	problemDOINotFound  = "doi-not-found"
	problemPMIDNotFound = "pmid-not-found"
)

// Default endpoints and limits. The rates are the published 2026 limits
// (apis.md §0): Crossref's polite pool when a mailto is given, its public
// pool otherwise; NCBI's with and without an API key.
const (
	DefaultCrossrefURL = "https://api.crossref.org"
	DefaultPubMedURL   = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"

	defaultTimeout        = 5 * time.Minute
	defaultRequestTimeout = 30 * time.Second
	defaultBackoffFloor   = 500 * time.Millisecond
	defaultBackoffCeiling = 8 * time.Second
	defaultRetryMax       = 3

	crossrefPoliteRate, crossrefPoliteConc = 10, 3
	crossrefPublicRate, crossrefPublicConc = 5, 1
	ncbiRate, ncbiKeyRate, ncbiConc        = 3, 10, 3
)

// Options configure a Checker. The zero value checks nothing: switch the
// sources on with Crossref and PubMed (OptionsFromEnv does).
type Options struct {
	// CrossrefURL and PubMedURL are the API roots; a path prefix is kept.
	// Empty means DefaultCrossrefURL and DefaultPubMedURL.
	CrossrefURL, PubMedURL string
	// Mailto is the contact address: Crossref's mailto parameter and
	// User-Agent (the polite pool), NCBI's email parameter.
	Mailto string
	// NCBIKey is the NCBI API key (10 requests/s instead of 3). It is sent
	// to NCBI only and never written to logs, errors or the cache.
	NCBIKey string
	// CacheDir holds the answer cache; empty means
	// os.UserCacheDir()/reflint. NoCache disables it.
	CacheDir string
	NoCache  bool
	// Version goes into the User-Agent: reflint/Version (mailto:Mailto).
	Version string
	// Timeout bounds a whole Check; RequestTimeout one attempt of one
	// request. Zero means 5 minutes and 30 seconds.
	Timeout, RequestTimeout time.Duration
	// RetryWaitMin and RetryWaitMax bound the backoff between attempts
	// (Retry-After overrides them); RetryMax is the number of retries, -1
	// for none. Zero means 500ms, 8s and 3.
	RetryWaitMin, RetryWaitMax time.Duration
	RetryMax                   int
	// Verbose, when set, receives one line per request (source, method,
	// URL without keys, status, milliseconds) and per cache hit.
	Verbose io.Writer
	// Now is the clock of the cache; nil means time.Now.
	Now func() time.Time
	// Crossref and PubMed switch each source on.
	Crossref, PubMed bool
}

// OptionsFromEnv returns options with both sources on and the settings
// main reads from the environment: REFLINT_CROSSREF_URL,
// REFLINT_PUBMED_URL, REFLINT_MAILTO and NCBI_API_KEY.
func OptionsFromEnv(version string) Options {
	return Options{
		CrossrefURL: os.Getenv("REFLINT_CROSSREF_URL"),
		PubMedURL:   os.Getenv("REFLINT_PUBMED_URL"),
		Mailto:      os.Getenv("REFLINT_MAILTO"),
		NCBIKey:     os.Getenv("NCBI_API_KEY"),
		Version:     version,
		Crossref:    true,
		PubMed:      true,
	}
}

// Stats count the work of one Check. Verdicts count references, so two
// identical entries count twice but cost one look-up.
type Stats struct {
	Requests     int `json:"requests"` // HTTP attempts, retries included
	CacheHits    int `json:"cache_hits"`
	Verified     int `json:"verified"`
	Mismatch     int `json:"mismatch"`
	NotFound     int `json:"not_found"`
	Inconclusive int `json:"inconclusive"`
}

// Checker verifies references online. It is safe for one Check at a time;
// its pacing carries over between calls.
type Checker struct {
	opts      Options
	cr        *crossref
	pm        *pubmed
	requests  atomic.Int64
	cacheHits atomic.Int64
	log       *lineLog
}

// New builds a Checker, filling defaults for unset options.
func New(opts Options) *Checker {
	if opts.CrossrefURL == "" {
		opts.CrossrefURL = DefaultCrossrefURL
	}
	if opts.PubMedURL == "" {
		opts.PubMedURL = DefaultPubMedURL
	}
	if opts.Version == "" {
		opts.Version = "dev"
	}
	if opts.Timeout <= 0 {
		opts.Timeout = defaultTimeout
	}
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = defaultRequestTimeout
	}
	if opts.RetryWaitMin <= 0 {
		opts.RetryWaitMin = defaultBackoffFloor
	}
	if opts.RetryWaitMax <= 0 {
		opts.RetryWaitMax = max(defaultBackoffCeiling, opts.RetryWaitMin)
	}
	switch {
	case opts.RetryMax == 0:
		opts.RetryMax = defaultRetryMax
	case opts.RetryMax < 0:
		opts.RetryMax = 0
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.CacheDir == "" && !opts.NoCache {
		if dir, err := os.UserCacheDir(); err == nil {
			opts.CacheDir = filepath.Join(dir, "reflint")
		}
	}

	c := &Checker{opts: opts, log: &lineLog{w: opts.Verbose}}
	store := &cache{dir: opts.CacheDir, now: opts.Now}
	if opts.NoCache {
		store.dir = ""
	}
	hits := func(key string) {
		c.cacheHits.Add(1)
		c.log.printf("cache hit %s", key)
	}
	agent := "reflint/" + opts.Version
	if opts.Mailto != "" {
		agent += " (mailto:" + opts.Mailto + ")"
	}
	rp := retryPolicy{
		waitMin: opts.RetryWaitMin, waitMax: opts.RetryWaitMax,
		retries: opts.RetryMax, attemptTimeout: opts.RequestTimeout,
	}

	crPace := newPacer(crossrefPublicRate, crossrefPublicConc)
	if opts.Mailto != "" {
		crPace = newPacer(crossrefPoliteRate, crossrefPoliteConc)
	}
	c.cr = &crossref{
		svc:    newService(sourceCrossref, opts.CrossrefURL, agent, "", crPace, rp, c.log, &c.requests),
		cache:  store,
		mailto: opts.Mailto,
		hits:   hits,
	}
	pmRate := float64(ncbiRate)
	if opts.NCBIKey != "" {
		pmRate = ncbiKeyRate
	}
	c.pm = &pubmed{
		svc:    newService(sourcePubMed, opts.PubMedURL, agent, opts.NCBIKey, newPacer(pmRate, ncbiConc), rp, c.log, &c.requests),
		cache:  store,
		email:  opts.Mailto,
		apiKey: opts.NCBIKey,
		hits:   hits,
	}
	return c
}

// verdict is one source's answer about one entry.
type verdict struct {
	tried   bool
	status  lint.LookupStatus
	reason  string
	problem string
	rec     *record
	cmp     comparison
	queries []string
}

func (v *verdict) fail(err error) {
	v.tried = true
	v.status = lint.LookupInconclusive
	v.reason = reasonOf(err)
}

// entry is one distinct reference; identical entries share it.
type entry struct {
	fields   lint.Fields
	text     string
	numbers  []int
	doi      string // cited DOI, lower-case
	pmid     string // cited PMID
	foundDOI string // DOI of the work Crossref matched
	cr, pm   verdict
}

// searchable reports whether an entry without identifiers may be looked up
// by its text: web pages are not in either index, and an entry with too
// few fields would only attract false matches.
func (e *entry) searchable(kind lint.Kind) bool {
	return kind != lint.KindWebPage && usable(e.fields)
}

// Check looks every reference up and returns verdicts keyed by
// Reference.Number. It never fails: a source that cannot answer makes the
// verdicts it owes inconclusive.
func (c *Checker) Check(ctx context.Context, refs []lint.Reference) (map[int]*lint.Lookup, Stats) {
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req0, hit0 := c.requests.Load(), c.cacheHits.Load()

	entries, searchable := dedupe(refs)
	if c.opts.Crossref {
		c.crossrefPhase(ctx, entries, searchable)
	}
	if c.opts.PubMed {
		c.pubmedPhase(ctx, entries, searchable)
	}

	out := make(map[int]*lint.Lookup, len(refs))
	st := Stats{
		Requests:  int(c.requests.Load() - req0),
		CacheHits: int(c.cacheHits.Load() - hit0),
	}
	for _, e := range entries {
		l := combine(e)
		for _, n := range e.numbers {
			out[n] = copyLookup(l)
			switch l.Status {
			case lint.LookupVerified:
				st.Verified++
			case lint.LookupMismatch:
				st.Mismatch++
			case lint.LookupNotFound:
				st.NotFound++
			default:
				st.Inconclusive++
			}
		}
	}
	return out, st
}

// dedupe folds identical entries together before any request is made.
func dedupe(refs []lint.Reference) ([]*entry, map[*entry]bool) {
	byKey := map[string]*entry{}
	var out []*entry
	searchable := map[*entry]bool{}
	for _, r := range refs {
		f := r.Fields
		doi := strings.ToLower(strings.TrimSpace(f.DOI))
		pmid := strings.TrimSpace(f.PMID)
		key := doi + "\x00" + pmid + "\x00" + normText(r.Text)
		if e, ok := byKey[key]; ok {
			e.numbers = append(e.numbers, r.Number)
			continue
		}
		e := &entry{fields: f, text: strings.TrimSpace(r.Text), numbers: []int{r.Number}, doi: doi, pmid: pmid}
		byKey[key] = e
		out = append(out, e)
		searchable[e] = e.searchable(r.Kind)
	}
	return out, searchable
}

// normText is the comparison form of free text: lower case, single spaces.
func normText(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// crossrefPhase resolves cited DOIs in batches and searches the entries
// without identifiers (and those whose DOI failed) by their text.
func (c *Checker) crossrefPhase(ctx context.Context, entries []*entry, searchable map[*entry]bool) {
	var dois []string
	for _, e := range entries {
		if e.doi != "" {
			dois = append(dois, e.doi)
		}
	}
	works := c.cr.works(ctx, uniq(dois))

	var search []*entry
	for _, e := range entries {
		switch {
		case e.doi != "":
			w := works[e.doi]
			switch {
			case w.err != nil:
				e.cr.fail(w.err)
			case w.notFound:
				e.cr = verdict{tried: true, status: lint.LookupNotFound, problem: problemDOINotFound,
					queries: []string{"crossref works/" + e.doi}}
				if searchable[e] {
					search = append(search, e) // look for the right DOI
				}
			default:
				rec := crossrefRecord(w.work)
				cmp := compare(e.fields, rec)
				st, prob := identifierVerdict(cmp)
				e.cr = verdict{tried: true, status: st, problem: prob, rec: rec, cmp: cmp}
				if prob == problemIDMismatch && searchable[e] {
					search = append(search, e) // look for the work actually meant
				}
			}
		case e.pmid == "" && searchable[e]:
			search = append(search, e)
		}
	}

	var wg sync.WaitGroup
	for _, e := range search {
		wg.Go(func() { c.crossrefSearch(ctx, e) })
	}
	wg.Wait()
}

// crossrefSearch matches an entry by query.bibliographic. When the entry's
// own DOI failed (404 or another work), the verdict keeps that problem and
// a found work becomes a mismatch with the DOI as the diff.
func (c *Checker) crossrefSearch(ctx context.Context, e *entry) {
	items, err := c.cr.search(ctx, e.text)
	if err != nil {
		if e.cr.rec == nil {
			prob := e.cr.problem
			e.cr.fail(err)
			e.cr.problem = prob
		}
		return
	}
	recs := make([]*record, len(items))
	for i := range items {
		recs[i] = crossrefRecord(&items[i])
	}
	best, cmp := bestCandidate(e.fields, recs)
	if best == nil || (e.doi != "" && best.doi == e.doi) {
		if e.cr.rec == nil {
			e.cr.tried = true
			e.cr.status = lint.LookupNotFound
			e.cr.queries = append(e.cr.queries, "crossref query.bibliographic: "+e.text)
		}
		return
	}
	e.foundDOI = best.doi
	st := lint.LookupVerified
	if len(cmp.diffs) > 0 {
		st = lint.LookupMismatch
	}
	if e.doi != "" {
		st = lint.LookupMismatch
		cmp.diffs = append([]lint.FieldDiff{{Field: "doi", Cited: e.doi, Record: best.doi}}, cmp.diffs...)
	}
	e.cr = verdict{tried: true, status: st, problem: e.cr.problem, rec: best, cmp: cmp, queries: e.cr.queries}
}

// pubmedRun is the state of one PubMed phase, kept together so that each
// stage reads as one short method.
type pubmedRun struct {
	pm         *pubmed
	entries    []*entry
	searchable map[*entry]bool

	// stage 1: DOI → PMID searches and ECitMatch
	known       map[string]string // DOI → PMID from the cache
	pendingDOIs []string          // DOIs searched in this run
	doiPMIDs    []string          // PMIDs those searches returned
	doiErr      error
	citOf       map[*entry]citation
	citPMIDs    map[string]string // citation key → PMID
	citErr      error

	// stage 2: title searches
	mu         sync.Mutex
	titleTerms map[*entry]string
	titleHits  map[*entry][]string
	titleErrs  map[*entry]error

	// stage 3: summaries
	sums  map[string]summaryResult
	byDOI map[string]string
}

// pubmedPhase finds PMIDs (cited, by DOI, by ECitMatch, by title search),
// fetches all their summaries in one esummary call and judges each entry.
// Without title fallbacks that is three requests for the whole list.
func (c *Checker) pubmedPhase(ctx context.Context, entries []*entry, searchable map[*entry]bool) {
	r := &pubmedRun{
		pm: c.pm, entries: entries, searchable: searchable,
		citOf:      map[*entry]citation{},
		titleTerms: map[*entry]string{},
		titleHits:  map[*entry][]string{},
		titleErrs:  map[*entry]error{},
	}
	r.identify(ctx)
	r.searchTitles(ctx)
	r.summarise(ctx)
	for _, e := range entries {
		r.judge(e)
	}
}

// knownDOI is the DOI PubMed should be asked about: the cited one when
// Crossref did not reject it, else the one Crossref found.
func knownDOI(e *entry) string {
	if e.doi != "" && e.cr.problem != problemDOINotFound && e.cr.problem != problemIDMismatch {
		return e.doi
	}
	return e.foundDOI
}

// identify runs the DOI searches and ECitMatch side by side.
func (r *pubmedRun) identify(ctx context.Context) {
	var dois []string
	var cits []citation
	for i, e := range r.entries {
		switch {
		case e.pmid != "":
		case knownDOI(e) != "":
			dois = append(dois, knownDOI(e))
		case r.searchable[e]:
			if ct, ok := citationOf("ref"+strconv.Itoa(i), e.fields); ok {
				cits = append(cits, ct)
				r.citOf[e] = ct
			}
		}
	}
	var wg sync.WaitGroup
	wg.Go(func() { r.known, r.pendingDOIs, r.doiPMIDs, r.doiErr = r.pm.searchDOIs(ctx, uniq(dois)) })
	if len(cits) > 0 {
		wg.Go(func() { r.citPMIDs, r.citErr = r.pm.ecitmatch(ctx, cits) })
	}
	wg.Wait()
}

// searchTitles is the fallback for entries nothing else could place: no
// identifier, no Crossref record, no ECitMatch hit.
func (r *pubmedRun) searchTitles(ctx context.Context) {
	var wg sync.WaitGroup
	for _, e := range r.entries {
		if e.pmid != "" || knownDOI(e) != "" || !r.searchable[e] || e.cr.rec != nil || len(words(e.fields.Title)) < 3 {
			continue
		}
		if ct, ok := r.citOf[e]; ok && (r.citErr != nil || r.citPMIDs[ct.key] != "") {
			continue
		}
		term := titleTerm(e.fields)
		r.titleTerms[e] = term
		wg.Go(func() {
			ids, err := r.pm.esearch(ctx, term, titleSearchRetmax)
			r.mu.Lock()
			defer r.mu.Unlock()
			if err != nil {
				r.titleErrs[e] = err
			} else {
				r.titleHits[e] = ids
			}
		})
	}
	wg.Wait()
}

// summarise fetches every PMID collected in one go and maps the searched
// DOIs to their PMIDs.
func (r *pubmedRun) summarise(ctx context.Context) {
	all := slices.Clone(r.doiPMIDs)
	for _, e := range r.entries {
		if e.pmid != "" {
			all = append(all, e.pmid)
		}
		if ct, ok := r.citOf[e]; ok && r.citPMIDs[ct.key] != "" {
			all = append(all, r.citPMIDs[ct.key])
		}
		all = append(all, r.titleHits[e]...)
	}
	for _, id := range r.known {
		all = append(all, id)
	}
	r.sums = r.pm.summaries(ctx, uniq(all))
	for _, id := range r.doiPMIDs {
		if err := r.sums[id].err; err != nil && r.doiErr == nil {
			r.doiErr = err // without the summaries the DOIs cannot be mapped
		}
	}
	r.byDOI = r.known
	if r.doiErr == nil {
		maps.Copy(r.byDOI, r.pm.resolveDOIs(r.pendingDOIs, r.sums))
	}
}

// judge sets the entry's PubMed verdict.
func (r *pubmedRun) judge(e *entry) {
	switch {
	case e.pmid != "":
		judgeByID(&e.pm, e, r.sums[e.pmid], problemPMIDNotFound)
	case knownDOI(e) != "":
		d := knownDOI(e)
		id, ok := r.byDOI[d]
		switch {
		case ok:
			judgeByID(&e.pm, e, r.sums[id], "")
			if d != e.doi { // a DOI Crossref found and validated
				e.pm.problem = ""
			}
		case r.doiErr != nil:
			e.pm.fail(r.doiErr)
		default:
			// PubMed answered and does not index this DOI.
			e.pm = verdict{tried: true, status: lint.LookupNotFound, queries: []string{"pubmed esearch: " + d + "[doi]"}}
		}
	default:
		r.judgeSearch(e)
	}
}

// judgeByID judges the record reached through an identifier.
func judgeByID(v *verdict, e *entry, s summaryResult, missing string) {
	switch {
	case s.err != nil:
		v.fail(s.err)
	case s.sum == nil:
		*v = verdict{tried: true, status: lint.LookupNotFound, problem: missing, queries: []string{"pubmed esummary: " + e.pmid}}
	default:
		rec := pubmedRecord(s.sum)
		cmp := compare(e.fields, rec)
		st, prob := identifierVerdict(cmp)
		*v = verdict{tried: true, status: st, problem: prob, rec: rec, cmp: cmp}
	}
}

// judgeSearch validates the ECitMatch and title-search hits of an entry.
// ECitMatch weighs journal, volume and page and may return a PMID whose
// author or year disagree (apis.md §2.5), so hits pass the same field
// validation as Crossref candidates.
func (r *pubmedRun) judgeSearch(e *entry) {
	var ids, queries []string
	var firstErr error
	if ct, ok := r.citOf[e]; ok {
		queries = append(queries, "pubmed ecitmatch: "+ct.line())
		if r.citErr != nil {
			firstErr = r.citErr
		} else if id := r.citPMIDs[ct.key]; id != "" {
			ids = append(ids, id)
		}
	}
	if term := r.titleTerms[e]; term != "" {
		queries = append(queries, "pubmed esearch: "+term)
		if err := r.titleErrs[e]; err != nil && firstErr == nil {
			firstErr = err
		}
		ids = append(ids, r.titleHits[e]...)
	}
	if len(queries) == 0 {
		return // nothing PubMed could search for
	}
	var recs []*record
	for _, id := range uniq(ids) {
		s := r.sums[id]
		if s.err != nil {
			firstErr = s.err
			continue
		}
		if s.sum != nil {
			recs = append(recs, pubmedRecord(s.sum))
		}
	}
	if best, cmp := bestCandidate(e.fields, recs); best != nil {
		st := lint.LookupVerified
		if len(cmp.diffs) > 0 {
			st = lint.LookupMismatch
		}
		e.pm = verdict{tried: true, status: st, rec: best, cmp: cmp}
		return
	}
	if firstErr != nil {
		e.pm.fail(firstErr)
		return
	}
	e.pm = verdict{tried: true, status: lint.LookupNotFound, queries: queries}
}

// combine merges the two sources' verdicts into the entry's Lookup. A
// record from either source decides the status; without one, any source
// that could not answer makes the verdict inconclusive, never not_found.
func combine(e *entry) *lint.Lookup {
	l := &lint.Lookup{}
	for _, v := range []*verdict{&e.cr, &e.pm} {
		if v.tried && v.status != lint.LookupInconclusive {
			l.Sources = append(l.Sources, sourceName(v, e))
		}
	}
	primary, other := &e.cr, &e.pm
	if primary.rec == nil {
		primary, other = other, primary
	}
	if primary.rec == nil {
		return combineMisses(e, l)
	}

	l.Status, l.Problem = primary.status, primary.problem
	l.Agreed, l.Diffs = primary.cmp.agreed, primary.cmp.diffs
	l.Confidence = primary.cmp.confidence()
	if len(l.Agreed) == 0 && len(l.Diffs) == 0 {
		l.Confidence = 0.5 // the identifier resolves; nothing else to compare
	}
	l.DOI, l.PMID = primary.rec.doi, primary.rec.pmid
	l.Retraction = primary.rec.retraction
	l.Notices = slices.Clone(primary.rec.notices)
	l.IsNotice = primary.rec.isNotice
	if primary.rec.source == sourcePubMed {
		l.PublicationTypes = primary.rec.pubTypes
	}

	if other.problem != "" && l.Problem == "" {
		// The other identifier is wrong (a PMID on another work, a DOI that
		// does not resolve): the entry is a mismatch whatever the fields say.
		l.Status, l.Problem = lint.LookupMismatch, other.problem
		switch {
		case other.problem == problemDOINotFound && e.doi != primary.rec.doi:
			l.Diffs = append([]lint.FieldDiff{{Field: "doi", Cited: e.doi, Record: primary.rec.doi}}, l.Diffs...)
		case other.problem != problemDOINotFound && e.pmid != "" && e.pmid != primary.rec.pmid:
			l.Diffs = append([]lint.FieldDiff{{Field: "pmid", Cited: e.pmid, Record: primary.rec.pmid}}, l.Diffs...)
		}
	}
	if other.rec != nil && other.problem == "" && sameWork(primary.rec, other.rec) {
		// Both sources found the same work: merge what each knows.
		if l.DOI == "" {
			l.DOI = other.rec.doi
		}
		if l.PMID == "" {
			l.PMID = other.rec.pmid
		}
		if l.Retraction == nil {
			l.Retraction = other.rec.retraction
		}
		l.Notices = mergeNotices(l.Notices, other.rec.notices)
		l.IsNotice = l.IsNotice || other.rec.isNotice
		if other.rec.source == sourcePubMed {
			l.PublicationTypes = other.rec.pubTypes
		}
	}
	return l
}

// combineMisses is the verdict when no source produced a record.
func combineMisses(e *entry, l *lint.Lookup) *lint.Lookup {
	l.Problem = e.cr.problem
	if l.Problem == "" {
		l.Problem = e.pm.problem
	}
	for _, v := range []*verdict{&e.cr, &e.pm} {
		if v.tried && v.status == lint.LookupInconclusive {
			l.Status, l.Reason = lint.LookupInconclusive, v.reason
			return l
		}
	}
	if e.cr.tried || e.pm.tried {
		l.Status = lint.LookupNotFound
		l.Queries = append(slices.Clone(e.cr.queries), e.pm.queries...)
		return l
	}
	l.Status, l.Reason = lint.LookupInconclusive, reasonNoFields
	return l
}

// sameWork cross-checks the DOI and PMID two sources found: when both
// records carry a DOI they must agree.
func sameWork(a, b *record) bool {
	return a.doi == "" || b.doi == "" || a.doi == b.doi
}

func sourceName(v *verdict, e *entry) string {
	if v == &e.cr {
		return sourceCrossref
	}
	return sourcePubMed
}

func mergeNotices(a, b []lint.Notice) []lint.Notice {
	for _, n := range b {
		if !slices.ContainsFunc(a, func(m lint.Notice) bool { return m.Type == n.Type && (m.DOI == n.DOI || m.DOI == "" || n.DOI == "") }) {
			a = append(a, n)
		}
	}
	return a
}

// copyLookup gives each reference its own Lookup, so that a caller editing
// one cannot change its duplicates.
func copyLookup(l *lint.Lookup) *lint.Lookup {
	c := *l
	c.Agreed = slices.Clone(l.Agreed)
	c.Diffs = slices.Clone(l.Diffs)
	c.Notices = slices.Clone(l.Notices)
	c.PublicationTypes = slices.Clone(l.PublicationTypes)
	c.Queries = slices.Clone(l.Queries)
	c.Sources = slices.Clone(l.Sources)
	if l.Retraction != nil {
		r := *l.Retraction
		c.Retraction = &r
	}
	return &c
}
