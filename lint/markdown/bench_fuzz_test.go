package markdown

import "testing"

// BenchmarkParse reads each article once per iteration (MB/s over their
// total size).
func BenchmarkParse(b *testing.B) { suite.BenchmarkParse(b) }

// BenchmarkLint parses, runs every rule and the coverage analysis: what
// one file costs the command line.
func BenchmarkLint(b *testing.B) { suite.BenchmarkLint(b) }

// BenchmarkParseLarge reads one article of about 1 MB.
func BenchmarkParseLarge(b *testing.B) { suite.BenchmarkParseLarge(b) }

// FuzzParse checks that any input parses without panicking and that every
// span lies inside the source.
func FuzzParse(f *testing.F) {
	for _, src := range suite.Seeds(f, fuzzSeeds) {
		f.Add(src)
	}
	f.Fuzz(suite.Fuzz)
}

var fuzzSeeds = []string{
	"", "[^", "[^1]", "[^1]:", "<sup>", "<sup>1", "</sup>1", "<sup>1</sup", "`", "``x`", "[1](#", "![x](", "1.\n1.",
	"# References\n\n1. a\n1. b\n", "[^a]: x\n[^a]: y\n[^a]", "<sup>[1](#a)</sup>", "> a.1\n> b.2",
	"\xEF\xBB\xBF# T\n\nx.1\n\n## References\n\n1. y 2019.",
}
