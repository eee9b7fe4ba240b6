package lint

// Span is a half-open range of byte offsets [Start, End) into a document's
// source.
type Span struct {
	Start int `json:"-"`
	End   int `json:"-"`
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether offset lies inside the span.
func (s Span) Contains(offset int) bool { return offset >= s.Start && offset < s.End }
