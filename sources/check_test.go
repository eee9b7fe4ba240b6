package sources

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/reflint/reflint/lint"
)

func TestDOILookup(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	c := New(f.options(t))
	got, st := c.Check(t.Context(), []lint.Reference{refPLoS})

	want := &lint.Lookup{
		Status:     lint.LookupVerified,
		DOI:        "10.1371/journal.pone.0033693",
		PMID:       "99900001",
		Confidence: 1,
		Agreed:     []string{"title", "author", "year", "journal", "volume", "issue", "pages"},
		Notices: []lint.Notice{{
			Type: "correction", DOI: "10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda",
			Date: "2012-05-08", Source: "publisher", Label: "Correction",
		}},
		PublicationTypes: []string{"Journal Article", "Research Support, N.I.H., Extramural"},
		Sources:          []string{"crossref", "pubmed"},
	}
	if diff := cmp.Diff(want, got[1]); diff != "" {
		t.Errorf("lookup (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Stats{Requests: 3, Verified: 1}, st); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}

	// The request itself: path under the prefix, contact details.
	r := f.requests[0]
	if r.URL.Path != "/works/10.1371/journal.pone.0033693" {
		t.Errorf("path = %q", r.URL.Path)
	}
	if got := r.URL.Query().Get("mailto"); got != "test@example.org" {
		t.Errorf("mailto = %q", got)
	}
	if got := r.Header.Get("User-Agent"); got != "reflint/test (mailto:test@example.org)" {
		t.Errorf("User-Agent = %q", got)
	}
	for _, r := range f.requests[1:] {
		if r.Form.Get("tool") != "reflint" || r.Form.Get("email") != "test@example.org" {
			t.Errorf("NCBI request without tool/email: %s", r.URL)
		}
	}
}

func TestDOIBatchAndNotice(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	opts := f.options(t)
	opts.PubMed = false
	got, _ := New(opts).Check(t.Context(), []lint.Reference{refPLoS, refNotice})

	if n := f.hits("crossref filter"); n != 1 || f.total("crossref") != 1 {
		t.Errorf("want one filter=doi batch, got %v", f.count)
	}
	if !strings.Contains(f.requests[0].URL.Query().Get("filter"), "doi:10.1371/journal.pone.0033693,doi:10.1371/journal.pone.0129989") {
		t.Errorf("filter = %q", f.requests[0].URL.Query().Get("filter"))
	}
	if got[1].Status != lint.LookupVerified || got[1].IsNotice {
		t.Errorf("ref 1 = %+v", got[1])
	}
	if got[2].Status != lint.LookupVerified || !got[2].IsNotice {
		t.Errorf("ref 2 should be a verified notice: %+v", got[2])
	}
}

func TestIdentifierMismatch(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	opts := f.options(t)
	opts.PubMed = false
	ref := refCermine
	ref.Fields.DOI = "10.1371/journal.pone.0033693" // a real DOI, another paper
	got, _ := New(opts).Check(t.Context(), []lint.Reference{ref})

	l := got[3]
	if l.Status != lint.LookupMismatch || l.Problem != problemIDMismatch {
		t.Fatalf("got %+v, want identifier-mismatch", l)
	}
	// The search then finds the work actually meant and says which DOI.
	if l.DOI != "10.1007/s10032-015-0249-8" {
		t.Errorf("DOI = %q", l.DOI)
	}
	if len(l.Diffs) == 0 || l.Diffs[0] != (lint.FieldDiff{Field: "doi", Cited: "10.1371/journal.pone.0033693", Record: "10.1007/s10032-015-0249-8"}) {
		t.Errorf("diffs = %+v", l.Diffs)
	}
}

func TestBibliographicQuery(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	opts := f.options(t)
	opts.PubMed = false
	got, _ := New(opts).Check(t.Context(), []lint.Reference{refCermine})

	want := &lint.Lookup{
		Status:     lint.LookupVerified,
		DOI:        "10.1007/s10032-015-0249-8", // not the 10.1109/das.2014.63 decoy
		Confidence: 1,
		Agreed:     []string{"title", "author", "year", "journal", "volume", "issue", "pages"},
		Sources:    []string{"crossref"},
	}
	if diff := cmp.Diff(want, got[3]); diff != "" {
		t.Errorf("lookup (-want +got):\n%s", diff)
	}
	q := f.requests[0].URL.Query()
	if q.Get("query.bibliographic") != refCermine.Text || q.Get("rows") == "" || q.Get("select") == "" {
		t.Errorf("query = %v", q)
	}
}

func TestDecoysNotPicked(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	got, _ := New(f.options(t)).Check(t.Context(), []lint.Reference{refFish})

	l := got[7]
	if l.Status != lint.LookupNotFound || l.DOI != "" {
		t.Fatalf("got %+v, want not_found", l)
	}
	want := []string{
		"crossref query.bibliographic: " + refFish.Text,
		"pubmed ecitmatch: peerj|2018|6|e5123|ali-hassan k|ref0|",
		"pubmed esearch: fish[ti] AND welfare[ti] AND indicators[ti] AND recirculating[ti] AND aquaculture[ti] AND systems[ti] AND field[ti] AND study[ti] AND hassan[au]",
	}
	if !cmp.Equal(l.Queries, want) {
		t.Errorf("queries = %q", l.Queries)
	}
}

func TestECitMatch(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	opts := f.options(t)
	opts.Crossref = false
	got, _ := New(opts).Check(t.Context(), []lint.Reference{refMann})

	l := got[4]
	if l.Status != lint.LookupVerified || l.PMID != "2014248" || l.DOI != "10.1073/pnas.88.8.3248" {
		t.Fatalf("got %+v", l)
	}
	if !cmp.Equal(l.Agreed, []string{"title", "author", "year", "journal", "volume", "issue", "pages"}) {
		t.Errorf("agreed = %v", l.Agreed)
	}
	if f.hits("pubmed ecitmatch") != 1 || f.hits("pubmed esummary") != 1 || f.hits("pubmed esearch") != 0 {
		t.Errorf("requests = %v", f.count)
	}
	bdata := f.requests[0].Form.Get("bdata")
	if bdata != "proc natl acad sci u s a|1991|88|3248|mann bj|ref0|" {
		t.Errorf("bdata = %q", bdata)
	}
}

func TestESummaryByPMID(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	opts := f.options(t)
	opts.Crossref = false
	got, _ := New(opts).Check(t.Context(), []lint.Reference{refGenBank})

	want := &lint.Lookup{
		Status:           lint.LookupVerified,
		DOI:              "10.1093/nar/gkr1202",
		PMID:             "22144687",
		Confidence:       1,
		Agreed:           []string{"title", "author", "year", "journal", "volume", "pages"},
		PublicationTypes: []string{"Journal Article"},
		Sources:          []string{"pubmed"},
	}
	if diff := cmp.Diff(want, got[5]); diff != "" {
		t.Errorf("lookup (-want +got):\n%s", diff)
	}
}

func TestPMIDOnAnotherWork(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	ref := refPLoS
	ref.Fields.PMID = "5683731" // an assistive device for smoking
	got, _ := New(f.options(t)).Check(t.Context(), []lint.Reference{ref})

	l := got[1]
	if l.Status != lint.LookupMismatch || l.Problem != problemIDMismatch {
		t.Fatalf("got %+v, want identifier-mismatch", l)
	}
	if l.DOI != "10.1371/journal.pone.0033693" || l.Diffs[0].Field != "pmid" {
		t.Errorf("got %+v", l)
	}
}

// TestRetracted uses the synthetic retracted work (testdata/README.md).
func TestRetracted(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	got, _ := New(f.options(t)).Check(t.Context(), []lint.Reference{refWakefield})

	l := got[6]
	if l.Status != lint.LookupVerified || l.DOI != "10.1016/s0140-6736(97)11096-0" || l.PMID != "9500320" {
		t.Fatalf("got %+v", l)
	}
	// The publisher's copy of the notice wins over Retraction Watch's.
	want := &lint.Notice{Type: "retraction", DOI: "10.1016/s0140-6736(10)60175-4", Date: "2010-02-06", Source: "publisher", Label: "Retraction"}
	if diff := cmp.Diff(want, l.Retraction); diff != "" {
		t.Errorf("retraction (-want +got):\n%s", diff)
	}
	if !cmp.Equal(l.PublicationTypes, []string{"Case Reports", "Journal Article", "Retracted Publication"}) {
		t.Errorf("publication types = %v", l.PublicationTypes)
	}

	// PubMed alone knows it too.
	opts := f.options(t)
	opts.Crossref = false
	got, _ = New(opts).Check(t.Context(), []lint.Reference{refWakefield})
	want = &lint.Notice{Type: "retraction", Source: "pubmed", Label: "Lancet. 2010 Feb 6;375(9713):445 (PMID 20137807)"}
	if diff := cmp.Diff(want, got[6].Retraction); diff != "" {
		t.Errorf("pubmed retraction (-want +got):\n%s", diff)
	}
}

func TestRetractedTitleOnly(t *testing.T) {
	t.Parallel()
	w := &crossrefWork{DOI: "10.1/x", Title: []string{"RETRACTED: A study"}}
	r := crossrefRecord(w)
	if r.retraction == nil || r.retraction.Type != "retraction" {
		t.Errorf("retraction = %+v", r.retraction)
	}
	if r.title() != "RETRACTED: A study" || cleanTitle(r.title()) != "A study" {
		t.Errorf("title = %q", r.title())
	}
}

// TestRequestCount: at most one Crossref request per identifier-less entry
// plus one per DOI batch, at most three for PubMed; a warm run asks
// nothing; duplicates cost nothing.
func TestRequestCount(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	opts := f.options(t)
	dup := refCermine
	dup.Number = 30
	refs := []lint.Reference{refPLoS, refNotice, refCermine, refMann, dup}

	first, st := New(opts).Check(t.Context(), refs)
	cr, pm := f.total("crossref"), f.total("pubmed")
	// Identifier-less: Cermine and Mann (its duplicate is folded).
	if cr > 2+1 {
		t.Errorf("crossref requests = %d, want <= 3 (%v)", cr, f.count)
	}
	if pm > 3 {
		t.Errorf("pubmed requests = %d, want <= 3 (%v)", pm, f.count)
	}
	if st.Requests != cr+pm || st.Verified != 5 {
		t.Errorf("stats = %+v", st)
	}
	if !cmp.Equal(first[3], first[30]) || first[3] == first[30] {
		t.Errorf("duplicates should get equal, distinct lookups")
	}

	second, st := New(opts).Check(t.Context(), refs)
	if st.Requests != 0 || f.total("crossref") != cr || f.total("pubmed") != pm {
		t.Errorf("warm run made requests: %+v", st)
	}
	if st.CacheHits == 0 {
		t.Errorf("warm run had no cache hits")
	}
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("warm run differs (-cold +warm):\n%s", diff)
	}
}

func TestNoUsableFields(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	ref := lint.Reference{Number: 9, Text: "Smith J. 2020.", Fields: lint.Fields{Authors: []string{"Smith J"}, Year: 2020}}
	web := lint.Reference{Number: 10, Text: "WHO. Physical activity fact sheet. https://www.who.int/x", Kind: lint.KindWebPage,
		Fields: lint.Fields{Title: "Physical activity fact sheet", URL: "https://www.who.int/x"}}
	got, st := New(f.options(t)).Check(t.Context(), []lint.Reference{ref, web})
	for _, n := range []int{9, 10} {
		if got[n].Status != lint.LookupInconclusive || got[n].Reason != reasonNoFields {
			t.Errorf("ref %d = %+v", n, got[n])
		}
	}
	if st.Requests != 0 {
		t.Errorf("requests = %d", st.Requests)
	}
}

func TestAPIKeyNeverShown(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	opts := f.options(t)
	opts.NCBIKey = "s3cr3t-key"
	var log strings.Builder
	opts.Verbose = &log
	f.setIntercept(func(w http.ResponseWriter, r *http.Request) bool {
		if strings.Contains(r.URL.Path, "esummary") {
			http.Error(w, "boom", http.StatusServiceUnavailable)
			return true
		}
		return false
	})
	c := New(opts)
	c.Check(t.Context(), []lint.Reference{refGenBank})
	c.Check(t.Context(), []lint.Reference{refGenBank}) // errors are never cached

	if strings.Contains(log.String(), "s3cr3t") {
		t.Errorf("key in verbose output:\n%s", log.String())
	}
	if !strings.Contains(log.String(), "pubmed GET ") || !strings.Contains(log.String(), " 503 ") {
		t.Errorf("verbose output lacks request lines:\n%s", log.String())
	}
	if f.requests[0].Form.Get("api_key") != "s3cr3t-key" {
		t.Errorf("key not sent to NCBI")
	}
	err := (&service{secret: "s3cr3t-key"}).redact("GET https://x/?api_key=s3cr3t-key failed")
	if strings.Contains(err, "s3cr3t") {
		t.Errorf("redact kept the key: %s", err)
	}
}
