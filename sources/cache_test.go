package sources

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/reflint/reflint/lint"
)

func TestCacheTTL(t *testing.T) {
	t.Parallel()
	now := testNow
	c := &cache{dir: t.TempDir(), now: func() time.Time { return now }}
	c.put("hit", true, []string{"a"})
	c.put("miss", false, nil)

	var v []string
	if found, ok := c.get("hit", &v); !ok || !found || len(v) != 1 {
		t.Errorf("fresh hit: found=%v ok=%v v=%v", found, ok, v)
	}
	if found, ok := c.get("miss", nil); !ok || found {
		t.Errorf("fresh miss: found=%v ok=%v", found, ok)
	}

	now = testNow.Add(25 * time.Hour) // misses last a day, hits a month
	if _, ok := c.get("miss", nil); ok {
		t.Errorf("miss still fresh after 25h")
	}
	if _, ok := c.get("hit", &v); !ok {
		t.Errorf("hit expired after 25h")
	}
	now = testNow.Add(31 * 24 * time.Hour)
	if _, ok := c.get("hit", &v); ok {
		t.Errorf("hit still fresh after 31 days")
	}
}

func TestCacheKeyHasNoSecret(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	opts := f.options(t)
	opts.NCBIKey = "s3cr3t-key"
	New(opts).Check(t.Context(), []lint.Reference{refGenBank, refMann})
	err := filepath.WalkDir(opts.CacheDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if strings.Contains(path, "s3cr3t") || strings.Contains(string(data), "s3cr3t") {
			t.Errorf("key in cache file %s", path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCorruptCacheFile(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	opts := f.options(t)
	opts.PubMed = false
	key := "crossref work " + refPLoS.Fields.DOI
	path := (&cache{dir: opts.CacheDir}).path(key)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(`{"v":1,"key":"crossref work 10.13`), 0o644); err != nil {
		t.Fatal(err)
	}

	got, st := New(opts).Check(t.Context(), []lint.Reference{refPLoS})
	if got[1].Status != lint.LookupVerified || st.Requests != 1 || st.CacheHits != 0 {
		t.Fatalf("got %+v, %+v", got[1], st)
	}
	var e cacheEntry
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &e); err != nil || e.Key != key || !e.Found {
		t.Errorf("corrupt entry not replaced: %v %+v", err, e)
	}
}

// TestSharedCacheDir: two checkers (as two reflint processes would) fill
// one cache at the same time; every file stays whole and a third run asks
// nothing.
func TestSharedCacheDir(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	opts := f.options(t)
	refs := []lint.Reference{refPLoS, refNotice, refCermine, refMann, refGenBank, refWakefield}

	var wg sync.WaitGroup
	results := make([]map[int]*lint.Lookup, 2)
	for i := range results {
		wg.Go(func() { results[i], _ = New(opts).Check(t.Context(), refs) })
	}
	wg.Wait()
	for i, res := range results {
		for n, l := range res {
			if l.Status != lint.LookupVerified {
				t.Errorf("checker %d, ref %d: %+v", i, n, l)
			}
		}
	}

	err := filepath.WalkDir(opts.CacheDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasPrefix(d.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", path)
		}
		data, err := os.ReadFile(path)
		var e cacheEntry
		if err == nil && json.Unmarshal(data, &e) != nil {
			t.Errorf("torn cache file %s", path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	_, st := New(opts).Check(t.Context(), refs)
	if st.Requests != 0 {
		t.Errorf("third run made %d requests", st.Requests)
	}
}

func TestNoCache(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	opts := f.options(t)
	opts.NoCache = true
	opts.PubMed = false
	c := New(opts)
	c.Check(t.Context(), []lint.Reference{refPLoS})
	_, st := c.Check(t.Context(), []lint.Reference{refPLoS})
	if st.Requests != 1 || st.CacheHits != 0 {
		t.Errorf("stats = %+v", st)
	}
	if entries, _ := os.ReadDir(opts.CacheDir); len(entries) != 0 {
		t.Errorf("NoCache wrote %d entries", len(entries))
	}
}
