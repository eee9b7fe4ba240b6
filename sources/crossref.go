package sources

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/reflint/reflint/lint"
)

// crossrefSelect trims list responses to the fields reflint reads
// (apis.md §1.2); a full work with its reference list can weigh 100 KB.
const crossrefSelect = "DOI,title,subtitle,container-title,short-container-title,issued," +
	"published-print,published-online,volume,issue,page,article-number,author,type," +
	"updated-by,update-to,score"

// Batch and search sizes. Crossref's doi filter takes many DOIs per call
// (third-party clients use 50); 20 keeps URLs short. Ten search rows
// leave room for the right work below a few decoys.
const (
	crossrefBatch = 20
	crossrefRows  = 10
)

// crossrefWork is the part of a Crossref work reflint reads. It is also the
// shape stored in the cache.
type crossrefWork struct {
	DOI                 string           `json:"DOI"`
	Title               []string         `json:"title,omitempty"`
	Subtitle            []string         `json:"subtitle,omitempty"`
	ContainerTitle      []string         `json:"container-title,omitempty"`
	ShortContainerTitle []string         `json:"short-container-title,omitempty"`
	Issued              dateParts        `json:"issued"`
	PublishedPrint      dateParts        `json:"published-print"`
	PublishedOnline     dateParts        `json:"published-online"`
	Volume              string           `json:"volume,omitempty"`
	Issue               string           `json:"issue,omitempty"`
	Page                string           `json:"page,omitempty"`
	ArticleNumber       string           `json:"article-number,omitempty"`
	Author              []crossrefAuthor `json:"author,omitempty"`
	Type                string           `json:"type,omitempty"`
	Score               float64          `json:"score,omitempty"`
	UpdatedBy           []crossrefUpdate `json:"updated-by,omitempty"`
	UpdateTo            []crossrefUpdate `json:"update-to,omitempty"`
}

type crossrefAuthor struct {
	Given    string `json:"given,omitempty"`
	Family   string `json:"family,omitempty"`
	Name     string `json:"name,omitempty"` // organisations
	Sequence string `json:"sequence,omitempty"`
}

// crossrefUpdate is one Crossmark update (apis.md §1.3).
type crossrefUpdate struct {
	DOI     string    `json:"DOI,omitempty"`
	Type    string    `json:"type,omitempty"`
	Label   string    `json:"label,omitempty"`
	Source  string    `json:"source,omitempty"`
	Updated dateParts `json:"updated"`
}

// dateParts is Crossref's {"date-parts": [[Y, M, D]]}; parts may be null
// or, on old records, strings.
type dateParts struct {
	DateParts [][]any `json:"date-parts,omitempty"`
}

func (d dateParts) parts() []int {
	if len(d.DateParts) == 0 {
		return nil
	}
	var out []int
	for _, p := range d.DateParts[0] {
		switch v := p.(type) {
		case float64:
			out = append(out, int(v))
		case string:
			n, err := strconv.Atoi(v)
			if err != nil {
				return out
			}
			out = append(out, n)
		default:
			return out
		}
	}
	return out
}

func (d dateParts) year() int {
	if p := d.parts(); len(p) > 0 {
		return p[0]
	}
	return 0
}

// String formats the date as precisely as known: YYYY, YYYY-MM or
// YYYY-MM-DD.
func (d dateParts) String() string {
	p := d.parts()
	switch len(p) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("%04d", p[0])
	case 2:
		return fmt.Sprintf("%04d-%02d", p[0], p[1])
	}
	return fmt.Sprintf("%04d-%02d-%02d", p[0], p[1], p[2])
}

type crossrefEnvelope struct {
	Status      string          `json:"status"`
	MessageType string          `json:"message-type"`
	Message     json.RawMessage `json:"message"`
}

// decodeCrossref checks the envelope: an HTML error page or a truncated
// body served with status 200 must not pass for an answer.
func decodeCrossref(data []byte, wantType string, v any) error {
	var env crossrefEnvelope
	if err := json.Unmarshal(data, &env); err != nil {
		return &fetchError{reasonSourceError, "crossref: invalid JSON: " + err.Error()}
	}
	if env.Status != "ok" || env.MessageType != wantType {
		return &fetchError{reasonSourceError, fmt.Sprintf("crossref: unexpected %q/%q", env.Status, env.MessageType)}
	}
	if err := json.Unmarshal(env.Message, v); err != nil {
		return &fetchError{reasonSourceError, "crossref: invalid message: " + err.Error()}
	}
	return nil
}

