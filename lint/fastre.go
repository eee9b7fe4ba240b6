package lint

import (
	"regexp"
	"strings"
)

// fastRe is a regular expression guarded by literal needles, one of which
// must occur for a match, so that most patterns are never run on most
// entries. A folding pattern is written in lower case and matched against
// the ASCII-lower-cased text: byte offsets stay the same, and Go's (?i)
// matching is several times slower.
type fastRe struct {
	re      *regexp.Regexp
	fold    bool
	needles []string
	pre     func(string) bool // an extra cheap test, when needles are not enough
}

func fast(expr string, fold bool, needles ...string) *fastRe {
	return &fastRe{re: regexp.MustCompile(expr), fold: fold, needles: needles}
}

// subject returns the text to match and whether a match is possible. The
// needles are looked for before the text is lower-cased, so that most
// calls allocate nothing.
func (f *fastRe) subject(s string) (string, bool) {
	if f.pre != nil && !f.pre(s) {
		return "", false
	}
	found := len(f.needles) == 0
	for _, n := range f.needles {
		if f.fold && containsFold(s, n) || !f.fold && strings.Contains(s, n) {
			found = true
			break
		}
	}
	if !found {
		return "", false
	}
	if f.fold {
		s = asciiLower(s)
	}
	return s, true
}

// containsFold reports whether s contains the lower-case ASCII needle,
// ignoring the case of ASCII letters in s. It jumps between occurrences
// of the needle's first byte (in either case) with IndexByte, which is
// much faster than comparing at every position.
func containsFold(s, needle string) bool {
	if needle == "" {
		return true
	}
	lo, up := needle[0], needle[0]
	if lo >= 'a' && lo <= 'z' {
		up = lo - ('a' - 'A')
	}
	for i := 0; i+len(needle) <= len(s); i++ {
		j := strings.IndexByte(s[i:], lo)
		if k := strings.IndexByte(s[i:], up); k >= 0 && (j < 0 || k < j) {
			j = k
		}
		if j < 0 {
			return false
		}
		i += j
		if i+len(needle) > len(s) {
			return false
		}
		k := 1
		for k < len(needle) && lowerByte(s[i+k]) == needle[k] {
			k++
		}
		if k == len(needle) {
			return true
		}
	}
	return false
}

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func (f *fastRe) FindStringSubmatchIndex(s string) []int {
	if t, ok := f.subject(s); ok {
		return f.re.FindStringSubmatchIndex(t)
	}
	return nil
}

func (f *fastRe) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if t, ok := f.subject(s); ok {
		return f.re.FindAllStringSubmatchIndex(t, n)
	}
	return nil
}

func (f *fastRe) FindStringIndex(s string) []int {
	if t, ok := f.subject(s); ok {
		return f.re.FindStringIndex(t)
	}
	return nil
}

func (f *fastRe) FindAllStringIndex(s string, n int) [][]int {
	if t, ok := f.subject(s); ok {
		return f.re.FindAllStringIndex(t, n)
	}
	return nil
}

func (f *fastRe) MatchString(s string) bool {
	t, ok := f.subject(s)
	return ok && f.re.MatchString(t)
}

// asciiLower lower-cases ASCII letters only, keeping every byte offset.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
