package sources

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"time"
)

// How long answers stay fresh. A record rarely changes, but a miss may be
// a work registered yesterday, so misses are retried sooner.
const (
	hitTTL  = 30 * 24 * time.Hour
	missTTL = 24 * time.Hour
)

// cacheVersion is bumped when the stored shapes change; older files then
// read as absent rather than as garbage.
const cacheVersion = 1

// cache stores parsed answers on disk, one JSON file per logical key
// ("crossref work <doi>", "pubmed summary <pmid>", ...). Keys are built from
// identifiers and query text only, never from URLs, so an API key cannot
// end up in a file name. Only answers are stored: a 429, a 5xx or garbage
// never reaches put.
type cache struct {
	dir string // "" disables the cache
	now func() time.Time
}

type cacheEntry struct {
	Version int             `json:"v"`
	Key     string          `json:"key"`
	Fetched time.Time       `json:"fetched"`
	Found   bool            `json:"found"`
	Data    json.RawMessage `json:"data,omitempty"`
}

func (c *cache) path(key string) string {
	sum := sha256.Sum256([]byte(key))
	h := hex.EncodeToString(sum[:])
	// Two-level sharding keeps directories small on big runs.
	return filepath.Join(c.dir, h[:2], h[2:]+".json")
}

// get reports whether a fresh entry exists for key (ok) and whether it
// records a hit (found); on a hit it decodes the stored data into v. A
// corrupt or foreign file reads as absent and is replaced by the next put.
func (c *cache) get(key string, v any) (found, ok bool) {
	if c.dir == "" {
		return false, false
	}
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return false, false
	}
	var e cacheEntry
	if json.Unmarshal(data, &e) != nil || e.Version != cacheVersion || e.Key != key {
		return false, false
	}
	ttl := missTTL
	if e.Found {
		ttl = hitTTL
	}
	if age := c.now().Sub(e.Fetched); age < 0 || age > ttl {
		return false, false
	}
	if e.Found && v != nil && json.Unmarshal(e.Data, v) != nil {
		return false, false
	}
	return e.Found, true
}

// put stores an answer: found with its data, or a miss (v nil). Failures
// are ignored on purpose: a cache that cannot be written costs requests,
// not correctness.
func (c *cache) put(key string, found bool, v any) {
	if c.dir == "" {
		return
	}
	e := cacheEntry{Version: cacheVersion, Key: key, Fetched: c.now().UTC(), Found: found}
	if found && v != nil {
		data, err := json.Marshal(v)
		if err != nil {
			return
		}
		e.Data = data
	}
	data, err := json.Marshal(e)
	if err != nil {
		return
	}
	_ = writeAtomic(c.path(key), data)
}

// writeAtomic writes through a temporary file in the same directory and
// renames it into place, so that a concurrent reader (another reflint
// process sharing the cache) sees the old file or the new one, never half.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr != nil || cerr != nil {
		_ = os.Remove(tmp)
		if werr != nil {
			return werr
		}
		return cerr
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return nil
}
