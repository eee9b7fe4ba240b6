package lint

import (
	"regexp"
	"strings"
)

// quotedAuthors reads the authors before a quoted title: Harvard's
// "Smith, J. and Jones, K.", Wikipedia's "Kreider RB, Kalman DS", or MLA's
// "Smith, Jane" (first author only).
func quotedAuthors(head string) []string {
	var names []string
	for _, a := range apaAuthor.FindAllStringSubmatch(head+" ", -1) {
		names = append(names, a[1])
	}
	if names != nil {
		return names
	}
	if names, _ = splitAuthors(strings.TrimRight(head, ".") + ". "); names != nil {
		return names
	}
	if a := mlaAuthor.FindStringSubmatch(head); a != nil {
		return []string{a[1]}
	}
	return nil
}

// mlaAuthor is the first author of an MLA or Chicago entry: "Smith, Jane".
var mlaAuthor = regexp.MustCompile(`^([\p{Lu}][\p{L}'’-]+), [\p{Lu}]`)

var (
	// Vancouver: "Smith J, Doe AB, et al." — surname, then 1–3 initials.
	vancouverAuthor = regexp.MustCompile(`^[\p{Lu}][\p{L}'’-]+(?:[ -][\p{Lu}][\p{L}'’-]+)*\s+[\p{Lu}]{1,3}$`)
	// APA/Harvard: "Smith, J. A." — surname, comma, initials.
	apaAuthor = regexp.MustCompile(`([\p{Lu}][\p{L}'’-]+(?:[ -][\p{Lu}][\p{L}'’-]+)*),\s*((?:[\p{Lu}]\.[\s-]*)+)`)
)

// dinAuthor is one author of a German (DIN 1505) entry: "Ding, M." or
// "Bhupathiraju, S. N."; the list ends with a colon.
var dinAuthor = regexp.MustCompile(`^([\p{Lu}][\p{L}'’-]+(?:[ -][\p{Lu}][\p{L}'’-]+)*), (?:[\p{Lu}]\.[ -]?)+$`)

// splitAuthors recognises a leading author list and returns the surnames
// and the rest of the text.
func splitAuthors(s string) ([]string, string) {
	if i := strings.Index(s, ": "); i > 0 && strings.Contains(s[:i], ", ") {
		var names []string
		for part := range strings.SplitSeq(s[:i], ";") {
			part = strings.TrimSpace(part)
			switch m := dinAuthor.FindStringSubmatch(part); {
			case m != nil:
				names = append(names, m[1])
			case part == "u. a." || part == "et al." || strings.HasSuffix(part, " u. a."):
			default:
				names = nil
			}
			if names == nil {
				break
			}
		}
		if len(names) > 0 {
			return names, s[i+2:]
		}
	}
	if i := strings.Index(s, ". "); i > 0 {
		var names []string
		for part := range strings.SplitSeq(s[:i], ",") {
			part = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(part), " Jr"), " Sr")
			switch {
			case part == "et al" || part == "et al." || part == "":
			case vancouverAuthor.MatchString(part):
				names = append(names, part[:strings.LastIndexByte(part, ' ')])
			default:
				names = nil
			}
			if names == nil {
				break
			}
		}
		if len(names) > 0 {
			return names, s[i+2:]
		}
	}
	if m := parenYear.FindStringIndex(s); m != nil && m[0] > 0 {
		head := s[:m[0]]
		var names []string
		for _, a := range apaAuthor.FindAllStringSubmatch(head, -1) {
			names = append(names, a[1])
		}
		if len(names) > 0 || strings.Contains(head, " et al") {
			return names, s[m[0]:]
		}
	}
	return nil, s
}
