package markdown

import "testing"

// proseArticle has a cited claim and an uncited one, each holding a link
// to a web page, an emphasised word and character references.
const proseArticle = `# Coffee and focus

A 2019 trial found that caffeine *improves* reaction time in [healthy adults](https://example.org/study) and that it&rsquo;s safe for R&amp;D staff.<sup>1</sup>

A meta-analysis showed that _moderate_ doses reduce errors in [shift workers](https://example.org/shift "Shift work") and don&rsquo;t harm sleep.

## References

1. Smith J. Caffeine and reaction time. J Things. 2019;1(2):3-4.
`

// TestProseText checks that claims are read from the prose text, with
// links, emphasis and character references gone and the marker kept.
func TestProseText(t *testing.T) {
	t.Parallel()
	suite.ProseText(t, proseArticle)
}
