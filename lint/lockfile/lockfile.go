// Package lockfile keeps the outcome of online checks in a file meant to
// be committed beside the article (reflint.lock.json), so that CI can run
// --online --offline-lock without a single request, and so that a later
// refresh can say what changed: a newly retracted paper above all.
package lockfile

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/reflint/reflint/lint"
)

// Version is the lock file format version.
const Version = 1

// File is a lock file: one entry per distinct reference text.
type File struct {
	Version int     `json:"version"`
	Entries []Entry `json:"entries"`
}

// Entry is the recorded outcome of checking one reference.
type Entry struct {
	// Key is the normalised entry text (lower case, letters and digits).
	Key string `json:"key"`
	// DOI and PMID are the identifiers chosen for the entry.
	DOI  string `json:"doi,omitempty"`
	PMID string `json:"pmid,omitempty"`
	// RecordHash is a hash of the verdict's compared fields: it changes
	// when the record, or how the entry matches it, changes.
	RecordHash string `json:"record_hash"`
	// Retracted is the retraction status when checked.
	Retracted bool `json:"retracted"`
	// Checked is the day of the check, YYYY-MM-DD.
	Checked string `json:"checked"`
	// Lookup is the verdict itself, replayed by --offline-lock.
	Lookup *lint.Lookup `json:"lookup"`
}

// Key normalises an entry's text so that spacing, case and punctuation
// changes do not orphan its lock entry.
func Key(text string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

// Read loads a lock file. A missing file is an empty lock, not an error.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return &File{Version: Version}, nil
	}
	if err != nil {
		return nil, err
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: not a reflint lock file: %w", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("%s: lock file version %d, this reflint reads version %d", path, f.Version, Version)
	}
	return &f, nil
}

// Write stores the lock atomically: a temporary file in the same folder,
// then a rename, so a reader never sees half a file.
func (f *File) Write(path string) error {
	sort.Slice(f.Entries, func(i, j int) bool { return f.Entries[i].Key < f.Entries[j].Key })
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".reflint-lock-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Lookups replays the recorded verdicts for the given entries, keyed by
// entry number. Entries the lock does not know get an inconclusive
// verdict: without a request nothing can be said of them.
func (f *File) Lookups(refs []lint.Reference) map[int]*lint.Lookup {
	byKey := f.index()
	out := make(map[int]*lint.Lookup, len(refs))
	for _, r := range refs {
		if e, ok := byKey[Key(r.Text)]; ok && e.Lookup != nil {
			l := *e.Lookup
			out[r.Number] = &l
		} else {
			out[r.Number] = &lint.Lookup{Status: lint.LookupInconclusive, Reason: "not_in_lock"}
		}
	}
	return out
}

// Update records fresh verdicts. Inconclusive verdicts never replace a
// conclusive one: network trouble must not erase what was known.
func (f *File) Update(refs []lint.Reference, lookups map[int]*lint.Lookup, now time.Time) {
	byKey := f.index()
	for _, r := range refs {
		l := lookups[r.Number]
		if l == nil {
			continue
		}
		key := Key(r.Text)
		if old, ok := byKey[key]; ok && l.Status == lint.LookupInconclusive && old.Lookup != nil && old.Lookup.Status != lint.LookupInconclusive {
			continue
		}
		byKey[key] = newEntry(key, l, now)
	}
	f.Entries = f.Entries[:0]
	for _, e := range byKey {
		f.Entries = append(f.Entries, e)
	}
	sort.Slice(f.Entries, func(i, j int) bool { return f.Entries[i].Key < f.Entries[j].Key })
}

func (f *File) index() map[string]Entry {
	m := make(map[string]Entry, len(f.Entries))
	for _, e := range f.Entries {
		m[e.Key] = e
	}
	return m
}

func newEntry(key string, l *lint.Lookup, now time.Time) Entry {
	cp := *l
	return Entry{Key: key, DOI: l.DOI, PMID: l.PMID, RecordHash: recordHash(l), Retracted: l.Retraction != nil,
		Checked: now.UTC().Format("2006-01-02"), Lookup: &cp}
}

// recordHash hashes what a verdict says of the record, leaving out what
// varies between runs without meaning (confidence, the sources asked).
func recordHash(l *lint.Lookup) string {
	stable := struct {
		Status     lint.LookupStatus
		Problem    string
		DOI, PMID  string
		Diffs      []lint.FieldDiff
		Retraction *lint.Notice
		Notices    []lint.Notice
	}{l.Status, l.Problem, l.DOI, l.PMID, l.Diffs, l.Retraction, l.Notices}
	data, _ := json.Marshal(stable)
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}

// Change is what a refresh found different for one entry.
type Change struct {
	Key string
	// What says what changed, most serious first: "newly retracted",
	// "retraction lifted", "status", "identifiers", "record".
	What   string
	Before *lint.Lookup
	After  *lint.Lookup
}

// Diff compares a lock before and after a refresh. Newly retracted
// entries come first.
func Diff(before, after *File) []Change {
	old := before.index()
	var out []Change
	for _, e := range after.Entries {
		o, ok := old[e.Key]
		if !ok {
			continue
		}
		var what string
		switch {
		case e.Retracted && !o.Retracted:
			what = "newly retracted"
		case !e.Retracted && o.Retracted:
			what = "retraction lifted"
		case o.Lookup != nil && e.Lookup != nil && o.Lookup.Status != e.Lookup.Status:
			what = "status " + string(o.Lookup.Status) + " → " + string(e.Lookup.Status)
		case o.DOI != e.DOI || o.PMID != e.PMID:
			what = "identifiers"
		case o.RecordHash != e.RecordHash:
			what = "record"
		default:
			continue
		}
		out = append(out, Change{Key: e.Key, What: what, Before: o.Lookup, After: e.Lookup})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].What == "newly retracted" && out[j].What != "newly retracted" })
	return out
}
