package sources

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/reflint/reflint/lint"
)

// NCBI sizes. Above about 200 ids esummary must be POSTed (a GET with 2000
// ids is a 414, observed); ECitMatch and esearch lines are kept short for
// the same reason.
const (
	ncbiGetIDs        = 200
	ncbiPostIDs       = 500
	ecitmatchPerCall  = 100
	doiSearchPerCall  = 40
	titleSearchRetmax = 5
)

// pubmedSummary is the part of a PubMed esummary (version 2.0, JSON) record
// reflint reads. It is also the shape stored in the cache.
type pubmedSummary struct {
	UID             string          `json:"uid"`
	PubDate         string          `json:"pubdate,omitempty"`
	EPubDate        string          `json:"epubdate,omitempty"`
	Source          string          `json:"source,omitempty"`
	FullJournalName string          `json:"fulljournalname,omitempty"`
	Authors         []pubmedAuthor  `json:"authors,omitempty"`
	Title           string          `json:"title,omitempty"`
	Volume          string          `json:"volume,omitempty"`
	Issue           string          `json:"issue,omitempty"`
	Pages           string          `json:"pages,omitempty"`
	ELocationID     string          `json:"elocationid,omitempty"`
	PubType         []string        `json:"pubtype,omitempty"`
	ArticleIDs      []pubmedID      `json:"articleids,omitempty"`
	References      []pubmedComment `json:"references,omitempty"`
	Error           string          `json:"error,omitempty"`
}

type pubmedAuthor struct {
	Name     string `json:"name"`
	AuthType string `json:"authtype,omitempty"`
}

type pubmedID struct {
	IDType string `json:"idtype"`
	Value  string `json:"value"`
}

// pubmedComment is a comment/correction link. Its JSON shape is
// unverified (apis.md §2.3), so every field is optional.
type pubmedComment struct {
	RefSource string `json:"refsource,omitempty"`
	RefType   string `json:"reftype,omitempty"`
	PMID      string `json:"pmid,omitempty"`
	Note      string `json:"note,omitempty"`
}

func (s *pubmedSummary) doi() string {
	for _, id := range s.ArticleIDs {
		if id.IDType == "doi" {
			return strings.ToLower(strings.TrimSpace(id.Value))
		}
	}
	return ""
}

// pubmed is the NCBI E-utilities client.
type pubmed struct {
	svc    *service
	cache  *cache
	email  string
	apiKey string
	hits   func(key string)
}

// params are sent on every call: NCBI asks for tool and email, and the key
// raises the rate limit.
func (p *pubmed) params() url.Values {
	q := url.Values{}
	q.Set("tool", "reflint")
	if p.email != "" {
		q.Set("email", p.email)
	}
	if p.apiKey != "" {
		q.Set("api_key", p.apiKey)
	}
	return q
}

// summaryResult is the outcome of looking one PMID up.
type summaryResult struct {
	sum      *pubmedSummary
	notFound bool
	err      error
}

// summaries fetches esummary records for unique PMIDs, from the cache
// first, then in GET or POST batches.
func (p *pubmed) summaries(ctx context.Context, pmids []string) map[string]summaryResult {
	out := make(map[string]summaryResult, len(pmids))
	var todo []string
	for _, id := range pmids {
		var s pubmedSummary
		if found, ok := p.cache.get("pubmed summary "+id, &s); ok {
			p.hits("pubmed summary " + id)
			if found {
				out[id] = summaryResult{sum: &s}
			} else {
				out[id] = summaryResult{notFound: true}
			}
			continue
		}
		todo = append(todo, id)
	}
	for start := 0; start < len(todo); start += ncbiPostIDs {
		batch := todo[start:min(start+ncbiPostIDs, len(todo))]
		got, err := p.esummary(ctx, batch)
		for _, id := range batch {
			switch {
			case err != nil:
				out[id] = summaryResult{err: err}
			case got[id] != nil:
				p.cache.put("pubmed summary "+id, true, got[id])
				out[id] = summaryResult{sum: got[id]}
			default:
				p.cache.put("pubmed summary "+id, false, nil)
				out[id] = summaryResult{notFound: true}
			}
		}
	}
	return out
}

