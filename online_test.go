package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const onlineArticle = "testdata/online/article.txt"

// fakeServers serves the recorded record for one DOI and an empty result
// for every search; PubMed answers 503, as during an outage. With
// retracted set, the record carries a (synthetic) retraction notice.
func fakeServers(t *testing.T, retracted ...*bool) (crossref, pubmed *httptest.Server) {
	t.Helper()
	record, err := os.ReadFile("testdata/online/works_doi_10.1371_journal.pone.0033693.json")
	if err != nil {
		t.Fatal(err)
	}
	withRetraction := retractedRecord(t, record)
	t.Setenv("REFLINT_CACHE_DIR", t.TempDir()) // never the user's cache
	crossref = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if strings.HasSuffix(strings.ToLower(r.URL.Path), "/works/10.1371/journal.pone.0033693") {
			if len(retracted) > 0 && *retracted[0] {
				_, _ = w.Write(withRetraction)
			} else {
				_, _ = w.Write(record)
			}
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

// retractedRecord adds a synthetic publisher retraction to a record.
func retractedRecord(t *testing.T, record []byte) []byte {
	t.Helper()
	var env map[string]any
	if err := json.Unmarshal(record, &env); err != nil {
		t.Fatal(err)
	}
	env["message"].(map[string]any)["updated-by"] = []any{map[string]any{
		"DOI": "10.1371/journal.pone.9999999", "type": "retraction", "label": "Retraction", "source": "publisher",
		"updated": map[string]any{"date-parts": []any{[]any{2026, 10, 1}}},
	}}
	out, err := json.Marshal(env)
	if err != nil {
		t.Fatal(err)
	}
	return out
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

// TestLockFile writes verdicts with --online --lock, replays them with
// --offline-lock without a request, and reports a newly retracted work
// with reflint lock --refresh.
func TestLockFile(t *testing.T) {
	retracted := false
	crossref, pubmed := fakeServers(t, &retracted)
	t.Setenv("REFLINT_CROSSREF_URL", crossref.URL)
	t.Setenv("REFLINT_PUBMED_URL", pubmed.URL)
	lock := filepath.Join(t.TempDir(), "reflint.lock.json")

	rep, _ := onlineRun(t, "20s", "--online", "--lock", lock, onlineArticle)
	if l := rep.Files[0].References[0].Lookup; l == nil || l.Status != "verified" {
		t.Fatalf("entry 1 not verified: %+v", l)
	}
	if _, err := os.Stat(lock); err != nil {
		t.Fatalf("no lock file written: %v", err)
	}

	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()
	t.Setenv("REFLINT_CROSSREF_URL", down.URL)
	t.Setenv("REFLINT_PUBMED_URL", down.URL)
	rep, _ = onlineRun(t, "20s", "--online", "--offline-lock", "--lock", lock, onlineArticle)
	if l := rep.Files[0].References[0].Lookup; l == nil || l.Status != "verified" {
		t.Errorf("--offline-lock did not replay entry 1: %+v", l)
	}
	if s := rep.Summary.Lookups; s == nil || s.Requests != 0 {
		t.Errorf("--offline-lock made requests: %+v", s)
	}

	t.Setenv("REFLINT_CROSSREF_URL", crossref.URL)
	t.Setenv("REFLINT_PUBMED_URL", pubmed.URL)
	retracted = true
	out, stderr, code := reflint(t, "", "lock", "--lock", lock, "--refresh", "--timeout", "20s", onlineArticle)
	if code != 1 || !strings.Contains(out, "#1: newly retracted") {
		t.Errorf("lock --refresh: exit %d, output %q, stderr %q", code, out, stderr)
	}
	out, _, code = reflint(t, "", "lock", "--lock", lock, "--refresh", "--timeout", "20s", onlineArticle)
	if code != 0 || !strings.Contains(out, "no change") {
		t.Errorf("second refresh: exit %d, output %q", code, out)
	}
}
