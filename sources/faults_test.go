package sources

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/reflint/reflint/lint"
)

// TestFaults: whatever goes wrong on the wire, the verdict is inconclusive
// with a reason, never not_found, and nothing bad is cached.
func TestFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		handler    func(n int, w http.ResponseWriter, r *http.Request) // n counts from 1
		reason     string
		wantTries  int // 0: don't check
		tweak      func(*Options)
		wantStatus lint.LookupStatus
	}{
		{
			name: "429 forever",
			handler: func(_ int, w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Retry-After", "0")
				http.Error(w, "slow down", http.StatusTooManyRequests)
			},
			reason: reasonRateLimited, wantTries: 3,
		},
		{
			name: "429 asking for more time than the run has",
			handler: func(_ int, w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Retry-After", "3600")
				http.Error(w, "slow down", http.StatusTooManyRequests)
			},
			reason: reasonRateLimited, wantTries: 1,
		},
		{
			name: "503 until retries run out",
			handler: func(_ int, w http.ResponseWriter, _ *http.Request) {
				http.Error(w, "unavailable", http.StatusServiceUnavailable)
			},
			reason: reasonSourceError, wantTries: 3,
		},
		{
			name: "501 is not retried",
			handler: func(_ int, w http.ResponseWriter, _ *http.Request) {
				http.Error(w, "no", http.StatusNotImplemented)
			},
			reason: reasonSourceError, wantTries: 1,
		},
		{
			name: "slower than the request timeout",
			handler: func(_ int, w http.ResponseWriter, r *http.Request) {
				select {
				case <-r.Context().Done():
				case <-time.After(2 * time.Second):
				}
				writeList(w, nil)
			},
			tweak:  func(o *Options) { o.RequestTimeout = 50 * time.Millisecond },
			reason: reasonTimeout, wantTries: 3,
		},
		{
			name: "slower than the overall timeout",
			handler: func(_ int, _ http.ResponseWriter, r *http.Request) {
				<-r.Context().Done()
			},
			tweak:  func(o *Options) { o.Timeout = 100 * time.Millisecond },
			reason: reasonTimeout,
		},
		{
			name: "truncated JSON",
			handler: func(_ int, w http.ResponseWriter, _ *http.Request) {
				_, _ = w.Write([]byte(`{"status":"ok","message-type":"work-list","message":{"items":[{"DOI":"10.1`))
			},
			reason: reasonSourceError, wantTries: 1,
		},
		{
			name: "HTML error page with status 200",
			handler: func(_ int, w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				_, _ = w.Write([]byte("<!DOCTYPE html><html><body><h1>Service Unavailable</h1></body></html>"))
			},
			reason: reasonSourceError, wantTries: 1,
		},
		{
			name: "oversize body",
			handler: func(_ int, w http.ResponseWriter, _ *http.Request) {
				_, _ = w.Write([]byte(`{"status":"ok","message-type":"work-list","message":{"items":[],"pad":"`))
				_, _ = w.Write([]byte(strings.Repeat("x", maxBody)))
				_, _ = w.Write([]byte(`"}}`))
			},
			reason: reasonSourceError, wantTries: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			var n atomic.Int32
			f.setIntercept(func(w http.ResponseWriter, r *http.Request) bool {
				tt.handler(int(n.Add(1)), w, r)
				return true
			})
			opts := f.options(t)
			opts.PubMed = false
			if tt.tweak != nil {
				tt.tweak(&opts)
			}
			c := New(opts)
			got, st := c.Check(t.Context(), []lint.Reference{refCermine})
			l := got[3]
			if l.Status != lint.LookupInconclusive || l.Reason != tt.reason {
				t.Fatalf("got %s/%s, want inconclusive/%s", l.Status, l.Reason, tt.reason)
			}
			if tt.wantTries != 0 && int(n.Load()) != tt.wantTries {
				t.Errorf("tries = %d, want %d", n.Load(), tt.wantTries)
			}
			if st.Inconclusive != 1 || st.NotFound != 0 {
				t.Errorf("stats = %+v", st)
			}
			// Failures are not cached: with the fault gone, the next run asks.
			f.setIntercept(nil)
			got, st = c.Check(t.Context(), []lint.Reference{refCermine})
			if got[3].Status != lint.LookupVerified || st.Requests != 1 {
				t.Errorf("after recovery: %+v, %+v", got[3], st)
			}
		})
	}
}

