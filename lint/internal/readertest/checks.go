package readertest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/reflint/reflint/lint"
)

// Diff reports, as what, any difference between want and got.
func Diff(t *testing.T, what string, want, got any) {
	t.Helper()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", what, diff)
	}
}

// Markers parses src and checks its marker numbers and the source text of
// its marker groups (see [GroupTexts]). It returns the document.
func (r Reader) Markers(t *testing.T, src []byte, markers []int, groups []string) *lint.Document {
	t.Helper()
	d := r.parse(r.name("t"), src)
	Diff(t, "markers", markers, MarkerNumbers(d))
	Diff(t, "marker text", groups, GroupTexts(src, d))
	return d
}

// Blocks parses src and checks its blocks (see [Blocks]). It returns the
// document.
func (r Reader) Blocks(t *testing.T, src string, want ...string) *lint.Document {
	t.Helper()
	d := r.parse(r.name("t"), []byte(src))
	Diff(t, "blocks", want, Blocks(src, d))
	return d
}

// Fixture reads the named file of Fixtures and checks its marker and entry
// numbers and that no rule in forbidden finds anything in it. It returns
// the document.
func (r Reader) Fixture(t *testing.T, file string, markers, entries []int, forbidden ...string) *lint.Document {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(r.Fixtures, file))
	if err != nil {
		t.Fatal(err)
	}
	d := r.parse(file, src)
	Diff(t, "markers", markers, MarkerNumbers(d))
	Diff(t, "entries", entries, EntryNumbers(d))
	NoFindings(t, d, forbidden...)
	return d
}

// NumberTexts returns the source text of each entry's number span.
func NumberTexts(src []byte, d *lint.Document) []string {
	var nums []string
	for _, e := range d.References {
		nums = append(nums, string(src[e.NumberSpan.Start:e.NumberSpan.End]))
	}
	return nums
}
