package htmldoc

import "testing"

// proseArticle has a cited claim and an uncited one, each holding a link
// to a web page, an emphasised word and character references.
const proseArticle = `<!DOCTYPE html>
<html><body>
<h1>Coffee and focus</h1>
<p>A 2019 trial found that caffeine <em>improves</em> reaction time in <a href="https://example.org/study">healthy adults</a> and that it&rsquo;s safe for R&amp;D staff.<sup id="cite_ref-1"><a href="#cite_note-1">&#91;1&#93;</a></sup></p>
<p>A meta-analysis showed that <i>moderate</i> doses reduce errors in <a href="https://example.org/shift" title="Shift work">shift workers</a><!-- TODO --> and don&rsquo;t harm sleep.</p>
<h2>References</h2>
<ol><li id="cite_note-1">Smith J. Caffeine and reaction time. J Things. 2019;1(2):3-4.</li></ol>
</body></html>
`

// TestProseText checks that claims are read from the prose text, with
// links, emphasis, comments and character references gone and the marker
// kept.
func TestProseText(t *testing.T) {
	t.Parallel()
	suite.ProseText(t, proseArticle)
}