func (p *pubmed) esummary(ctx context.Context, ids []string) (map[string]*pubmedSummary, error) {
	q := p.params()
	q.Set("db", "pubmed")
	q.Set("retmode", "json")
	q.Set("version", "2.0")
	q.Set("id", strings.Join(ids, ","))
	var data []byte
	var err error
	if len(ids) > ncbiGetIDs {
		data, err = p.svc.post(ctx, "/esummary.fcgi", q)
	} else {
		data, err = p.svc.get(ctx, "/esummary.fcgi", q)
	}
	if err != nil {
		return nil, ncbiStatusError(err)
	}
	var env struct {
		Result map[string]json.RawMessage `json:"result"`
		Error  string                     `json:"error"`
	}
	if err := json.Unmarshal(data, &env); err != nil {
		return nil, &fetchError{reasonSourceError, "pubmed: invalid JSON: " + err.Error()}
	}
	if env.Error != "" || env.Result == nil {
		return nil, &fetchError{reasonSourceError, "pubmed: esummary error " + strconv.Quote(env.Error)}
	}
	var uids []string
	if err := json.Unmarshal(env.Result["uids"], &uids); err != nil {
		return nil, &fetchError{reasonSourceError, "pubmed: esummary without uids"}
	}
	// Iterate result.uids, not the object keys (apis.md §2.3); a uid that
	// NCBI does not know may come back with an "error" member instead.
	out := make(map[string]*pubmedSummary, len(uids))
	for _, uid := range uids {
		var s pubmedSummary
		if err := json.Unmarshal(env.Result[uid], &s); err != nil {
			return nil, &fetchError{reasonSourceError, "pubmed: invalid record " + uid}
		}
		if s.Error != "" || s.Title == "" && len(s.Authors) == 0 {
			continue
		}
		s.UID = uid
		out[uid] = &s
	}
	return out, nil
}

// ncbiStatusError turns a 404 from E-utilities (a wrong base URL, never an
// answer about a record) into a source error.
func ncbiStatusError(err error) error {
	if err == errNotFound { //nolint:errorlint // send returns the sentinel itself
		return &fetchError{reasonSourceError, "pubmed: 404"}
	}
	return err
}

// citation is one ECitMatch input line (apis.md §2.5).
type citation struct {
	key     string
	journal string
	year    int
	volume  string
	page    string
	author  string
}

func (c citation) line() string {
	clean := func(s string) string {
		return strings.NewReplacer("|", " ", "\r", " ", "\n", " ").Replace(strings.ToLower(strings.TrimSpace(s)))
	}
	return strings.Join([]string{clean(c.journal), strconv.Itoa(c.year), clean(c.volume), clean(c.page), clean(c.author), c.key, ""}, "|")
}

// citationOf builds the ECitMatch line for an entry, or false when the
// entry lacks journal, year, volume or first page.
func citationOf(key string, f lint.Fields) (citation, bool) {
	page := firstPage(f.Pages)
	if f.Container == "" || f.Year == 0 || f.Volume == "" || page == "" {
		return citation{}, false
	}
	c := citation{key: key, journal: f.Container, year: f.Year, volume: f.Volume, page: page}
	if len(f.Authors) > 0 {
		c.author = ecitAuthor(f.Authors[0])
	}
	return c, true
}

// ecitAuthor writes an author as ECitMatch wants it: "surname initials".
func ecitAuthor(a string) string {
	a = strings.TrimSpace(a)
	if sur, given, ok := strings.Cut(a, ","); ok {
		var ini strings.Builder
		for w := range strings.FieldsSeq(strings.ReplaceAll(given, ".", " ")) {
			ini.WriteString(w[:1])
		}
		return strings.TrimSpace(sur) + " " + ini.String()
	}
	f := strings.Fields(strings.ReplaceAll(a, ".", " "))
	if n := len(f); n > 1 && len(f[n-1]) <= 3 && strings.ToUpper(f[n-1]) == f[n-1] {
		return strings.Join(f, " ") // already "Smith JA"
	}
	return surname(a)
}

// ecitmatch resolves citations to PMIDs; the answer is plain text, one
// line per citation with the PMID (or NOT_FOUND / AMBIGUOUS) last. The
// map holds only matches; every citation of a successful call is keyed
// in answered, so that misses can be told from failures.
func (p *pubmed) ecitmatch(ctx context.Context, cits []citation) (pmids map[string]string, err error) {
	pmids = map[string]string{}
	var todo []citation
	for _, c := range cits {
		var id string
		if found, ok := p.cache.get("pubmed ecitmatch "+c.line(), &id); ok {
			p.hits("pubmed ecitmatch " + c.line())
			if found {
				pmids[c.key] = id
			}
			continue
		}
		todo = append(todo, c)
	}
	for start := 0; start < len(todo); start += ecitmatchPerCall {
		batch := todo[start:min(start+ecitmatchPerCall, len(todo))]
		lines := make([]string, len(batch))
		for i, c := range batch {
			lines[i] = c.line()
		}
		q := p.params()
		q.Set("db", "pubmed")
		q.Set("retmode", "xml")
		q.Set("bdata", strings.Join(lines, "\r"))
		data, err := p.svc.get(ctx, "/ecitmatch.cgi", q)
		if err != nil {
			return pmids, ncbiStatusError(err)
		}
		got, err := parseECitMatch(data)
		if err != nil {
			return pmids, err
		}
		for _, c := range batch {
			if id, ok := got[c.key]; ok && id != "" {
				pmids[c.key] = id
				p.cache.put("pubmed ecitmatch "+c.line(), true, id)
			} else {
				p.cache.put("pubmed ecitmatch "+c.line(), false, nil)
			}
		}
	}
	return pmids, nil
}

