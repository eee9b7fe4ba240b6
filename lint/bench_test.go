package lint

import (
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// genArticle writes a flattened-style article of about size bytes citing
// refs entries, with the traps real articles carry (decimals, dates,
// units, chemistry) between the markers.
func genArticle(size, refs int) []byte {
	var b strings.Builder
	b.WriteString("Training and Health: What the Studies Say\n\nKey Points:\n\n  • It improves sleep.\n  • It lowers stress.\n\n")
	n := 0
	for p := 0; b.Len() < size-refs*120; p++ {
		if p%6 == 0 {
			fmt.Fprintf(&b, "Section %d Of The Article\n\n", p/6+1)
		}
		c1, c2, c3 := n%refs+1, (n+1)%refs+1, (n+2)%refs+1
		n += 3
		fmt.Fprintf(&b, "A 12-week study of 87,508 adults found that 2.5 kg of load at ~70%% of 1RM lowered CO2 and vitamin D3 needs by 2025-11-03 in adults.%d "+
			"Several meta-analyses agree, in 218 studies at 7:30 each morning.%d %d That is a weight you can lift 12 times, per Fig. 2 of the report.\n\n", c1, c2, c3)
	}
	b.WriteString("References\n\n")
	for i := 1; i <= refs; i++ {
		fmt.Fprintf(&b, "  %d. Sports Med. 2017 Dec;47(12):2521-%d. The effects of resistance training number %d on anxiety: a meta-analysis.\n", i, 2532+i, i)
	}
	b.WriteString("Photo of author\n\nThe author writes about training.\n")
	return []byte(b.String())
}

// BenchmarkCorpus lints a corpus of about 10 MB of 25 KB articles with
// the structural rules (markers, list, entries); the reported MB/s is the
// single-core throughput. BenchmarkCorpusCoverage adds the claim analysis.
func BenchmarkCorpus(b *testing.B) { benchCorpus(b, structuralRules()) }

// BenchmarkCorpusCoverage is BenchmarkCorpus with every offline rule.
func BenchmarkCorpusCoverage(b *testing.B) { benchCorpus(b, All()) }

func benchCorpus(b *testing.B, rules []*Rule) {
	b.Helper()
	var corpus [][]byte
	total := 0
	for total < 10<<20 {
		a := genArticle(25<<10, 44)
		corpus = append(corpus, a)
		total += len(a)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range corpus {
			d := ParseText("a.txt", a, ParseOptions{})
			Run(d, rules)
		}
	}
}

// BenchmarkLargeFile lints one 10 MB article.
func BenchmarkLargeFile(b *testing.B) {
	a := genArticle(10<<20, 300)
	b.SetBytes(int64(len(a)))
	b.ReportAllocs()
	for b.Loop() {
		d := ParseText("a.txt", a, ParseOptions{})
		Run(d, structuralRules())
	}
}

// BenchmarkLargeFileMemory reports, for one 10 MB article, the peak heap
// in use while linting as a multiple of the input size (target: under 3)
// and what stays live afterwards. It samples the heap every millisecond,
// which slows it down: read speed from BenchmarkLargeFile.
func BenchmarkLargeFileMemory(b *testing.B) {
	a := genArticle(10<<20, 300)
	var peak atomic.Uint64
	var live uint64
	for b.Loop() {
		runtime.GC()
		var base runtime.MemStats
		runtime.ReadMemStats(&base)
		done := make(chan struct{})
		sampled := make(chan struct{})
		go func() {
			defer close(sampled)
			var m runtime.MemStats
			for {
				runtime.ReadMemStats(&m)
				if in := m.HeapInuse - min(m.HeapInuse, base.HeapInuse); in > peak.Load() {
					peak.Store(in)
				}
				select {
				case <-done:
					return
				case <-time.After(time.Millisecond):
				}
			}
		}()
		d := ParseText("a.txt", a, ParseOptions{})
		Run(d, structuralRules())
		close(done)
		<-sampled
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		live = after.HeapAlloc - min(after.HeapAlloc, base.HeapAlloc)
		runtime.KeepAlive(d)
	}
	b.ReportMetric(float64(peak.Load())/float64(len(a)), "peak-heap/input")
	b.ReportMetric(float64(live)/float64(len(a)), "live-heap/input")
}

func TestGeneratedArticle(t *testing.T) {
	d := ParseText("a.txt", genArticle(64<<10, 44), ParseOptions{})
	if len(d.References) != 44 || len(d.Markers) == 0 {
		t.Fatalf("generator broken: %d references, %d markers", len(d.References), len(d.Markers))
	}
	for _, f := range Run(d, structuralRules()) {
		if f.Rule != "reference-kind" && f.Rule != "duplicate-reference" {
			t.Errorf("unexpected finding %s: %s", f.Rule, f.Message)
		}
	}
}
