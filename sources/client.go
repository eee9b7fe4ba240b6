package sources

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
)

// maxBody caps every response body. The largest legitimate answer (an
// esummary of a few hundred records) is well under 2 MB; anything bigger
// is a misbehaving server or a wrong URL.
const maxBody = 10 << 20

// Reasons of an inconclusive verdict; they are part of the report contract
// (lint.Lookup.Reason).
const (
	reasonTimeout     = "timeout"
	reasonRateLimited = "rate_limited"
	reasonSourceError = "source_error"
	reasonNoFields    = "no_usable_fields"
)

// fetchError is a request that got no usable answer. Its reason becomes the
// Lookup reason; its message is for the verbose log and never holds a key.
type fetchError struct {
	reason string
	msg    string
}

func (e *fetchError) Error() string { return e.reason + ": " + e.msg }

// errNotFound is a definitive 404: the source answered and has no record.
var errNotFound = errors.New("not found")

// reasonOf maps any error from a source to a Lookup reason.
func reasonOf(err error) string {
	if fe, ok := errors.AsType[*fetchError](err); ok {
		return fe.reason
	}
	if isTimeout(err) {
		return reasonTimeout
	}
	return reasonSourceError
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// service is one HTTP source (Crossref or NCBI): its base URL, its pacing,
// its retry policy and the secrets that must never be echoed.
type service struct {
	name   string
	base   string
	agent  string
	secret string // NCBI api_key; redacted from logs and errors
	rc     *retryablehttp.Client
	pace   *pacer
	log    *lineLog
	count  *atomic.Int64
}

// retryPolicy holds the knobs of a service's retries; tests shrink them to
// milliseconds.
type retryPolicy struct {
	waitMin, waitMax time.Duration
	retries          int
	attemptTimeout   time.Duration
}

func newService(name, base, agent, secret string, pace *pacer, rp retryPolicy, log *lineLog, count *atomic.Int64) *service {
	s := &service{
		name:   name,
		base:   strings.TrimRight(base, "/"),
		agent:  agent,
		secret: secret,
		pace:   pace,
		log:    log,
		count:  count,
	}
	tr := &pacedTransport{next: cleanhttp.DefaultPooledTransport(), svc: s, timeout: rp.attemptTimeout}
	s.rc = &retryablehttp.Client{
		// The per-attempt timeout lives in pacedTransport so that time spent
		// queueing for a rate-limit token does not count against it.
		HTTPClient:   &http.Client{Transport: tr},
		Logger:       nil, // the default logger writes to stderr on every request
		RetryWaitMin: rp.waitMin,
		RetryWaitMax: rp.waitMax,
		RetryMax:     rp.retries,
		CheckRetry:   checkRetry,
		Backoff:      backoff,
		ErrorHandler: lastResponse,
	}
	return s
}

// checkRetry is retryablehttp's default policy (transport errors, 429, 5xx
// except 501) plus one CLI rule: when the server asks us to wait longer
// than the run has left, give up now and report rate_limited instead of
// sleeping into a timeout.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	retry, perr := retryablehttp.DefaultRetryPolicy(ctx, resp, err)
	if !retry || resp == nil {
		return retry, perr
	}
	if wait, ok := retryAfter(resp); ok {
		if dl, has := ctx.Deadline(); has && time.Until(dl) < wait {
			return false, nil
		}
	}
	return true, nil
}

// backoff honours Retry-After on 429 and 503, else doubles from min to max.
func backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	if wait, ok := retryAfter(resp); ok {
		return wait
	}
	wait := minWait << min(attempt, 16)
	if wait <= 0 || wait > maxWait {
		return maxWait
	}
	return wait
}

func retryAfter(resp *http.Response) (time.Duration, bool) {
	if resp == nil || (resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable) {
		return 0, false
	}
	v := strings.TrimSpace(resp.Header.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0), true
	}
	return 0, false
}

// lastResponse hands back the final response once retries run out, so
// that the caller can tell a 429 (rate_limited) from a 503 (source_error).
// retryablehttp's default would close it and keep only an error.
func lastResponse(resp *http.Response, err error, _ int) (*http.Response, error) {
	if resp != nil {
		return resp, nil
	}
	return nil, err
}

