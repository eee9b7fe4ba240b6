package sources

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/reflint/reflint/lint"
)

// prefix mounts the fake APIs under a path, so that a client that drops the
// base URL's path fails loudly (go-github's trick).
const prefix = "/api"

// fakeAPI serves Crossref and E-utilities from testdata. Tests add faults
// through intercept, which sees every request first.
type fakeAPI struct {
	t testing.TB

	works     map[string]json.RawMessage // lower DOI → work message
	searches  map[string]string          // substring of query.bibliographic → testdata file
	summaries map[string]json.RawMessage // PMID → esummary record
	titles    map[string][]string        // substring of an esearch title term → PMIDs
	ecit      map[string]string          // "journal|year|volume|page" → PMID

	mu        sync.Mutex
	count     map[string]int // endpoint → requests
	requests  []*http.Request
	intercept func(w http.ResponseWriter, r *http.Request) bool

	crossref, pubmed *httptest.Server
}

func newFakeAPI(tb testing.TB) *fakeAPI {
	tb.Helper()
	f := &fakeAPI{
		t:         tb,
		works:     map[string]json.RawMessage{},
		searches:  map[string]string{},
		summaries: map[string]json.RawMessage{},
		titles:    map[string][]string{},
		ecit:      map[string]string{},
		count:     map[string]int{},
	}
	for _, file := range []string{
		"crossref/works_doi_10.1371_journal.pone.0033693.json",
		"crossref/synthetic_work_retracted_10.1016_s0140-6736-97-11096-0.json",
	} {
		var env crossrefEnvelope
		mustJSON(tb, readTestdata(tb, file), &env)
		f.addWork(env.Message)
	}
	f.addWork(readTestdata(tb, "crossref/item_correction_notice_update-to_10.1371_journal.pone.0129989.json"))
	f.searches["Tkaczyk"] = "crossref/works_query_bibliographic_cermine_rows5_2018.json"
	f.searches["fish"] = "crossref/journal_works_query_bibliographic_fish_first5.json"
	mustJSON(tb, readTestdata(tb, "pubmed/synthetic_esummary_records.json"), &f.summaries)
	f.ecit["proc natl acad sci u s a|1991|88|3248"] = "2014248"

	f.crossref = httptest.NewServer(http.StripPrefix(prefix, http.HandlerFunc(f.serveCrossref)))
	f.pubmed = httptest.NewServer(http.StripPrefix(prefix, http.HandlerFunc(f.servePubMed)))
	tb.Cleanup(f.crossref.Close)
	tb.Cleanup(f.pubmed.Close)
	return f
}

func (f *fakeAPI) addWork(msg json.RawMessage) {
	var w struct {
		DOI string `json:"DOI"`
	}
	mustJSON(f.t, msg, &w)
	f.works[strings.ToLower(w.DOI)] = msg
}

// options are the test defaults: both sources on, a private cache, a fixed
// clock, retry waits in milliseconds.
func (f *fakeAPI) options(tb testing.TB) Options {
	tb.Helper()
	return Options{
		CrossrefURL:    f.crossref.URL + prefix,
		PubMedURL:      f.pubmed.URL + prefix,
		Mailto:         "test@example.org",
		CacheDir:       tb.TempDir(),
		Version:        "test",
		Timeout:        10 * time.Second,
		RequestTimeout: 2 * time.Second,
		RetryWaitMin:   time.Millisecond,
		RetryWaitMax:   5 * time.Millisecond,
		RetryMax:       2,
		Now:            func() time.Time { return testNow },
		Crossref:       true,
		PubMed:         true,
	}
}

var testNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// setIntercept swaps the fault handler; handlers of abandoned requests may
// still be running, hence the lock.
func (f *fakeAPI) setIntercept(fn func(w http.ResponseWriter, r *http.Request) bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.intercept = fn
}

func (f *fakeAPI) hits(endpoint string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.count[endpoint]
}

func (f *fakeAPI) total(source string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for k, v := range f.count {
		if strings.HasPrefix(k, source+" ") {
			n += v
		}
	}
	return n
}

func (f *fakeAPI) record(endpoint string, r *http.Request) func(http.ResponseWriter, *http.Request) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.count[endpoint]++
	f.requests = append(f.requests, r)
	return f.intercept
}

