// Package markdown reads a Markdown article into a lint.Document, so that
// every rule and the coverage analysis work on it as on plain text. It
// parses with goldmark (CommonMark plus its footnote extension) and takes
// every position from goldmark's nodes: spans point into the original
// bytes, never into rendered text.
//
// # Markers
//
//   - Footnote references "[^1]", "[^note]". A reference to a key with no
//     definition, which goldmark leaves as text, is still a marker (so that
//     it is reported as unresolved).
//   - Inline HTML "<sup>1</sup>", "<sup>1,2</sup>", "<sup>7–9</sup>",
//     "<sup>[1](#fn1)</sup>", "<sup><a href="#fn1">1</a></sup>". A <sup>
//     after a unit, a one-letter variable or a number ("cm<sup>2</sup>",
//     "n<sup>2</sup>", "10<sup>6</sup>") is an exponent unless it links to
//     an anchor; a <sup> right after another </sup> continues a run of
//     citations.
//   - A link to an anchor whose text is a number: "[3](#ref-3)".
//   - Everything lint.ParseText recognises in plain text (brackets "[1]",
//     "[3–5]", Unicode superscripts, flattened digits such as "weekly.1"),
//     applied line by line to the prose of paragraphs, list items and
//     headings through lint.MarkerBuilder.ScanText.
//
// Never scanned: fenced and indented code, inline code, HTML blocks, raw
// inline HTML (comments included), link destinations, images and
// autolinks. Link text is prose and is scanned.
//
// # Reference list
//
// Footnote definitions are the list whenever the article has any.
// Numbering: when every label is a number ("[^7]") the labels are the
// entry numbers, as the author wrote them. Otherwise all footnotes are
// numbered in order of first reference, as goldmark and GitHub render
// them, so citation-order never fires for keyed footnotes; definitions
// nobody references follow in order of definition (goldmark would drop
// them; we keep them for unused-reference), then keys referenced but never
// defined. A second definition of the same key gets a number of its own.
// When the definitions stand together at the end, the body ends where they
// start (or at a heading directly before them); definitions scattered
// through the text leave the body whole and are simply not part of it.
//
// Without footnotes, the list is the first ordered list between the last
// reference heading (lint.IsReferenceHeading: References, Sources,
// Literatur, ... plus ParseOptions.ReferenceHeadings) and the next
// heading; failing that, a paragraph there whose lines start "[1]", "(1)"
// or "1)". Without such a heading, the last top-level ordered list counts
// when it has two or more items, no heading follows it, and at least half
// its items look bibliographic (year, DOI, PMID or URL).
//
// List numbers: lazy numbering (the same number on every item, usually
// "1.") means the numbers a browser shows, counting up from the list's
// start number. Other lists keep the numbers as written, so that a gap or
// repeat the author typed is reported by reference-numbering instead of
// being silently renumbered on the page. An entry's text is its rendered
// text, plus the destination of a link whose text does not show it (a DOI
// behind "[full text](https://doi.org/...)").
//
// # Structure
//
// Headings (ATX and setext) become Heading blocks with their level,
// paragraphs Paragraph blocks, a list item's first paragraph a ListItem
// block with its nesting depth (later paragraphs of the item are
// Paragraphs); block quotes are read through. The opening heading of the
// document, when it is level 1, is passed with level 0 so that the
// coverage analysis treats it as plain text's title (dropped when nothing
// stands under it); an explicit level 1 would keep it as an empty parent.
//
// # Prose text
//
// Block spans are source spans, but the coverage analysis reads
// Document.ProseText (laid out by lint.ProseBuilder): the body with
// emphasis delimiters, link brackets and destinations, images, raw HTML
// (comments included), code span backticks, backslashes of escapes and
// block quote markers of continuation lines blanked, "<br>" read as a
// space and character references ("&rsquo;", "&amp;") decoded. A sentence
// holding "[a study](https://...)" is thus a claim, not a link line, and
// "don&rsquo;t" is one word. Text nodes, code span contents, autolink
// addresses (which the page shows) and footnote references stay as
// written; marker groups keep their source bytes.
//
// # Limits
//
//   - Markup glued to a flattened marker hides it: "*weekly*.1" is not read
//     (the scanner sees '*' before the stop).
//   - HTML blocks (a <div> or <p> written as HTML) are skipped whole,
//     markers included; read such files with package htmldoc.
//   - A numbered list under a reference heading written as an unordered
//     list ("- [1] Smith ...") is not recognised.
//   - Front matter (YAML between "---" lines) is parsed as Markdown: its
//     title usually becomes a setext heading or a paragraph.
package markdown
