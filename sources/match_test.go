package sources

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/reflint/reflint/lint"
)

func TestJournalMatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cited, record string
		want          bool
	}{
		{"Sports Med.", "Sports Medicine", true},
		{"Sports Med", "Sports Medicine", true},
		{"Proc Natl Acad Sci U S A", "Proceedings of the National Academy of Sciences of the United States of America", true},
		{"N Engl J Med", "New England Journal of Medicine", true},
		{"Br J Sports Med", "British Journal of Sports Medicine", true},
		{"Med Sci Sports Exerc", "Medicine & Science in Sports & Exercise", true},
		{"J Am Coll Cardiol", "Journal of the American College of Cardiology", true},
		{"Lancet", "The Lancet", true},
		{"PLoS One", "PLOS ONE", true},
		{"Nucleic Acids Res.", "Nucleic acids research", true},
		{"Sports Med", "Sports Medicine - Open", false},
		{"J Appl Physiol", "Journal of Physiology", false},
		{"Nature", "Nature Medicine", false},
	}
	for _, tt := range tests {
		if got := journalMatch(tt.cited, []string{tt.record}); got != tt.want {
			t.Errorf("journalMatch(%q, %q) = %v, want %v", tt.cited, tt.record, got, tt.want)
		}
	}
}

func TestPagesMatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cited, record string
		want          bool
	}{
		{"2521-2532", "2521-32", true},
		{"2521–32", "2521-2532", true},
		{"D48-D53", "D48-53", true},
		{"pp. 317–335", "317-335", true},
		{"e33693", "e33693", true},
		{"103", "103-5", true},
		{"2521-2533", "2521-32", false},
		{"103-5", "104-5", false},
	}
	for _, tt := range tests {
		if got := pagesMatch(tt.cited, tt.record); got != tt.want {
			t.Errorf("pagesMatch(%q, %q) = %v, want %v", tt.cited, tt.record, got, tt.want)
		}
	}
}

func TestTitleSimilarity(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cited  string
		record []string
		agree  bool
	}{
		{"GenBank", []string{"GenBank."}, true},
		{"Fish ontology framework for taxonomy based fish recognition", []string{"Fish Ontology framework for taxonomy-based fish recognition"}, true},
		{"Methylphenidate exposure induces dopamine neurone loss", []string{"Methylphenidate Exposure Induces Dopamine Neuron Loss"}, true},
		{"CERMINE", []string{"CERMINE: automatic extraction of structured metadata from scientific literature"}, true},
		{"A <i>Drosophila</i> model", []string{"A Drosophila model"}, true},
		{"Effects of exercise on depression", []string{"Effects of exercise on anxiety"}, false},
		{"CERMINE: automatic extraction of structured metadata from scientific literature",
			[]string{"CERMINE -- Automatic Extraction of Metadata and References from Scientific Literature"}, false},
	}
	for _, tt := range tests {
		sim := titleSimilarity(tt.cited, tt.record)
		if (sim >= titleAgree) != tt.agree {
			t.Errorf("titleSimilarity(%q, %q) = %.2f, want agree=%v", tt.cited, tt.record, sim, tt.agree)
		}
	}
}

func TestAuthorMatch(t *testing.T) {
	t.Parallel()
	for _, cited := range []string{"Bécares J", "Becares, J.", "J. Becares", "BECARES J"} {
		if !authorMatch(cited, "Bécares") {
			t.Errorf("authorMatch(%q, Bécares) = false", cited)
		}
	}
	if !authorMatch("van der Berg A", "van der Berg") || authorMatch("Bergman A", "Berg") {
		t.Errorf("particles or prefixes mishandled")
	}
}

func TestAcceptCandidate(t *testing.T) {
	t.Parallel()
	entry := refCermine.Fields
	right := &record{titles: []string{"CERMINE: automatic extraction of structured metadata from scientific literature"},
		authors: []string{"Tkaczyk"}, years: []int{2015}, containers: []string{"International Journal on Document Analysis and Recognition (IJDAR)", "IJDAR"},
		volume: "18", issue: "4", pages: "317-335"}
	// Same authors, year and words, another paper: agrees on author and
	// year, but the title does not agree, so it is rejected.
	decoy := &record{titles: []string{"CERMINE -- Automatic Extraction of Metadata and References from Scientific Literature"},
		authors: []string{"Tkaczyk"}, years: []int{2014}}
	best, c := bestCandidate(entry, []*record{decoy, right})
	if best != right || len(c.diffs) != 0 {
		t.Errorf("best = %+v, diffs %+v", best, c.diffs)
	}
	if best, _ := bestCandidate(entry, []*record{decoy}); best != nil {
		t.Errorf("decoy accepted")
	}
	// Without a title, four agreeing fields including author or pages.
	noTitle := lint.Fields{Authors: []string{"Tkaczyk D"}, Container: "IJDAR", Year: 2015, Volume: "18", Pages: "317-35"}
	if best, _ := bestCandidate(noTitle, []*record{right}); best != right {
		t.Errorf("title-less entry not matched")
	}
}

func TestIdentifierVerdict(t *testing.T) {
	t.Parallel()
	rec := crossrefRecord(&crossrefWork{DOI: "10.1/x", Title: []string{"GenBank"}, Author: []crossrefAuthor{{Family: "Benson"}},
		Issued: dateParts{DateParts: [][]any{{2012.0}}}, Volume: "40"})
	tests := []struct {
		f           lint.Fields
		wantStatus  lint.LookupStatus
		wantProblem string
	}{
		{lint.Fields{Title: "GenBank", Year: 2012}, lint.LookupVerified, ""},
		{lint.Fields{Title: "GenBank", Year: 2013}, lint.LookupVerified, ""}, // ±1
		{lint.Fields{Title: "GenBank", Year: 2015}, lint.LookupMismatch, ""},
		{lint.Fields{Title: "Something else entirely", Year: 2012}, lint.LookupMismatch, problemIDMismatch},
		{lint.Fields{Authors: []string{"Smith J"}, Year: 2001}, lint.LookupMismatch, problemIDMismatch},
	}
	for _, tt := range tests {
		st, prob := identifierVerdict(compare(tt.f, rec))
		if st != tt.wantStatus || prob != tt.wantProblem {
			t.Errorf("%+v: got %s/%s, want %s/%s", tt.f, st, prob, tt.wantStatus, tt.wantProblem)
		}
	}
}

func TestParseECitMatchRecorded(t *testing.T) {
	t.Parallel()
	got, err := parseECitMatch(readTestdata(t, "pubmed/ecitmatch_response_single.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"citation_1": "2014248"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	got, err = parseECitMatch([]byte("j|2000|1|1|a|k1|NOT_FOUND;INVALID_JOURNAL\nj|2000|1|2|a|k2|AMBIGUOUS (3 citations)\n"))
	if err != nil || got["k1"] != "" || got["k2"] != "" || len(got) != 2 {
		t.Errorf("got %v, %v", got, err)
	}
	if _, err := parseECitMatch([]byte("<html><body>Error</body></html>")); err == nil {
		t.Errorf("HTML accepted as an ECitMatch answer")
	}
}