func (f *fakeAPI) serveCrossref(w http.ResponseWriter, r *http.Request) {
	endpoint := "crossref works"
	switch {
	case strings.HasPrefix(r.URL.Path, "/works/"):
		endpoint = "crossref work"
	case r.URL.Query().Has("filter"):
		endpoint = "crossref filter"
	case r.URL.Query().Has("query.bibliographic"):
		endpoint = "crossref search"
	}
	if in := f.record(endpoint, r); in != nil && in(w, r) {
		return
	}
	switch endpoint {
	case "crossref work":
		doi := strings.ToLower(strings.TrimPrefix(r.URL.Path, "/works/"))
		msg, ok := f.works[doi]
		if !ok {
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write(readTestdata(f.t, "crossref/works_doi_not_found_404.txt"))
			return
		}
		writeJSON(w, map[string]any{"status": "ok", "message-type": "work", "message": msg})
	case "crossref filter":
		var items []json.RawMessage
		for part := range strings.SplitSeq(r.URL.Query().Get("filter"), ",") {
			if msg, ok := f.works[strings.ToLower(strings.TrimPrefix(part, "doi:"))]; ok {
				items = append(items, msg)
			}
		}
		writeList(w, items)
	case "crossref search":
		q := r.URL.Query().Get("query.bibliographic")
		for sub, file := range f.searches {
			if strings.Contains(q, sub) {
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write(readTestdata(f.t, file))
				return
			}
		}
		writeList(w, nil)
	default:
		http.Error(w, "unexpected request", http.StatusBadRequest)
	}
}

var doiTermRe = regexp.MustCompile(`"([^"]+)"\[doi\]`)

func (f *fakeAPI) servePubMed(w http.ResponseWriter, r *http.Request) {
	endpoint := "pubmed " + strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), ".fcgi"), ".cgi")
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if in := f.record(endpoint, r); in != nil && in(w, r) {
		return
	}
	switch endpoint {
	case "pubmed esummary":
		result := map[string]any{}
		var uids []string
		for id := range strings.SplitSeq(r.Form.Get("id"), ",") {
			if rec, ok := f.summaries[id]; ok {
				uids = append(uids, id)
				result[id] = rec
			}
		}
		result["uids"] = uids
		writeJSON(w, map[string]any{"header": map[string]string{"type": "esummary", "version": "0.3"}, "result": result})
	case "pubmed esearch":
		term := r.Form.Get("term")
		ids := []string{}
		for _, m := range doiTermRe.FindAllStringSubmatch(term, -1) {
			for id, rec := range f.summaries {
				var s pubmedSummary
				mustJSON(f.t, rec, &s)
				if s.doi() == strings.ToLower(m[1]) {
					ids = append(ids, id)
				}
			}
		}
		for sub, hit := range f.titles {
			if strings.Contains(term, sub) {
				ids = append(ids, hit...)
			}
		}
		writeJSON(w, map[string]any{"esearchresult": map[string]any{"count": len(ids), "idlist": ids}})
	case "pubmed ecitmatch":
		var out strings.Builder
		for line := range strings.SplitSeq(r.Form.Get("bdata"), "\r") {
			p := strings.Split(line, "|")
			if len(p) < 6 {
				continue
			}
			res := "NOT_FOUND"
			if id, ok := f.ecit[strings.Join(p[:4], "|")]; ok {
				res = id
			}
			out.WriteString(strings.Join(p[:6], "|") + "|" + res + "\n")
		}
		_, _ = w.Write([]byte(out.String()))
	default:
		http.Error(w, "unexpected request", http.StatusBadRequest)
	}
}