// crossref is the Crossref REST client.
type crossref struct {
	svc    *service
	cache  *cache
	mailto string
	hits   func(key string)
}

func (c *crossref) query() url.Values {
	q := url.Values{}
	if c.mailto != "" {
		q.Set("mailto", c.mailto)
	}
	return q
}

// workResult is the outcome of looking one DOI up.
type workResult struct {
	work     *crossrefWork
	notFound bool
	err      error
}

// works looks DOIs up: from the cache, then in batches through the doi
// filter, then singly for any DOI a batch did not return (to tell a 404
// from an omission). dois must be lower-case and unique.
func (c *crossref) works(ctx context.Context, dois []string) map[string]workResult {
	out := make(map[string]workResult, len(dois))
	var mu sync.Mutex
	set := func(doi string, r workResult) {
		mu.Lock()
		out[doi] = r
		mu.Unlock()
	}

	var todo, single []string
	for _, d := range dois {
		var w crossrefWork
		if found, ok := c.cache.get("crossref work "+d, &w); ok {
			c.hits("crossref work " + d)
			if found {
				set(d, workResult{work: &w})
			} else {
				set(d, workResult{notFound: true})
			}
			continue
		}
		// A comma would split the filter value; such DOIs go alone.
		if strings.Contains(d, ",") {
			single = append(single, d)
		} else {
			todo = append(todo, d)
		}
	}
	if len(todo) == 1 {
		single, todo = append(single, todo[0]), nil
	}

	var wg sync.WaitGroup
	var missing []string
	for start := 0; start < len(todo); start += crossrefBatch {
		batch := todo[start:min(start+crossrefBatch, len(todo))]
		wg.Go(func() {
			got, err := c.batch(ctx, batch)
			for _, d := range batch {
				switch {
				case err != nil:
					set(d, workResult{err: err})
				case got[d] != nil:
					c.cache.put("crossref work "+d, true, got[d])
					set(d, workResult{work: got[d]})
				default:
					mu.Lock()
					missing = append(missing, d)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	single = append(single, missing...)

	for _, d := range single {
		wg.Go(func() {
			w, err := c.work(ctx, d)
			switch {
			case errors.Is(err, errNotFound):
				c.cache.put("crossref work "+d, false, nil)
				set(d, workResult{notFound: true})
			case err != nil:
				set(d, workResult{err: err})
			default:
				c.cache.put("crossref work "+d, true, w)
				set(d, workResult{work: w})
			}
		})
	}
	wg.Wait()
	return out
}

// work fetches /works/{doi}. A 404 is errNotFound: Crossref answers it
// with a text/plain "Resource not found." body.
func (c *crossref) work(ctx context.Context, doi string) (*crossrefWork, error) {
	data, err := c.svc.get(ctx, "/works/"+url.PathEscape(doi), c.query())
	if err != nil {
		return nil, err
	}
	var w crossrefWork
	if err := decodeCrossref(data, "work", &w); err != nil {
		return nil, err
	}
	return &w, nil
}

// batch fetches several DOIs in one /works?filter=doi:A,doi:B request,
// keyed by lower-case DOI.
func (c *crossref) batch(ctx context.Context, dois []string) (map[string]*crossrefWork, error) {
	filter := make([]string, len(dois))
	for i, d := range dois {
		filter[i] = "doi:" + d
	}
	q := c.query()
	q.Set("filter", strings.Join(filter, ","))
	q.Set("rows", strconv.Itoa(len(dois)*2)) // room for DOIs registered twice
	items, err := c.list(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*crossrefWork, len(items))
	for i := range items {
		out[strings.ToLower(items[i].DOI)] = &items[i]
	}
	return out, nil
}

// list runs a /works list query and decodes its items. A 404 on the list
// route is the service misbehaving, not an answer about a work.
func (c *crossref) list(ctx context.Context, q url.Values) ([]crossrefWork, error) {
	q.Set("select", crossrefSelect)
	data, err := c.svc.get(ctx, "/works", q)
	if err != nil {
		if errors.Is(err, errNotFound) {
			err = &fetchError{reasonSourceError, "crossref: 404 on /works"}
		}
		return nil, err
	}
	var list struct {
		Items []crossrefWork `json:"items"`
	}
	if err := decodeCrossref(data, "work-list", &list); err != nil {
		return nil, err
	}
	return list.Items, nil
}

// search runs query.bibliographic with the whole entry text, which is what
// Crossref recommends for reference matching (apis.md §4.1).
func (c *crossref) search(ctx context.Context, text string) ([]crossrefWork, error) {
	key := "crossref search " + normText(text)
	var items []crossrefWork
	if _, ok := c.cache.get(key, &items); ok {
		c.hits(key)
		return items, nil
	}
	q := c.query()
	q.Set("query.bibliographic", text)
	q.Set("rows", strconv.Itoa(crossrefRows))
	items, err := c.list(ctx, q)
	if err != nil {
		return nil, err
	}
	// An empty list is an answer too; stored as a hit so the next run
	// does not ask again within the month.
	c.cache.put(key, true, items)
	return items, nil
}

// crossrefRecord converts a work for comparison, reading its retraction
// and notice markers.
func crossrefRecord(w *crossrefWork) *record {
	r := &record{
		source: sourceCrossref,
		doi:    strings.ToLower(w.DOI),
		volume: w.Volume,
		issue:  w.Issue,
		pages:  w.Page,
	}
	if r.pages == "" {
		r.pages = w.ArticleNumber
	}
	if len(w.Title) > 0 {
		r.titles = append(r.titles, w.Title[0])
		if len(w.Subtitle) > 0 {
			r.titles = append(r.titles, w.Title[0]+": "+w.Subtitle[0])
		}
		r.titles = append(r.titles, w.Title[1:]...)
	}
	r.containers = append(append(r.containers, w.ContainerTitle...), w.ShortContainerTitle...)
	for _, d := range []dateParts{w.Issued, w.PublishedPrint, w.PublishedOnline} {
		if y := d.year(); y != 0 {
			r.years = append(r.years, y)
		}
	}
	for _, a := range w.Author {
		// Crossref lists authors in order; "sequence" only marks the first.
		switch {
		case a.Family != "":
			r.authors = append(r.authors, a.Family)
		case a.Name != "":
			r.authors = append(r.authors, a.Name)
		}
	}
	readCrossrefUpdates(r, w)
	return r
}

// readCrossrefUpdates reads Crossmark updates (apis.md §1.3). The same
// notice may come twice, from the publisher and from Retraction Watch; the
// publisher's copy is kept.
func readCrossrefUpdates(r *record, w *crossrefWork) {
	seen := map[string]int{}
	for _, u := range w.UpdatedBy {
		typ := noticeType(u.Type)
		if typ == "" {
			continue
		}
		n := lint.Notice{Type: typ, DOI: strings.ToLower(u.DOI), Date: u.Updated.String(), Source: u.Source, Label: u.Label}
		if retractionLike(typ) {
			if r.retraction == nil || (r.retraction.Source != "publisher" && n.Source == "publisher") {
				r.retraction = &n
			}
			continue
		}
		k := typ + " " + n.DOI
		if i, dup := seen[k]; dup {
			if n.Source == "publisher" {
				r.notices[i] = n
			}
			continue
		}
		seen[k] = len(r.notices)
		r.notices = append(r.notices, n)
	}
	if r.retraction == nil && len(w.Title) > 0 && hasRetractedPrefix(w.Title[0]) {
		r.retraction = &lint.Notice{Type: "retraction", Source: "publisher", Label: "title marked retracted"}
	}
	// The work is itself a notice when it updates another work.
	r.isNotice = len(w.UpdateTo) > 0
}

// noticeType maps Crossmark update types, typos included (RetractionBot
// saw "retration"), to lint.Notice types; "" for types reflint ignores
// (new_version and the like).
func noticeType(t string) string {
	t = strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(t)))
	switch t {
	case "retraction", "retration":
		return "retraction"
	case "withdrawal", "removal":
		return t
	case "expression_of_concern":
		return t
	case "correction", "erratum", "corrigendum", "partial_retraction":
		return "correction"
	}
	return ""
}

func retractionLike(t string) bool {
	return t == "retraction" || t == "withdrawal" || t == "removal"
}

// bestCandidate validates search hits against the entry and returns the
// best accepted one, or nil.
func bestCandidate(f lint.Fields, recs []*record) (*record, comparison) {
	var best *record
	var bestCmp comparison
	bestRank := 0.0
	for _, r := range recs {
		c := compare(f, r)
		if !acceptCandidate(f, c) {
			continue
		}
		if rk := rank(c); best == nil || rk > bestRank {
			best, bestCmp, bestRank = r, c, rk
		}
	}
	return best, bestCmp
}
