package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

const onlineArticle = "testdata/online/article.txt"

// fakeCrossref serves the recorded record for one DOI and an empty result
// for every search; PubMed answers 503, as during an outage.
func fakeServers(t *testing.T) (crossref, pubmed *httptest.Server) {
	t.Helper()
	record, err := os.ReadFile("testdata/online/works_doi_10.1371_journal.pone.0033693.json")
	if err != nil {
		t.Fatal(err)
	}
	crossref = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if strings.HasSuffix(strings.ToLower(r.URL.Path), "/works/10.1371/journal.pone.0033693") {
			_, _ = w.Write(record)
			return
		}
		_, _ = w.Write([]byte(`{"status":"ok","message-type":"work-list","message":{"total-results":0,"items":[],"items-per-page":10,"query":{"start-index":0,"search-terms":null}}}`))
	}))
	pubmed = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "service unavailable", http.StatusServiceUnavailable)
	}))
	t.Cleanup(crossref.Close)
	t.Cleanup(pubmed.Close)
	return crossref, pubmed
}

type onlineReport struct {
	Files []struct {
		References []struct {
			Number int `json:"number"`
			Lookup *struct {
				Status string `json:"status"`
				Reason string `json:"reason"`
				DOI    string `json:"doi"`
			} `json:"lookup"`
		} `json:"references"`
		Findings []struct {
			Rule string `json:"rule"`
		} `json:"findings"`
	} `json:"files"`
	Summary struct {
		Lookups *struct {
			Requests     int `json:"requests"`
			Verified     int `json:"verified"`
			Inconclusive int `json:"inconclusive"`
		} `json:"lookups"`
	} `json:"summary"`
}

// onlineRun runs reflint --format json; the time limit keeps the
// network-down test short, since refused connections are retried.
func onlineRun(t *testing.T, timeout string, args ...string) (onlineReport, int) {
	t.Helper()
	out, stderr, code := reflint(t, "", append([]string{"--format", "json", "--no-cache", "--timeout", timeout}, args...)...)
	var rep onlineReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("bad JSON (%v), stderr %q", err, stderr)
	}
	return rep, code
}

func TestOnlineVerifies(t *testing.T) {
	crossref, pubmed := fakeServers(t)
	t.Setenv("REFLINT_CROSSREF_URL", crossref.URL)
	t.Setenv("REFLINT_PUBMED_URL", pubmed.URL)
	_, offline := onlineRun(t, "20s", onlineArticle)
	rep, code := onlineRun(t, "20s", "--online", onlineArticle)
	if code != offline {
		t.Errorf("exit code %d online, %d offline", code, offline)
	}
	refs := rep.Files[0].References
	if refs[0].Lookup == nil || refs[0].Lookup.Status != "verified" || refs[0].Lookup.DOI != "10.1371/journal.pone.0033693" {
		t.Errorf("entry 1 should be verified with its DOI, got %+v", refs[0].Lookup)
	}
	if refs[1].Lookup == nil || refs[1].Lookup.Status == "verified" {
		t.Errorf("entry 2 matches nothing on the fake server, got %+v", refs[1].Lookup)
	}
	if rep.Summary.Lookups == nil || rep.Summary.Lookups.Requests == 0 {
		t.Errorf("summary lacks lookup counts: %+v", rep.Summary.Lookups)
	}
}

// TestOnlineNetworkDown checks that with every source unreachable the
// offline report is intact, every look-up is inconclusive (never
// not_found) and the exit code is the offline one, unless --strict-online.
func TestOnlineNetworkDown(t *testing.T) {
	down := httptest.NewServer(http.NotFoundHandler())
	url := down.URL
	down.Close() // connection refused from now on
	t.Setenv("REFLINT_CROSSREF_URL", url)
	t.Setenv("REFLINT_PUBMED_URL", url)
	offlineRep, offline := onlineRun(t, "3s", onlineArticle)
	rep, code := onlineRun(t, "3s", "--online", onlineArticle)
	if code != offline {
		t.Errorf("exit code %d with the network down, %d offline", code, offline)
	}
	if len(rep.Files[0].Findings) != len(offlineRep.Files[0].Findings) {
		t.Errorf("offline findings changed: %d online, %d offline", len(rep.Files[0].Findings), len(offlineRep.Files[0].Findings))
	}
	for _, r := range rep.Files[0].References {
		if r.Lookup == nil || r.Lookup.Status != "inconclusive" {
			t.Errorf("entry %d: want inconclusive, got %+v", r.Number, r.Lookup)
		}
	}
	if _, strict := onlineRun(t, "3s", "--online", "--strict-online", "--fail-on", "none", onlineArticle); strict != 1 {
		t.Errorf("--strict-online with inconclusive look-ups: exit %d, want 1", strict)
	}
}