func writeList(w http.ResponseWriter, items []json.RawMessage) {
	if items == nil {
		items = []json.RawMessage{}
	}
	writeJSON(w, map[string]any{"status": "ok", "message-type": "work-list",
		"message": map[string]any{"total-results": len(items), "items": items}})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func readTestdata(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func mustJSON(tb testing.TB, data []byte, v any) {
	tb.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		tb.Fatal(err)
	}
}

// The entries the tests cite, as lint would parse them.
var (
	refPLoS = lint.Reference{
		Number: 1,
		Text:   "Sadasivan S, Pond BB, Pani AK, Qu C, Jiao Y, Smeyne RJ. Methylphenidate exposure induces dopamine neuron loss and activation of microglia in the basal ganglia of mice. PLoS One. 2012;7(3):e33693. doi:10.1371/journal.pone.0033693",
		Fields: lint.Fields{
			Authors: []string{"Sadasivan S", "Pond BB"}, Title: "Methylphenidate exposure induces dopamine neuron loss and activation of microglia in the basal ganglia of mice",
			Container: "PLoS One", Year: 2012, Volume: "7", Issue: "3", Pages: "e33693", DOI: "10.1371/journal.pone.0033693",
		},
		Kind: lint.KindJournalArticle,
	}
	refNotice = lint.Reference{
		Number: 2,
		Text:   "Bécares J, García-Tarrasón M, Villero D, et al. Correction: Modelling terrestrial and marine foraging habitats in breeding Audouin's gulls Larus audouinii: timing matters. PLoS One. 2015;10(6):e0129989. doi:10.1371/journal.pone.0129989",
		Fields: lint.Fields{
			Authors: []string{"Bécares J"}, Title: "Correction: Modelling terrestrial and marine foraging habitats in breeding Audouin's gulls Larus audouinii: timing matters",
			Container: "PLoS One", Year: 2015, Volume: "10", Issue: "6", Pages: "e0129989", DOI: "10.1371/journal.pone.0129989",
		},
		Kind: lint.KindJournalArticle,
	}
	// The string of Crossref's own matcher test (ReferenceMatcherTest).
	refCermine = lint.Reference{
		Number: 3,
		Text:   "D. Tkaczyk, P. Szostek, M. Fedoryszak, P. J. Dendek, and L. Bolikowski, “CERMINE: automatic extraction of structured metadata from scientific literature,” IJDAR, vol. 18, no. 4, pp. 317–335, 2015.",
		Fields: lint.Fields{
			Authors: []string{"D. Tkaczyk", "P. Szostek"}, Title: "CERMINE: automatic extraction of structured metadata from scientific literature",
			Container: "IJDAR", Year: 2015, Volume: "18", Issue: "4", Pages: "317–335",
		},
		Kind: lint.KindJournalArticle,
	}
	refMann = lint.Reference{
		Number: 4,
		Text:   "Mann BJ, Torian BE, Vedvick TS, Petri WA Jr. Sequence of a cysteine-rich galactose-specific lectin of Entamoeba histolytica. Proc Natl Acad Sci U S A. 1991;88(8):3248-52.",
		Fields: lint.Fields{
			Authors: []string{"Mann BJ", "Torian BE"}, Title: "Sequence of a cysteine-rich galactose-specific lectin of Entamoeba histolytica",
			Container: "Proc Natl Acad Sci U S A", Year: 1991, Volume: "88", Issue: "8", Pages: "3248-52",
		},
		Kind: lint.KindJournalArticle,
	}
	refGenBank = lint.Reference{
		Number: 5,
		Text:   "Benson DA, Karsch-Mizrachi I, Clark K, Lipman DJ, Ostell J, Sayers EW. GenBank. Nucleic Acids Res. 2012;40(Database issue):D48-D53. PMID: 22144687.",
		Fields: lint.Fields{
			Authors: []string{"Benson DA"}, Title: "GenBank", Container: "Nucleic Acids Res.", Year: 2012, Volume: "40",
			Pages: "D48-D53", PMID: "22144687",
		},
		Kind: lint.KindJournalArticle,
	}
	refWakefield = lint.Reference{
		Number: 6,
		Text:   "Wakefield AJ, Murch SH, Anthony A, et al. Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children. Lancet. 1998;351(9103):637-641. doi:10.1016/S0140-6736(97)11096-0. PMID: 9500320.",
		Fields: lint.Fields{
			Authors: []string{"Wakefield AJ", "Murch SH"}, Title: "Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children",
			Container: "Lancet", Year: 1998, Volume: "351", Issue: "9103", Pages: "637-641",
			DOI: "10.1016/s0140-6736(97)11096-0", PMID: "9500320",
		},
		Kind: lint.KindJournalArticle,
	}
	// A work absent from every fixture whose title shares "fish" with the
	// five recorded hits.
	refFish = lint.Reference{
		Number: 7,
		Text:   "Ali-Hassan K, Moreau P. Fish welfare indicators in recirculating aquaculture systems: a field study. PeerJ. 2018;6:e5123.",
		Fields: lint.Fields{
			Authors: []string{"Ali-Hassan K", "Moreau P"}, Title: "Fish welfare indicators in recirculating aquaculture systems: a field study",
			Container: "PeerJ", Year: 2018, Volume: "6", Pages: "e5123",
		},
		Kind: lint.KindJournalArticle,
	}
)
