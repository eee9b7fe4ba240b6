package fix

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// genArticle builds a random article from a small grammar: a title,
// paragraphs of sentences that end in marker groups (flattened, bracketed
// or superscript, with ranges and repeats), and a reference list with the
// defects a fix repairs (entries out of citation order, gaps, duplicates
// copied from earlier entries) and some it must leave alone (uncited
// entries, markers citing a missing entry, a number printed twice).
func genArticle(seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	n := 1 + rng.IntN(14)
	base := 1
	if rng.IntN(5) == 0 {
		base = 1 + rng.IntN(30)
	}
	// Printed numbers: consecutive, with the odd gap or repeat.
	numbers := make([]int, n)
	next := base
	for i := range numbers {
		switch r := rng.IntN(40); {
		case r < 4:
			next++ // gap
		case r == 4 && i > 0:
			next-- // repeat
		}
		numbers[i] = next
		next++
	}
	// Works: distinct, with the odd duplicate of an earlier entry.
	works := make([]string, n)
	for i := range works {
		if i > 0 && rng.IntN(6) == 0 {
			works[i] = works[rng.IntN(i)]
			if rng.IntN(2) == 0 {
				works[i] = strings.ToUpper(works[i][:1]) + strings.ToLower(works[i][1:])
			}
			continue
		}
		works[i] = genEntry(rng, i)
	}
	style := rng.IntN(3)
	perm := rng.Perm(n)
	if rng.IntN(3) == 0 {
		perm = nil // cite in list order
		for i := range n {
			perm = append(perm, i)
		}
	}
	var b strings.Builder
	b.WriteString("How Sleep Shapes Memory\n\n")
	cited := 0
	for p := 0; p < 2+rng.IntN(4); p++ {
		for s := 0; s < 1+rng.IntN(4); s++ {
			b.WriteString(sentences[rng.IntN(len(sentences))])
			var group []int
			for k := 0; k < 1+rng.IntN(3); k++ {
				switch {
				case cited < n && rng.IntN(4) != 0:
					group = append(group, numbers[perm[cited]])
					cited++
				case rng.IntN(8) == 0:
					group = append(group, base+n+1+rng.IntN(3)) // a missing entry
				default:
					group = append(group, numbers[rng.IntN(n)])
				}
			}
			b.WriteString(renderGroup(rng, style, group))
			b.WriteString(" ")
		}
		b.WriteString("\n\n")
	}
	for cited < n && rng.IntN(4) != 0 { // most entries get cited
		b.WriteString(sentences[rng.IntN(len(sentences))] + renderGroup(rng, style, []int{numbers[perm[cited]]}) + "\n\n")
		cited++
	}
	b.WriteString([]string{"References\n\n", "Sources:\n", "Literatur\n\n"}[rng.IntN(3)])
	for i, w := range works {
		switch rng.IntN(3) {
		case 0:
			fmt.Fprintf(&b, "%d. %s\n", numbers[i], w)
		case 1:
			fmt.Fprintf(&b, "  %d. %s\n", numbers[i], w)
		default:
			fmt.Fprintf(&b, "[%d] %s\n", numbers[i], w)
		}
	}
	if rng.IntN(2) == 0 {
		b.WriteString("\nPhoto of author\nA. Writer is a sleep researcher.\n")
	}
	return []byte(b.String())
}

var sentences = []string{
	"Sleep consolidates memories of the day",
	"Slow-wave sleep replays what was learned",
	"A short nap helped students recall word pairs",
	"Sleep loss impairs attention the next morning",
	"Teenagers need more sleep than adults",
	"Shift workers remember less after night shifts",
}

var journals = []string{"Nat Neurosci", "Sleep", "J Neurosci", "Neuron", "Lancet Neurol", "Sleep Med Rev", "Curr Biol"}
var topics = []string{"memory", "hippocampus", "spindles", "learning", "adolescents", "naps", "recall", "deprivation", "dreams", "replay"}

func genEntry(rng *rand.Rand, i int) string {
	t1, t2 := topics[rng.IntN(len(topics))], topics[rng.IntN(len(topics))]
	year := 1990 + rng.IntN(35)
	return fmt.Sprintf("%s. %d;%d(%d):%d-%d. The role of %s in %s: study number %d. doi:10.5555/s.%d.%d",
		journals[rng.IntN(len(journals))], year, 1+rng.IntN(80), 1+rng.IntN(12), 10+i*20, 19+i*20, t1, t2, i+1, year, i+1)
}

// renderGroup writes a marker group in one of the three styles, sorted
// or not, with ranges for consecutive runs now and then.
func renderGroup(rng *rand.Rand, style int, nums []int) string {
	var parts []string
	for i := 0; i < len(nums); i++ {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		if j > i && rng.IntN(2) == 0 {
			parts = append(parts, fmt.Sprintf("%d–%d", nums[i], nums[j]))
			i = j
			continue
		}
		parts = append(parts, fmt.Sprint(nums[i]))
	}
	switch style {
	case 0:
		return "." + strings.Join(parts, []string{" ", ","}[rng.IntN(2)])
	case 1:
		return ".[" + strings.Join(parts, ", ") + "]"
	}
	return "." + toSuper(strings.Join(parts, ","))
}

// TestGeneratedArticles checks the invariants on a fixed set of generated
// articles, so that every run covers what the fuzzer explores.
func TestGeneratedArticles(t *testing.T) {
	refused, fixed := 0, 0
	for seed := range uint64(400) {
		src := genArticle(seed)
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			out, err := checkFix(t, "gen.txt", src)
			switch {
			case err != nil && strings.Contains(err.Error(), "would read differently"):
				t.Errorf("the fix failed its own check: %v\n%s", err, src)
			case err != nil:
				refused++
			case string(out) != string(src):
				fixed++
			}
		})
	}
	t.Logf("%d fixed, %d refused", fixed, refused)
	if fixed < 100 {
		t.Errorf("only %d of the generated articles were fixed", fixed)
	}
}

// FuzzGenerated explores generated articles.
func FuzzGenerated(f *testing.F) {
	for seed := range uint64(20) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed uint64) {
		_, _ = checkFix(t, "gen.txt", genArticle(seed))
	})
}

// FuzzFix mutates the test articles and generated ones: Plan must never
// panic, and whatever it plans must keep the invariants.
func FuzzFix(f *testing.F) {
	paths, _ := filepath.Glob("../../testdata/articles/*.txt")
	paths = append(paths, "testdata/exercise-cognition.txt")
	for _, p := range paths {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	for seed := range uint64(10) {
		f.Add(genArticle(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		_, _ = checkFix(t, "fuzz.txt", src)
	})
}
