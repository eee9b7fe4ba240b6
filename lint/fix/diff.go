package fix

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// The diff is a small Myers line diff rather than a library: the maintained
// Go diff packages either have no unified output (sergi/go-diff works on
// characters, for diff-match-patch) or are archived (pmezard/go-difflib),
// and the standard library's own diff is internal. A fix changes few lines,
// so the O((N+M)·D) algorithm is more than fast enough.

// contextLines is the number of unchanged lines shown around a change, as
// in diff -u.
const contextLines = 3

// maxEditDistance bounds the Myers search, whose trace grows with the
// square of the number of changed lines; past it the changed middle of the
// files is shown as one replacement.
const maxEditDistance = 4000

// UnifiedDiff returns the unified diff (diff -u, three lines of context)
// that turns before into after, with name on both file header lines; ""
// when the two are equal. A last line without a line break is marked
// "\ No newline at end of file", so patch(1) reproduces after exactly.
func UnifiedDiff(name string, before, after []byte) string {
	if bytes.Equal(before, after) {
		return ""
	}
	a, b := splitLines(before), splitLines(after)
	ops := diffLines(a, b)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", name, name)
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk runs from contextLines before this change to
		// contextLines after the last change that is at most
		// 2·contextLines unchanged lines away from the previous one.
		start := max(0, i-contextLines)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j + 1
				continue
			}
			if j-end >= 2*contextLines {
				break
			}
		}
		stop := min(len(ops), end+contextLines)
		writeHunk(&out, ops[start:stop], a, b)
		i = stop
	}
	return out.String()
}

// op is one line of the diff: ' ' kept, '-' removed from a, '+' added
// from b; ai and bi are the line's index in a and b (for '+' ai is the
// index of the next line of a, and for '-' bi that of b).
type op struct {
	kind   byte
	ai, bi int
}

func writeHunk(out *strings.Builder, ops []op, a, b []string) {
	aStart, bStart := ops[0].ai, ops[0].bi
	aLen, bLen := 0, 0
	for _, o := range ops {
		if o.kind != '+' {
			aLen++
		}
		if o.kind != '-' {
			bLen++
		}
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", hunkRange(aStart, aLen), hunkRange(bStart, bLen))
	for _, o := range ops {
		line := ""
		switch o.kind {
		case '+':
			line = b[o.bi]
		default:
			line = a[o.ai]
		}
		out.WriteByte(o.kind)
		out.WriteString(line)
		if !strings.HasSuffix(line, "\n") {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange prints a hunk's line range as diff -u does: "3,4", "3" for a
// single line, "2,0" (the line before) for an empty one.
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// splitLines splits after every "\n"; each line keeps its terminator, so
// CRLF files and a missing final line break compare exactly.
func splitLines(s []byte) []string {
	var out []string
	for len(s) > 0 {
		i := bytes.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, string(s))
			break
		}
		out = append(out, string(s[:i+1]))
		s = s[i+1:]
	}
	return out
}

// diffLines returns a shortest edit script from a to b: the common
// prefix and suffix are trimmed first, the middle goes through Myers.
func diffLines(a, b []string) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []op
	for i := range pre {
		ops = append(ops, op{' ', i, i})
	}
	for _, o := range myers(a[pre:len(a)-suf], b[pre:len(b)-suf]) {
		ops = append(ops, op{o.kind, o.ai + pre, o.bi + pre})
	}
	for i := range suf {
		ops = append(ops, op{' ', len(a) - suf + i, len(b) - suf + i})
	}
	return ops
}

// myers is the greedy O((N+M)·D) algorithm of Myers (1986), "An O(ND)
// difference algorithm and its variations", with the trace kept for the
// path back.
func myers(a, b []string) []op {
	n, m := len(a), len(b)
	limit := min(n+m, maxEditDistance)
	off := limit + 1
	v := make([]int, 2*limit+3)
	var trace [][]int
	found := false
	for d := 0; d <= limit && !found; d++ {
		trace = append(trace, append([]int(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				found = true
				break
			}
		}
	}
	if !found {
		return replaceAll(n, m)
	}
	// Walk back from (n, m) through the saved rounds.
	var rev []op
	x, y := n, m
	for d, vd := range slices.Backward(trace) { // vd: v before round d, indexed from -d-1
		at := func(k int) int { return vd[k+d+1] }
		k := x - y
		var prevK int
		if k == -d || k != d && at(k-1) < at(k+1) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := 0
		if d > 0 {
			prevX = at(prevK)
		}
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x--
			y--
			rev = append(rev, op{' ', x, y})
		}
		if d == 0 {
			break
		}
		if x == prevX {
			rev = append(rev, op{'+', x, y - 1})
		} else {
			rev = append(rev, op{'-', x - 1, y})
		}
		x, y = prevX, prevY
	}
	ops := make([]op, len(rev))
	for i, o := range rev {
		ops[len(rev)-1-i] = o
	}
	return ops
}

// replaceAll is the edit script that removes all of a and adds all of b.
func replaceAll(n, m int) []op {
	ops := make([]op, 0, n+m)
	for i := range n {
		ops = append(ops, op{'-', i, 0})
	}
	for j := range m {
		ops = append(ops, op{'+', n, j})
	}
	return ops
}
