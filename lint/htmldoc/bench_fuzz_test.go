package htmldoc

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
	"", "<", "<sup", "<sup>", "<sup>1", "</sup>", "<p>x.<sup>1</sup>", "<ol><li>a<li>b", "<ol start=x><li value=-3>a",
	"<h2>References</h2><ol><li>a</ol>", "<table><sup>1</sup><tr>x.2</table>", "<title>x</title>y.1", "&#91;1&#93;",
	"<sup>&#x2013;</sup>", "<a href=#fn1>1</a>", "<p><b><i>x</b>.<sup>1</sup></i>", "<svg><sup>1</sup></svg>",
	"\xEF\xBB\xBF<p>a.1</p>", "<ol class=references><li id=cite_note-1>x</li></ol>", "<br/><img src=x/>",
}