// parseECitMatch reads key → PMID ("" for NOT_FOUND or AMBIGUOUS). A body
// without a single well-formed line (an HTML page, an error) is an error.
func parseECitMatch(data []byte) (map[string]string, error) {
	out := map[string]string{}
	for line := range strings.FieldsFuncSeq(string(data), func(r rune) bool { return r == '\n' || r == '\r' }) {
		f := strings.Split(line, "|")
		if len(f) < 7 || f[5] == "" {
			continue
		}
		res := strings.TrimSpace(f[6])
		if isDigits(res) {
			out[f[5]] = res
		} else {
			out[f[5]] = ""
		}
	}
	if len(out) == 0 {
		return nil, &fetchError{reasonSourceError, "pubmed: unreadable ecitmatch answer"}
	}
	return out, nil
}

// esearch returns the PMIDs matching term.
func (p *pubmed) esearch(ctx context.Context, term string, retmax int) ([]string, error) {
	key := "pubmed esearch " + strconv.Itoa(retmax) + " " + term
	var ids []string
	if _, ok := p.cache.get(key, &ids); ok {
		p.hits(key)
		return ids, nil
	}
	q := p.params()
	q.Set("db", "pubmed")
	q.Set("retmode", "json")
	q.Set("retmax", strconv.Itoa(retmax))
	q.Set("term", term)
	data, err := p.svc.get(ctx, "/esearch.fcgi", q)
	if err != nil {
		return nil, ncbiStatusError(err)
	}
	var env struct {
		Result *struct {
			IDList []string `json:"idlist"`
			Error  string   `json:"ERROR"`
		} `json:"esearchresult"`
	}
	if err := json.Unmarshal(data, &env); err != nil {
		return nil, &fetchError{reasonSourceError, "pubmed: invalid JSON: " + err.Error()}
	}
	if env.Result == nil || env.Result.Error != "" {
		return nil, &fetchError{reasonSourceError, "pubmed: esearch error"}
	}
	p.cache.put(key, true, env.Result.IDList)
	return env.Result.IDList, nil
}

// searchDOIs starts the DOI → PMID mapping: mappings already cached are
// returned in known; the other DOIs are searched, one esearch per chunk
// ("A"[doi] OR "B"[doi]), and the PMIDs found are returned for the single
// esummary call of the run, after which resolveDOIs says which PMID
// carries which DOI.
func (p *pubmed) searchDOIs(ctx context.Context, dois []string) (known map[string]string, pending, ids []string, err error) {
	known = map[string]string{}
	for _, d := range dois {
		var id string
		if found, ok := p.cache.get("pubmed doi "+d, &id); ok {
			p.hits("pubmed doi " + d)
			if found {
				known[d] = id
			}
			continue
		}
		pending = append(pending, d)
	}
	var (
		mu sync.Mutex
		wg sync.WaitGroup
	)
	for start := 0; start < len(pending); start += doiSearchPerCall {
		batch := pending[start:min(start+doiSearchPerCall, len(pending))]
		wg.Go(func() {
			terms := make([]string, len(batch))
			for i, d := range batch {
				terms[i] = strconv.Quote(d) + "[doi]"
			}
			got, serr := p.esearch(ctx, strings.Join(terms, " OR "), 2*len(batch))
			mu.Lock()
			defer mu.Unlock()
			if serr != nil {
				err = serr
				return
			}
			ids = append(ids, got...)
		})
	}
	wg.Wait()
	return known, pending, uniq(ids), err
}

// resolveDOIs finishes searchDOIs once the summaries are in: it maps each
// pending DOI to the PMID whose record carries it, and caches the answer.
func (p *pubmed) resolveDOIs(pending []string, sums map[string]summaryResult) map[string]string {
	byDOI := map[string]string{}
	for id, s := range sums {
		if s.sum != nil && s.sum.doi() != "" {
			byDOI[s.sum.doi()] = id
		}
	}
	out := map[string]string{}
	for _, d := range pending {
		if id, ok := byDOI[d]; ok {
			out[d] = id
			p.cache.put("pubmed doi "+d, true, id)
		} else {
			p.cache.put("pubmed doi "+d, false, nil)
		}
	}
	return out
}

