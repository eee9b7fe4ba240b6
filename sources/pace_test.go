package sources

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/reflint/reflint/lint"
)

func TestPacerAdapts(t *testing.T) {
	t.Parallel()
	p := newPacer(10, 3)
	h := http.Header{}
	h.Set("X-Rate-Limit-Limit", "5")
	h.Set("X-Rate-Limit-Interval", "1s")
	h.Set("X-Concurrency-Limit", "1")
	p.adapt(h)
	if p.lim.Limit() != rate.Limit(5*rateMargin) || p.maxSlots != 1 {
		t.Errorf("after public-pool headers: %v/s, %d slots", p.lim.Limit(), p.maxSlots)
	}
	h.Set("X-Rate-Limit-Limit", "100000")
	h.Set("X-Rate-Limit-Interval", "garbage")
	h.Set("X-Concurrency-Limit", "500")
	p.adapt(h)
	if p.lim.Limit() != maxAdvertisedRate*rateMargin || p.maxSlots != maxAdvertisedConc {
		t.Errorf("limits not clamped: %v/s, %d slots", p.lim.Limit(), p.maxSlots)
	}
	p.adapt(http.Header{}) // no headers: unchanged
	if p.lim.Limit() != maxAdvertisedRate*rateMargin {
		t.Errorf("limit changed without headers")
	}
}

func TestPacerBoundsInFlight(t *testing.T) {
	t.Parallel()
	p := newPacer(1000, 2)
	var inFlight, peak atomic.Int32
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			release, err := p.acquire(t.Context())
			if err != nil {
				t.Error(err)
				return
			}
			n := inFlight.Add(1)
			for {
				old := peak.Load()
				if n <= old || peak.CompareAndSwap(old, n) {
					break
				}
			}
			time.Sleep(5 * time.Millisecond)
			inFlight.Add(-1)
			release()
		})
	}
	wg.Wait()
	if peak.Load() != 2 {
		t.Errorf("peak in flight = %d, want 2", peak.Load())
	}
}

// limitedServer answers like Crossref's polite pool: 50 ms per request, at
// most perSecond requests in any second and conc in flight, 429 beyond.
type limitedServer struct {
	perSecond, conc int
	mu              sync.Mutex
	recent          []time.Time
	inFlight        int
	tooMany         atomic.Int64
}

func (s *limitedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	now := time.Now()
	s.mu.Lock()
	kept := s.recent[:0]
	for _, t := range s.recent {
		if now.Sub(t) < time.Second {
			kept = append(kept, t)
		}
	}
	s.recent = kept
	over := len(s.recent) >= s.perSecond || s.inFlight >= s.conc
	if !over {
		s.recent = append(s.recent, now)
		s.inFlight++
	}
	s.mu.Unlock()
	w.Header().Set("X-Rate-Limit-Limit", fmt.Sprint(s.perSecond))
	w.Header().Set("X-Rate-Limit-Interval", "1s")
	w.Header().Set("X-Concurrency-Limit", fmt.Sprint(s.conc))
	if over {
		s.tooMany.Add(1)
		w.Header().Set("Retry-After", "1")
		http.Error(w, "rate limited", http.StatusTooManyRequests)
		return
	}
	select {
	case <-time.After(50 * time.Millisecond):
	case <-r.Context().Done():
	}
	writeList(w, nil)
	s.mu.Lock()
	s.inFlight--
	s.mu.Unlock()
}

// BenchmarkCrossrefPacing checks 20 identifier-less entries against a
// server enforcing 10 requests/s and 3 in flight. It reports the wall time
// relative to the bound the rate limit imposes ((n-1)/10 s) and the 429s
// received; a polite client stays near 1.0 with no 429.
func BenchmarkCrossrefPacing(b *testing.B) {
	const n = 20
	srv := &limitedServer{perSecond: 10, conc: 3}
	ts := httptest.NewServer(srv)
	b.Cleanup(ts.Close)
	refs := make([]lint.Reference, n)
	for i := range refs {
		refs[i] = lint.Reference{Number: i + 1, Text: fmt.Sprintf("Author %d. Some title number %d about things. J Test. 2020;%d:1-2.", i, i, i),
			Fields: lint.Fields{Title: fmt.Sprintf("Some title number %d about things", i), Year: 2020}}
	}
	bound := time.Duration(n-1) * time.Second / 10
	var total time.Duration
	for b.Loop() {
		c := New(Options{CrossrefURL: ts.URL, Mailto: "bench@example.org", NoCache: true, Crossref: true})
		start := time.Now()
		got, _ := c.Check(b.Context(), refs)
		total += time.Since(start)
		for _, l := range got {
			if l.Status != lint.LookupNotFound {
				b.Fatalf("got %+v", l)
			}
		}
	}
	b.ReportMetric(float64(total)/float64(b.N)/float64(bound), "x-rate-bound")
	b.ReportMetric(float64(srv.tooMany.Load())/float64(b.N), "429s/op")
}
