package lint

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseEntry(t *testing.T) {
	tests := []struct {
		text string
		want Fields
	}{
		{"Sports Med. 2017 Dec;47(12):2521-2532. The Effects of Resistance Exercise Training on Anxiety.",
			Fields{Title: "The Effects of Resistance Exercise Training on Anxiety", Container: "Sports Med", Year: 2017, Volume: "47", Issue: "12", Pages: "2521-2532"}},
		{"International Journal of Sport Psychology 43(1), Jan 2012. The Effect of a Strength Training Program.",
			Fields{Title: "The Effect of a Strength Training Program", Container: "International Journal of Sport Psychology", Year: 2012, Volume: "43", Issue: "1"}},
		{"Sports 2025, 13(7), 221. Single-Bout Strength.",
			Fields{Title: "Single-Bout Strength", Container: "Sports", Year: 2025, Volume: "13", Issue: "7", Pages: "221"}},
		{"Front. Psychol., 28 July 2025. The effects of physical exercise on cognitive function.",
			Fields{Title: "The effects of physical exercise on cognitive function", Container: "Front. Psychol", Year: 2025}},
		{"Endocrinology of Physical Activity and Sport, pages 405–415. Physical Activity and Mood.",
			Fields{Title: "Physical Activity and Mood", Container: "Endocrinology of Physical Activity and Sport", Pages: "405–415"}},
		{"Smith, A. B., & Jones, C. (2019). Sleep and memory. Journal of Sleep, 12(3), 45–67. https://doi.org/10.1234/jos.2019.003.",
			Fields{Authors: []string{"Smith", "Jones"}, Title: "Sleep and memory", Container: "Journal of Sleep", Year: 2019, Volume: "12", Issue: "3", Pages: "45–67", DOI: "10.1234/jos.2019.003"}},
		{"Smith J, Doe AB, et al. Protein and strength. J Appl Physiol. 2019;126(4):1005-12. doi:10.1152/japplphysiol.00123.2018",
			Fields{Authors: []string{"Smith", "Doe"}, Title: "Protein and strength", Container: "J Appl Physiol", Year: 2019, Volume: "126", Issue: "4", Pages: "1005-12", DOI: "10.1152/japplphysiol.00123.2018"}},
		{"Müller, H. (2018). Die Altsteinzeit. Stuttgart: Theiss, S. 45–67.",
			Fields{Authors: []string{"Müller"}, Title: "Die Altsteinzeit", Container: "Stuttgart: Theiss", Year: 2018, Pages: "45–67"}},
		{"Brown T. Running economy. London: Sage; 2015. p. 112.",
			Fields{Authors: []string{"Brown"}, Title: "Running economy", Container: "London: Sage", Year: 2015, Pages: "112"}},
		{"Lancet. 1998;351(9103):637-41. DOI: 10.1016/S0140-6736(97)11096-0). PMID: 9500320. PMC1234567",
			Fields{Title: "", Container: "Lancet", Year: 1998, Volume: "351", Issue: "9103", Pages: "637-41", DOI: "10.1016/s0140-6736(97)11096-0", PMID: "9500320", PMCID: "PMC1234567"}},
		{"Nutrients 2020, 12(3), 877; dx.doi.org/10.3390/nu12030877",
			Fields{Container: "Nutrients", Year: 2020, Volume: "12", Issue: "3", Pages: "877", DOI: "10.3390/nu12030877"}},
		{"Recovery HQ: The Phoenix.", Fields{Title: "Recovery HQ: The Phoenix"}},
		{"Journal of Workplace Learning, Vol. 31, Iss: 3, pp 194-206. The role of a new intervention.",
			Fields{Title: "The role of a new intervention", Container: "Journal of Workplace Learning", Volume: "31", Issue: "3", Pages: "194-206"}},
		{`Smith, Jane. "Sleep and Memory in Teenagers." Journal of Sleep Research, vol. 12, no. 3, 2019, pp. 45–67.`,
			Fields{Authors: []string{"Smith"}, Title: "Sleep and Memory in Teenagers", Container: "Journal of Sleep Research", Year: 2019, Volume: "12", Issue: "3", Pages: "45–67"}},
		{"Ding, M.; Bhupathiraju, S. N.; Satija, A.: Long-term coffee consumption and risk of cardiovascular disease. In: Circulation 129 (2014), Nr. 6, S. 643–659.",
			Fields{Authors: []string{"Ding", "Bhupathiraju", "Satija"}, Title: "Long-term coffee consumption and risk of cardiovascular disease", Container: "Circulation", Year: 2014, Volume: "129", Issue: "6", Pages: "643–659"}},
		{"Smith, J. and Jones, K. (2019) 'Women's sleep and shift work', Journal of Sleep Research, 12(3), pp. 45-67.",
			Fields{Authors: []string{"Smith", "Jones"}, Title: "Women's sleep and shift work", Container: "Journal of Sleep Research", Year: 2019, Volume: "12", Issue: "3", Pages: "45-67"}},
		{"Archives of Internal Medicine, 167(16), 1730–1737. A meta-analysis.",
			Fields{Title: "A meta-analysis", Container: "Archives of Internal Medicine", Volume: "167", Issue: "16", Pages: "1730–1737"}},
	}
	for _, tt := range tests {
		got := parseEntry(tt.text).fields
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestMalformedIdentifiers(t *testing.T) {
	for text, want := range map[string]int{
		"X. 2019;1:2. doi:10.12/abc":                                         1,
		"X. 2019;1:2. PMID: 12a45":                                           1,
		"X. 2019;1:2. htps://example.org/x":                                  1,
		"X. 2019;1:2. https://localhost/x":                                   1,
		"X. 2019;1:2. doi:10.1000/xyz123. PMID: 123. https://example.org/a.": 0,
	} {
		if got := len(parseEntry(text).malformed); got != want {
			t.Errorf("%q: %d malformed identifiers, want %d (%v)", text, got, want, parseEntry(text).malformed)
		}
	}
}

func TestContainsFold(t *testing.T) {
	for _, tt := range []struct {
		s, needle string
		want      bool
	}{
		{"Vol. 12", "vol", true}, {"VOLUME", "vol", true}, {"evolve", "vol", true}, {"vo", "vol", false},
		{"", "vol", false}, {"abc", "", true}, {"p. 12", "p.", true}, {"PMID: 1", "pmid", true}, {"xPmId", "pmid", true},
		{"Ppp", "pp", true}, {"Pa", "pp", false},
	} {
		if got := containsFold(tt.s, tt.needle); got != tt.want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", tt.s, tt.needle, got, tt.want)
		}
	}
}