// titleTerm builds the esearch fallback: the title's longest words in the
// title field, plus the first author's surname when known.
func titleTerm(f lint.Fields) string {
	ws := words(f.Title)
	var long []string
	for _, w := range ws {
		if len(w) >= 4 {
			long = append(long, w)
		}
	}
	if len(long) < 3 {
		long = ws
	}
	long = long[:min(len(long), 8)]
	parts := make([]string, 0, len(long)+1)
	for _, w := range long {
		parts = append(parts, w+"[ti]")
	}
	if len(f.Authors) > 0 {
		if sur := surname(f.Authors[0]); sur != "" {
			parts = append(parts, sur+"[au]")
		}
	}
	return strings.Join(parts, " AND ")
}

// surname guesses the family name of a cited author: the part before a
// comma, else the longest word.
func surname(a string) string {
	if sur, _, ok := strings.Cut(a, ","); ok {
		return strings.Join(words(sur), " ")
	}
	best := ""
	for _, w := range words(a) {
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}

// pubmedRecord converts a summary for comparison, reading publication types
// and comment/correction links for retractions and notices.
func pubmedRecord(s *pubmedSummary) *record {
	r := &record{
		source:   sourcePubMed,
		pmid:     s.UID,
		doi:      s.doi(),
		volume:   s.Volume,
		issue:    s.Issue,
		pages:    s.Pages,
		pubTypes: s.PubType,
	}
	if r.pages == "" {
		r.pages = strings.TrimPrefix(s.ELocationID, "doi: ")
	}
	if s.Title != "" {
		r.titles = []string{strings.TrimSuffix(s.Title, ".")}
	}
	for _, n := range []string{s.FullJournalName, s.Source} {
		if n != "" {
			r.containers = append(r.containers, n)
		}
	}
	for _, d := range []string{s.PubDate, s.EPubDate} {
		if y := leadingYear(d); y != 0 {
			r.years = append(r.years, y)
		}
	}
	for _, a := range s.Authors {
		if a.AuthType != "" && !strings.EqualFold(strings.TrimSpace(a.AuthType), "author") {
			continue
		}
		r.authors = append(r.authors, pubmedFamily(a.Name))
	}
	readPubMedNotices(r, s)
	return r
}

// readPubMedNotices follows NLM's errata policy (apis.md §2.4): the
// retracted article carries the publication type "Retracted Publication",
// the notice "Retraction of Publication".
func readPubMedNotices(r *record, s *pubmedSummary) {
	for _, t := range s.PubType {
		switch t {
		case "Retracted Publication":
			r.retraction = &lint.Notice{Type: "retraction", Source: "pubmed", Label: t}
		case "Retraction of Publication", "Published Erratum", "Expression of Concern":
			r.isNotice = true
		}
	}
	for _, c := range s.References {
		typ := strings.ToLower(strings.ReplaceAll(c.RefType, " ", ""))
		var n *lint.Notice
		switch typ {
		case "retractionin":
			if r.retraction == nil {
				r.retraction = &lint.Notice{Type: "retraction", Source: "pubmed"}
			}
			r.retraction.Label = strings.TrimSpace(c.RefSource)
			if c.PMID != "" {
				r.retraction.Label += " (PMID " + c.PMID + ")"
			}
			continue
		case "expressionofconcernin":
			n = &lint.Notice{Type: "expression_of_concern", Source: "pubmed"}
		case "erratumin", "partialretractionin":
			n = &lint.Notice{Type: "correction", Source: "pubmed"}
		default:
			continue
		}
		n.Label = strings.TrimSpace(c.RefSource)
		if c.PMID != "" {
			n.Label += fmt.Sprintf(" (PMID %s)", c.PMID)
		}
		r.notices = append(r.notices, *n)
	}
}

// pubmedFamily drops the initials from a PubMed author ("Goldberg MJ").
func pubmedFamily(name string) string {
	f := strings.Fields(name)
	if len(f) > 1 {
		last := f[len(f)-1]
		if len(last) <= 3 && strings.ToUpper(last) == last {
			f = f[:len(f)-1]
		}
	}
	return strings.Join(f, " ")
}

// leadingYear reads the year from a PubMed date ("2012 Jan", "2011 Dec 5").
func leadingYear(s string) int {
	s = strings.TrimSpace(s)
	if len(s) < 4 {
		return 0
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil {
		return 0
	}
	return y
}

func uniq(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
