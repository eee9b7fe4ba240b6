package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/reflint/reflint/lint"
)

// The end-to-end online test runs reflint --online on a test article
// against a fake Crossref that holds a record for every entry together
// with decoys that share words with its title and come first in the
// results, as Crossref's relevance ranking can put them. The records are
// SYNTHETIC: made here from the entries' own fields, in the shape of the
// recorded Crossref responses (testdata/online), with DOIs under
// Crossref's test prefix 10.5555. One record disagrees on the year and
// one is retracted.
const e2eArticle = "testdata/articles/caffeine-performance.txt"

const (
	e2eMismatchEntry  = 6  // its record says 2015, the entry 2013
	e2eRetractedEntry = 10 // its record carries a retraction notice
)

func e2eDOI(n int) string { return fmt.Sprintf("10.5555/reflint-%d", n) }

// e2eRecords builds the true record and two decoys for every entry.
func e2eRecords(t *testing.T) (truth map[int]map[string]any, decoys map[int][]map[string]any) {
	t.Helper()
	src, err := os.ReadFile(e2eArticle)
	if err != nil {
		t.Fatal(err)
	}
	doc := lint.ParseText(e2eArticle, src, lint.ParseOptions{})
	truth, decoys = map[int]map[string]any{}, map[int][]map[string]any{}
	for _, r := range doc.References {
		f := r.Fields
		year := f.Year
		if r.Number == e2eMismatchEntry {
			year += 2
		}
		rec := map[string]any{
			"DOI": e2eDOI(r.Number), "type": "journal-article", "title": []string{f.Title},
			"container-title": []string{f.Container}, "short-container-title": []string{f.Container},
			"issued": map[string]any{"date-parts": [][]int{{year}}}, "volume": f.Volume, "issue": f.Issue, "page": f.Pages,
			"author": []map[string]string{{"family": "Lindqvist", "given": "M", "sequence": "first"}}, "score": 40.0,
		}
		if r.Number == e2eRetractedEntry {
			rec["updated-by"] = []map[string]any{{"DOI": "10.5555/reflint-retraction", "type": "retraction", "label": "Retraction",
				"source": "publisher", "updated": map[string]any{"date-parts": [][]int{{2025, 3, 1}}}}}
		}
		truth[r.Number] = rec
		words := strings.Fields(f.Title)
		for k, tail := range []string{"in rodents: a pilot study", "and sleep: a cross-sectional survey of students"} {
			decoys[r.Number] = append(decoys[r.Number], map[string]any{
				"DOI": fmt.Sprintf("10.5555/decoy-%d-%d", r.Number, k), "type": "journal-article",
				"title":           []string{strings.Join(words[:min(4, len(words))], " ") + " " + tail},
				"container-title": []string{f.Container}, "issued": map[string]any{"date-parts": [][]int{{year - 3 + k}}},
				"volume": "99", "page": "1-9", "score": 90.0 - float64(k),
				"author": []map[string]string{{"family": "Decoy", "given": "D", "sequence": "first"}},
			})
		}
	}
	return truth, decoys
}

// fakeCrossrefFor answers DOI look-ups from truth and bibliographic
// searches with the decoys first and the true record last.
func fakeCrossrefFor(truth map[int]map[string]any, decoys map[int][]map[string]any) *httptest.Server {
	byDOI := map[string]map[string]any{}
	for _, rec := range truth {
		byDOI[rec["DOI"].(string)] = rec
	}
	reply := func(w http.ResponseWriter, typ string, msg any) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"status": "ok", "message-type": typ, "message-version": "1.0.0", "message": msg})
	}
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if doi, ok := strings.CutPrefix(r.URL.Path, "/works/"); ok {
			if rec, found := byDOI[strings.ToLower(doi)]; found {
				reply(w, "work", rec)
				return
			}
			http.Error(w, "Resource not found.", http.StatusNotFound)
			return
		}
		var items []map[string]any
		if q := strings.ToLower(r.URL.Query().Get("query.bibliographic")); q != "" {
			best, bestScore := 0, 0
			for n, rec := range truth {
				score := 0
				for w := range strings.FieldsSeq(strings.ToLower(rec["title"].([]string)[0])) {
					if strings.Contains(q, w) {
						score++
					}
				}
				if score > bestScore {
					best, bestScore = n, score
				}
			}
			if best > 0 {
				items = append(append(items, decoys[best]...), truth[best])
			}
		}
		for f := range strings.SplitSeq(r.URL.Query().Get("filter"), ",") {
			if doi, ok := strings.CutPrefix(f, "doi:"); ok && byDOI[strings.ToLower(doi)] != nil {
				items = append(items, byDOI[strings.ToLower(doi)])
			}
		}
		if items == nil {
			items = []map[string]any{}
		}
		reply(w, "work-list", map[string]any{"total-results": len(items), "items": items, "items-per-page": 10})
	}))
}

func TestOnlineEndToEnd(t *testing.T) {
	truth, decoys := e2eRecords(t)
	crossref := fakeCrossrefFor(truth, decoys)
	defer crossref.Close()
	pubmed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
	}))
	defer pubmed.Close()
	t.Setenv("REFLINT_CROSSREF_URL", crossref.URL)
	t.Setenv("REFLINT_PUBMED_URL", pubmed.URL)
	t.Setenv("REFLINT_CACHE_DIR", t.TempDir())

	out, stderr, _ := reflint(t, "", "--online", "--format", "json", "--timeout", "60s", e2eArticle)
	var rep struct {
		Files []struct {
			References []struct {
				Number int          `json:"number"`
				Lookup *lint.Lookup `json:"lookup"`
			} `json:"references"`
			Findings []struct {
				Rule       string `json:"rule"`
				Message    string `json:"message"`
				References []int  `json:"references"`
			} `json:"findings"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("bad JSON: %v (stderr %q)", err, stderr)
	}
	for _, r := range rep.Files[0].References {
		l := r.Lookup
		switch {
		case l == nil:
			t.Errorf("#%d: no verdict", r.Number)
		case strings.Contains(l.DOI, "decoy"):
			t.Errorf("#%d: picked the decoy %s", r.Number, l.DOI)
		case l.DOI != e2eDOI(r.Number):
			t.Errorf("#%d: DOI %q (%s), want %s", r.Number, l.DOI, l.Status, e2eDOI(r.Number))
		}
	}
	found := map[string]string{}
	for _, f := range rep.Files[0].Findings {
		if len(f.References) > 0 {
			found[fmt.Sprint(f.Rule, f.References[0])] = f.Message
		}
	}
	if msg := found[fmt.Sprint("metadata-mismatch", e2eMismatchEntry)]; !strings.Contains(msg, `year "2013" → "2015"`) {
		t.Errorf("want the year mismatch of #%d, got %q", e2eMismatchEntry, msg)
	}
	if msg := found[fmt.Sprint("retracted-reference", e2eRetractedEntry)]; !strings.Contains(msg, "2025-03-01") {
		t.Errorf("want #%d reported retracted with its date, got %q", e2eRetractedEntry, msg)
	}
}
