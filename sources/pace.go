package sources

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// pacer keeps one source within its published limits: a request rate
// (token bucket) and a number of requests in flight (an adjustable
// semaphore). Both can change while a run is going on, because Crossref
// advertises its current limits in every response.
type pacer struct {
	lim *rate.Limiter

	mu       sync.Mutex
	inFlight int
	maxSlots int
	// freed is closed and replaced whenever a slot is released or the
	// limit changes, waking every waiter so that it can try again.
	freed chan struct{}
}

// rateMargin keeps the pace a little under the advertised limit: request
// arrival times jitter, and a server counting per sliding second would
// otherwise now and then see one request too many.
const rateMargin = 0.9

func newPacer(perSecond float64, slots int) *pacer {
	// Burst 1 spreads requests evenly: a server that counts requests per
	// sliding second then never sees a burst above the advertised rate.
	return &pacer{
		lim:      rate.NewLimiter(rate.Limit(perSecond*rateMargin), 1),
		maxSlots: max(slots, 1),
		freed:    make(chan struct{}),
	}
}

// acquire waits for a free slot and then for a token. The returned
// function gives the slot back; call it once the response body is done.
func (p *pacer) acquire(ctx context.Context) (release func(), err error) {
	for {
		p.mu.Lock()
		if p.inFlight < p.maxSlots {
			p.inFlight++
			p.mu.Unlock()
			break
		}
		freed := p.freed
		p.mu.Unlock()
		select {
		case <-freed:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	var once sync.Once
	release = func() { once.Do(p.release) }
	if err := p.lim.Wait(ctx); err != nil {
		release()
		return nil, err
	}
	return release, nil
}

func (p *pacer) release() {
	p.mu.Lock()
	p.inFlight--
	p.wakeLocked()
	p.mu.Unlock()
}

func (p *pacer) wakeLocked() {
	close(p.freed)
	p.freed = make(chan struct{})
}

// Bounds on what a server may ask of us through headers: a buggy or
// hostile header must neither stall the run nor unleash a flood.
const (
	minAdvertisedRate = 0.5
	maxAdvertisedRate = 50
	maxAdvertisedConc = 5
)

// adapt follows Crossref's x-rate-limit-limit / x-rate-limit-interval and
// x-concurrency-limit headers (apis.md §1.4). Missing or malformed headers
// leave the current limits alone.
func (p *pacer) adapt(h http.Header) {
	if n, err := strconv.Atoi(strings.TrimSpace(h.Get("X-Rate-Limit-Limit"))); err == nil && n > 0 {
		interval := time.Second
		if d, err := time.ParseDuration(strings.TrimSpace(h.Get("X-Rate-Limit-Interval"))); err == nil && d > 0 {
			interval = d
		}
		r := float64(n) / interval.Seconds()
		r = min(max(r, minAdvertisedRate), maxAdvertisedRate) * rateMargin
		if rate.Limit(r) != p.lim.Limit() {
			p.lim.SetLimit(rate.Limit(r))
		}
	}
	if n, err := strconv.Atoi(strings.TrimSpace(h.Get("X-Concurrency-Limit"))); err == nil && n > 0 {
		n = min(n, maxAdvertisedConc)
		p.mu.Lock()
		if n != p.maxSlots {
			p.maxSlots = n
			p.wakeLocked()
		}
		p.mu.Unlock()
	}
}
