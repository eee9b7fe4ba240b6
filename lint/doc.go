// Package lint is reflint's offline core: it parses an article into a
// Document with exact byte spans, runs the rules over it and writes the
// reports. It never touches the network; online verdicts arrive as data
// (Reference.Lookup) filled in by package sources.
//
// # Document → Rules → Findings
//
// ParseText finds the reference list first, then the citation markers of
// the body before it, because the list decides ambiguous markers. Each
// Rule is a value (name, title, doc, examples, severity, run function) in
// a file named after it; Run applies rules and returns Findings sorted by
// position. WriteText and WriteJSON print them.
//
// To add a rule: write RULE.go with an exported *Rule, add it to All in
// rules.go, add testdata/rules/RULE.txt and RULE.want, and document it in
// the README's rule table.
//
// # Finding markers in plain text
//
// Text copied from a web page loses superscript formatting, so a marker
// becomes digits glued to the text. The scanner recognises:
//
//   - brackets: [1], [1, 3], [3–5], [3-5], [1,3,5–8], [2][3];
//   - Unicode superscripts: ¹²³ (one number, 123), ⁴⁻⁶, ¹,²;
//   - flattened digits after a sentence stop or closing punctuation
//     ("weekly.1", "(hyperarousal).39", "“grit”5"), in groups separated by
//     spaces or commas ("benefit.3 4 5", ".12,13") or as ranges (".3–5"),
//     mid-line before the next sentence ("anxiety.9 That’s…");
//   - flattened digits glued straight to a word ("Altpaläolithikum1"),
//     after a comma ("anxiety,4") or a colon;
//   - numbers in parentheses at the end of a clause, as many health sites
//     write them: "(1, 2).", "(3–5);";
//   - author-date citations, "(Smith et al., 2019; Doe & Lee, 2020)" and
//     "Smith and Jones (2019)", when they name an entry by its first
//     author and year; such a list is not held to the order of first
//     citation, and reflint fix leaves it alone. Markdown and HTML too.
//
// Forms are strong or weak. Strong forms are markers by their shape alone
// and are kept even when they name a missing entry, so that the entry is
// reported as unresolved: brackets, superscripts after a word or
// punctuation, and digits glued after a sentence stop that follows a word
// of two or more letters or closing punctuation and that end where a
// citation ends (end of line, or before a word that is not lower case).
// Weak forms are kept only when every number names an existing entry and
// the group does not leap more than a few numbers past the highest number
// cited so far (articles cite in order; a list numbered from 22 starts
// counting at 22): numbers in parentheses (which also number list items:
// "(1) boil water" is never taken, as the group must be followed by
// punctuation or the end of the line), digits glued to a word, after a comma or colon, after
// a single letter and a stop ("U.S.2"), or a stop-glued group followed by
// lower-case text.
//
// Never markers: decimals and thousands (2.5, 3.1, 87,508, 300.000),
// numbers that stand alone or start a token (12-week, 218 studies, ~70%,
// 1) list numbering), dates and times (2025-11-03, 7:30), numbers glued
// to letters after them (3rd, 1RM), words with digits whose shape marks a
// name (D3, B12, CO2, PM2.5, COVID-19, omega-3, iPhone15: a glued word
// must have three or more letters, be lower case after its first letter
// and not be in a short list such as "type" or "version"), locators after
// abbreviations (Fig.2, No.5, S.45, p.4), URLs and e-mail addresses, and
// superscripts after a single letter, a unit or a digit (m², kg/m², 10⁶).
//
// Known limits: a marker glued to a date or decimal ("on 2025-11-03.1") is
// lost; a flattened marker after a sentence ending in a year is read only
// weakly ("in 2019.3"); a weak marker that cites out of order far ahead
// of the others is dropped; a marker separated from its sentence by a
// space ("weekly. 1") is not recognised; numbers above 999 are never
// markers.
//
// # Finding the reference list
//
// The list is the last heading named References, Sources, Bibliography,
// Works Cited, Literature, Notes, Footnotes, Citations, Quellen,
// Literatur and some forty other names in a dozen languages (with or
// without a colon or a count) that is followed by numbered entries.
// Without such a heading it is the final run of at least two numbered
// entries of which at least half look bibliographic (a year, an
// identifier or a URL). Under a heading, a list whose numbers were lost
// in copying (Wikipedia's "^ a b Smith …" lines, or lines that read like
// references) is numbered from 1 in list order. Entries start with "1.", "1)", "[1]", "(1)", "1 ",
// a superscript, or a number glued to a letter ("22Sometimes"); copied
// Wikipedia back-links ("^ a b") are skipped. Numbers may start anywhere
// and may have small gaps, repeats or steps back (reported by
// reference-numbering). Lines without a number continue the entry when
// indented deeper, when they start in lower case or carry an identifier
// or a year, or when the entry line stopped mid-sentence; a dedented line,
// or any line after a blank that is not followed by the next entry, ends
// the list, so an author box or a photo caption is never an entry.
//
// # Parsing entries
//
// Identifiers are taken first (DOI in doi:, https://doi.org/, dx.doi.org
// and bare forms; PMID; PMCID; URL), then the source block: volume, issue
// and pages in NLM ("2017 Dec;47(12):2521-2532"), MDPI and APA
// ("13(7), 221"), keyword ("Vol. 31, Iss: 3, pp 194-206", "S. 27–40")
// and article-number shapes. Text before the block is the container and
// text after it the title (the "Container. Date. Title." shape of copied
// health sites); with a leading author list (Vancouver "Smith J, Doe AB."
// or APA "Smith, J. (2019).") the title comes first and the container
// follows it, split at the first full stop that does not end an ISO 4
// abbreviation. A quoted title (Wikipedia's CS1, MLA, Chicago, Harvard's
// single quotes after the year: Author
// (2019). "Title". Journal. 12 (3): 45–67.) is taken as the title, with
// the authors and year before it and the container and locators after.
// German entries (DIN 1505: "Ding, M.; Satija, A.: Title. In: Circulation
// 129 (2014), Nr. 6, S. 643–659.") are read with their author list ending
// in a colon and "volume (year)"; "In:" alone is a journal, not a chapter.
package lint