// get sends a GET to base+path with the query q.
func (s *service) get(ctx context.Context, path string, q url.Values) ([]byte, error) {
	return s.send(ctx, http.MethodGet, path, q, nil)
}

// post sends form as an application/x-www-form-urlencoded body; NCBI wants
// that for long id lists (a GET with 2000 ids is a 414).
func (s *service) post(ctx context.Context, path string, form url.Values) ([]byte, error) {
	return s.send(ctx, http.MethodPost, path, nil, form)
}

func (s *service) send(ctx context.Context, method, path string, q, form url.Values) ([]byte, error) {
	u := s.base + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	var body any
	if form != nil {
		body = []byte(form.Encode())
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, &fetchError{reasonSourceError, s.redact(err.Error())}
	}
	req.Header.Set("User-Agent", s.agent)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := s.rc.Do(req)
	if err != nil {
		return nil, &fetchError{reasonOf(err), s.redact(unwrapURLError(err).Error())}
	}
	defer resp.Body.Close()

	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	switch {
	case err != nil:
		return nil, &fetchError{reasonOf(err), s.redact(unwrapURLError(err).Error())}
	case len(data) > maxBody:
		return nil, &fetchError{reasonSourceError, fmt.Sprintf("body larger than %d bytes", maxBody)}
	}
	switch resp.StatusCode {
	case http.StatusOK:
		return data, nil
	case http.StatusNotFound:
		return data, errNotFound
	case http.StatusTooManyRequests:
		return nil, &fetchError{reasonRateLimited, resp.Status}
	default:
		return nil, &fetchError{reasonSourceError, resp.Status}
	}
}

// unwrapURLError drops the *url.Error wrapper, whose message repeats the
// request URL (and with it any api_key).
func unwrapURLError(err error) error {
	if ue, ok := errors.AsType[*url.Error](err); ok {
		return ue.Err
	}
	return err
}

func (s *service) redact(msg string) string {
	if s.secret == "" {
		return msg
	}
	return strings.ReplaceAll(msg, s.secret, "REDACTED")
}

// logURL is the request URL as it may be shown: without api_key.
func logURL(u *url.URL) string {
	c := *u
	q := c.Query()
	if q.Has("api_key") {
		q.Del("api_key")
		c.RawQuery = q.Encode()
	}
	return c.String()
}

// pacedTransport is the http.RoundTripper under retryablehttp: every
// attempt (retries included) waits for its source's pacer, runs under the
// per-attempt timeout, teaches the pacer the advertised limits and writes
// one verbose line.
type pacedTransport struct {
	next    http.RoundTripper
	svc     *service
	timeout time.Duration
}

func (t *pacedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	release, err := t.svc.pace.acquire(req.Context())
	if err != nil {
		return nil, err
	}
	ctx, cancel := req.Context(), context.CancelFunc(func() {})
	if t.timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, t.timeout)
	}
	t.svc.count.Add(1)
	start := time.Now()
	resp, err := t.next.RoundTrip(req.WithContext(ctx))
	ms := time.Since(start).Milliseconds()
	if err != nil {
		cancel()
		release()
		t.svc.log.printf("%s %s %s error %dms (%s)", t.svc.name, req.Method, logURL(req.URL), ms, t.svc.redact(err.Error()))
		return nil, err
	}
	t.svc.pace.adapt(resp.Header)
	t.svc.log.printf("%s %s %s %d %dms", t.svc.name, req.Method, logURL(req.URL), resp.StatusCode, ms)
	// The slot and the timeout stay held until the body is closed: a
	// response still streaming is still a request in flight.
	resp.Body = &doneBody{ReadCloser: resp.Body, done: func() { cancel(); release() }}
	return resp, nil
}

// doneBody runs done once, when the body is closed.
type doneBody struct {
	io.ReadCloser
	once sync.Once
	done func()
}

func (b *doneBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.done)
	return err
}

// lineLog writes whole lines to the Verbose writer; requests run
// concurrently, so writes are serialised.
type lineLog struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lineLog) printf(format string, args ...any) {
	if l == nil || l.w == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.w, "reflint: "+format+"\n", args...)
}
