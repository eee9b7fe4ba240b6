package lockfile

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/reflint/reflint/lint"
)

var day = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func refs() []lint.Reference {
	return []lint.Reference{
		{Number: 1, Text: "Sports Med. 2017;47(12):2521-2532. Anxiety."},
		{Number: 2, Text: "Lancet. 1998;351:637-641. Colitis."},
	}
}

func TestRoundTripAndReplay(t *testing.T) {
	path := filepath.Join(t.TempDir(), "reflint.lock.json")
	f, err := Read(path)
	if err != nil || len(f.Entries) != 0 {
		t.Fatalf("a missing lock is empty: %v %v", f, err)
	}
	f.Update(refs(), map[int]*lint.Lookup{
		1: {Status: lint.LookupVerified, DOI: "10.1007/s40279-017-0769-0"},
		2: {Status: lint.LookupVerified, DOI: "10.1016/s0140-6736(97)11096-0"},
	}, day)
	if err := f.Write(path); err != nil {
		t.Fatal(err)
	}
	g, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	// Spacing and case changes keep the entry.
	edited := refs()
	edited[0].Text = "SPORTS MED.  2017;47(12):2521-2532.   Anxiety"
	edited = append(edited, lint.Reference{Number: 3, Text: "Unknown. 2020."})
	got := g.Lookups(edited)
	if got[1].DOI != "10.1007/s40279-017-0769-0" || got[2].Status != lint.LookupVerified {
		t.Errorf("replayed verdicts wrong: %+v %+v", got[1], got[2])
	}
	if got[3].Status != lint.LookupInconclusive || got[3].Reason != "not_in_lock" {
		t.Errorf("an entry missing from the lock must be inconclusive, got %+v", got[3])
	}
}

func TestInconclusiveNeverErases(t *testing.T) {
	f := &File{Version: Version}
	f.Update(refs()[:1], map[int]*lint.Lookup{1: {Status: lint.LookupVerified, DOI: "10.1/x"}}, day)
	f.Update(refs()[:1], map[int]*lint.Lookup{1: {Status: lint.LookupInconclusive, Reason: "timeout"}}, day.Add(24*time.Hour))
	if l := f.Lookups(refs()[:1])[1]; l.Status != lint.LookupVerified {
		t.Errorf("network trouble erased a verdict: %+v", l)
	}
}

func TestDiffPutsRetractionsFirst(t *testing.T) {
	before := &File{Version: Version}
	before.Update(refs(), map[int]*lint.Lookup{
		1: {Status: lint.LookupVerified, DOI: "10.1/a"},
		2: {Status: lint.LookupVerified, DOI: "10.1/b"},
	}, day)
	after := &File{Version: Version, Entries: append([]Entry{}, before.Entries...)}
	after.Update(refs(), map[int]*lint.Lookup{
		1: {Status: lint.LookupMismatch, DOI: "10.1/a", Diffs: []lint.FieldDiff{{Field: "year", Cited: "2017", Record: "2018"}}},
		2: {Status: lint.LookupVerified, DOI: "10.1/b", Retraction: &lint.Notice{Type: "retraction", Date: "2026-10-01"}},
	}, day)
	var what []string
	for _, c := range Diff(before, after) {
		what = append(what, c.What)
	}
	if diff := cmp.Diff([]string{"newly retracted", "status verified → mismatch"}, what); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}

func TestBadLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lock.json")
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(path); err == nil {
		t.Error("a corrupt lock file must be an error")
	}
}