func TestRetryAfterThenOK(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	var n atomic.Int32
	f.setIntercept(func(w http.ResponseWriter, _ *http.Request) bool {
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return true
		}
		return false
	})
	opts := f.options(t)
	opts.PubMed = false
	start := time.Now()
	got, st := New(opts).Check(t.Context(), []lint.Reference{refPLoS})
	if got[1].Status != lint.LookupVerified || st.Requests != 2 {
		t.Fatalf("got %+v, %+v", got[1], st)
	}
	if d := time.Since(start); d < time.Second {
		t.Errorf("Retry-After: 1 not honoured: retried after %v", d)
	}
}

func TestDOINotFound(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	opts := f.options(t)
	opts.PubMed = false

	// With nothing else to search for, the 404 is the verdict.
	bare := lint.Reference{Number: 1, Text: "doi:10.1371/notarealdoi", Fields: lint.Fields{DOI: "10.1371/notarealdoi"}}
	got, _ := New(opts).Check(t.Context(), []lint.Reference{bare})
	if l := got[1]; l.Status != lint.LookupNotFound || l.Problem != problemDOINotFound {
		t.Errorf("got %+v, want not_found/doi-not-found", l)
	}

	// With a usable entry, the search finds the right DOI.
	ref := refCermine
	ref.Fields.DOI = "10.1007/s10032-015-0249-x"
	got, _ = New(opts).Check(t.Context(), []lint.Reference{ref})
	l := got[3]
	if l.Status != lint.LookupMismatch || l.Problem != problemDOINotFound || l.DOI != "10.1007/s10032-015-0249-8" {
		t.Fatalf("got %+v", l)
	}
	if l.Diffs[0] != (lint.FieldDiff{Field: "doi", Cited: "10.1007/s10032-015-0249-x", Record: "10.1007/s10032-015-0249-8"}) {
		t.Errorf("diffs = %+v", l.Diffs)
	}
}

func TestConnectionRefused(t *testing.T) {
	t.Parallel()
	dead := httptest.NewServer(http.NotFoundHandler())
	url := dead.URL
	dead.Close()
	opts := Options{
		CrossrefURL: url, PubMedURL: url, NoCache: true,
		RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond, RetryMax: 1,
		Crossref: true, PubMed: true,
	}
	got, st := New(opts).Check(t.Context(), []lint.Reference{refPLoS, refCermine, refMann})
	for n, l := range got {
		if l.Status != lint.LookupInconclusive || l.Reason != reasonSourceError {
			t.Errorf("ref %d: %+v", n, l)
		}
	}
	if st.Inconclusive != 3 {
		t.Errorf("stats = %+v", st)
	}
}

func TestPubMedFaultKeepsCrossrefVerdict(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.setIntercept(func(w http.ResponseWriter, r *http.Request) bool {
		if strings.Contains(r.URL.Path, "esearch") || strings.Contains(r.URL.Path, "ecitmatch") {
			http.Error(w, "down", http.StatusBadGateway)
			return true
		}
		return false
	})
	got, _ := New(f.options(t)).Check(t.Context(), []lint.Reference{refPLoS, refFish})
	if got[1].Status != lint.LookupVerified || !cmp0(got[1].Sources, "crossref") {
		t.Errorf("ref 1 = %+v", got[1])
	}
	// Crossref found nothing, PubMed could not answer: inconclusive.
	if got[7].Status != lint.LookupInconclusive || got[7].Reason != reasonSourceError {
		t.Errorf("ref 7 = %+v", got[7])
	}
}

func cmp0(xs []string, want ...string) bool {
	if len(xs) != len(want) {
		return false
	}
	for i := range xs {
		if xs[i] != want[i] {
			return false
		}
	}
	return true
}
