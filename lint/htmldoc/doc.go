// Package htmldoc reads an HTML article into a lint.Document, so that every
// rule and the coverage analysis work on it as on plain text. Nothing is
// fetched and no script runs: the page is only tokenized and parsed.
//
// # Positions
//
// goquery and golang.org/x/net/html keep no source offsets (golang/go
// #28343). The source is tokenized first with html.Tokenizer, keeping a
// running total of len(Raw()): every start tag gets a record of its exact
// offsets and an attribute data-reflint with the record's index, and that
// marked copy is what goquery parses. Every element of the DOM thus knows
// its start tag in the original bytes. End offsets come from the same
// token pass, which applies the common implied-end rules (a new <li> ends
// the previous item, a block element ends an open <p>, ...). A DOM text
// node is matched to its text tokens by decoded content, from a cursor
// that moves through the source, so text the parser moved or dropped is
// stepped over. Spans therefore always point at original bytes: a marker
// is its whole element ("<sup>1</sup>"), a number inside it the digits (an
// entity such as "&#91;" spans the whole entity), an entry its <li>.
//
// # Markers
//
//   - <sup> whose decoded text is a citation group: "1", "1,2", "7–9",
//     "[1]", "[1, 3]" — with or without a link inside. It is an exponent,
//     not a marker, after a unit, a one-letter variable or a number
//     ("m<sup>2</sup>", "n<sup>2</sup>", "10<sup>6</sup>"), unless it links
//     to an anchor; a <sup> right after another </sup> continues a run of
//     citations. "<sup>th</sup>" and "[citation needed]" are not numbers.
//   - <a> linking to a note anchor whose text is a citation group:
//     "#cite_note-…" (Wikipedia, named notes included), "#fn1", "#fn:1",
//     "#fn-1", "#ref-2", "#ref2", "#note3", "#endnote4", "#bib5", "#CR6",
//     "#B7". Links to other pages are ordinary text.
//   - Everything lint.ParseText recognises in plain text (brackets, Unicode
//     superscripts, flattened digits), applied to each text token of the
//     body's blocks through lint.MarkerBuilder.ScanText.
//
// Never scanned: <script>, <style>, <noscript>, <template>, <nav> and
// role="navigation", <code>, <pre>, <kbd>, <samp>, <svg>, <math>,
// <iframe>, form controls, the <head>, Wikipedia's edit links, comments
// and attribute values (URLs). An entry cited in two sentences in a row is
// two markers, as written: nothing to report.
//
// # Reference list
//
// The list is the <ol> marked as one — class "references" (Wikipedia),
// inside .footnotes, [role=doc-endnotes], .reflist or .references
// (Hugo, Jekyll/kramdown, pandoc), or holding <li> whose id names a note
// (cite_note-…, fn:1, ref-1) — the one with most items when there are
// several; otherwise the first <ol> between the last reference heading
// (lint.IsReferenceHeading on the heading's text without edit links) and
// the next heading. Numbers count from the list's start attribute
// (default 1) and an item's value attribute resets the count, as in a
// browser. An entry's text is its decoded text without back-links ("^",
// "a b", "↩") and without the style sheets citation templates embed. The
// body ends at the reference heading directly before the list, or at the
// list itself; what follows (external links, footers) is not body.
//
// # Structure
//
// Text between block elements forms one block: <h1>–<h6> give Heading
// blocks with their level, <li> a ListItem block with its nesting depth
// (its later blocks are Paragraphs), everything else (p, div, td, ...)
// Paragraph blocks. Inline elements stay inside their block. The opening
// <h1>, when it is the first block, is passed with level 0 so that the
// coverage analysis treats it like plain text's title.
//
// # Prose text
//
// Block spans are source spans, but the coverage analysis reads
// Document.ProseText (laid out by lint.ProseBuilder): the body with tags,
// comments and the doctype blanked, "<br>" and "<img>" read as a space,
// character references in text decoded, and the skipped elements other
// than <code>, <kbd> and <samp> (scripts, styles, edit links, form
// controls) blanked whole. A sentence with a link whose href is
// "https://..." is thus a claim, not a link line, and "don&rsquo;t" is one
// word. Marker groups keep their source bytes.
//
// # Limits
//
//   - Markup glued to a flattened marker hides it: "<em>weekly</em>.1" is
//     not read.
//   - Reference lists written as paragraphs ("<p>1. Smith ...</p>") or as
//     <ul> are not recognised; reversed lists count up.
//   - Where the HTML parser restructures badly broken markup (misnested
//     tables, foster-parented text), the simplified end-tag rules of the
//     token pass may give a block or entry a span a little too long or too
//     short; it stays inside the source.
package htmldoc
