package htmldoc

import "testing"

// TestCrossFormat reads the HTML version of test articles and expects
// exactly what the plain-text version gives.
func TestCrossFormat(t *testing.T) {
	t.Parallel()
	suite.CrossFormat(t, "caffeine-performance", "teen-sleep", "vitamin-d-winter")
}
