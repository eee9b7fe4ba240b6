package lint

import (
	"os"
	"testing"
)

// BenchmarkEntries parses the entries of every test article: the cost
// per entry bounds throughput on reference-heavy articles.
func BenchmarkEntries(b *testing.B) {
	var texts []string
	for _, name := range []string{"caffeine-performance", "vitamin-d-winter", "mauer-schoeningen-de", "teen-sleep", "air-quality", "fiber-gut"} {
		src, err := os.ReadFile("../testdata/articles/" + name + ".txt")
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range ParseText(name, src, ParseOptions{}).References {
			texts = append(texts, r.Text)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			r := Reference{Text: t}
			r.Fields = parseEntry(t).fields
			classify(&r)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/entry")
}
