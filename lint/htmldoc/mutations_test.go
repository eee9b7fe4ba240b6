package htmldoc

import "testing"

// TestMutations is a deterministic stand-in for FuzzParse: it mutates the
// corpus with markup characters, cuts and copies, and checks that parsing
// does not panic and every span stays in the source. (In this sandbox the
// fuzzing engine stalls after the seed corpus for every target, lint's own
// included.)
func TestMutations(t *testing.T) {
	t.Parallel()
	suite.Mutations(t, suite.Seeds(t, fuzzSeeds))
}
