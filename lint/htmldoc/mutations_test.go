package htmldoc

import (
	"math/rand"
	"testing"

	"github.com/reflint/reflint/lint"
)

// TestMutations is a deterministic stand-in for FuzzParse: it mutates the
// corpus with markup characters, cuts and copies, and checks that parsing
// does not panic and every span stays in the source. (In this sandbox the
// fuzzing engine stalls after the seed corpus for every target, lint's own
// included.)
func TestMutations(t *testing.T) {
	t.Parallel()
	seeds := corpus(t)
	for _, s := range fuzzSeeds {
		seeds = append(seeds, []byte(s))
	}
	rng := rand.New(rand.NewSource(2))
	for range 5000 {
		src := append([]byte{}, seeds[rng.Intn(len(seeds))]...)
		for k := 0; k < 1+rng.Intn(12) && len(src) > 0; k++ {
			p := rng.Intn(len(src))
			switch rng.Intn(3) {
			case 0:
				src[p] = "<>[]()^`*#\n 1.&;/-!\"=ab"[rng.Intn(23)]
			case 1:
				src = append(src[:p], src[min(len(src), p+rng.Intn(40)):]...)
			case 2:
				q := rng.Intn(len(src))
				src = append(src[:p], append(append([]byte{}, src[q:min(len(src), q+rng.Intn(60))]...), src[p:]...)...)
			}
		}
		d := Parse("x", src, lint.ParseOptions{})
		checkSpans(t, string(src), src, d)
		lint.Run(d, lint.All())
	}
}
