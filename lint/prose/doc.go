// Package prose measures claim-to-evidence coverage in an article body:
// which sentences make claims, which of those carry or are followed by a
// citation marker, which sections cite what kind of evidence, and which of
// the benefits promised at the top of the article a section argues.
//
// The caller (package lint) finds the citation markers and the reference
// list; prose gets their positions and what is known of each entry, and
// returns plain data with byte spans. It imports nothing from lint.
//
// # Structure
//
// Explicit blocks from a Markdown or HTML parser are used as given. Plain
// text (copied from a web page) is split into blocks at blank lines after
// normalising CRLF, lone CR, a BOM, tabs, no-break spaces and soft hyphens.
// Lines starting with a bullet (•, -, *, –, 1., 2), ...) are list items;
// their nesting depth is the rank of their indent within the list. A single
// line standing alone between blank lines is a heading when it does not end
// in a stop, comma, colon or exclamation mark, starts upper-case, is at most
// 16 words (24 for questions), and is title case, a question, or at most
// five words. It is not a heading when it is a call to action, a caption, a
// link line (">>", URLs), a byline or date line, an offer ("Try Our Free
// Plan"), carries a citation marker, or directly follows a line ending in
// ':' (what a lead-in introduces is content, not a section). "## Title" in
// plain text gives its level; "3. Title" is a listicle heading.
//
// Headings with no prose under them before the next heading are demoted to
// body text, so calls to action and captions that look like titles never
// open a section or split the evidence of the one they sit in. A heading
// whose next heading is deeper, or an FAQ heading, is kept as a parent.
//
// Levels in plain text come from context: the first block, when it is a
// heading, is the title (1); other headings are 2; question-shaped headings
// after an FAQ heading ("Frequently Asked Questions", "FAQ", ...) are its
// children (3) until a heading that is not a question. The title's section
// holds only the introduction, and the other sections are top-level rather
// than its children; a title with nothing under it is dropped. Prose before
// the first heading of an untitled article gets an "(introduction)"
// section.
//
// # Sentences
//
// Sentences end at '.', '!', '?' or an ellipsis followed by a blank and a
// character that is not lower case. A stop followed by no blank is no end
// (decimals, "e.g.", domain names). The word before a stop is checked
// against the abbreviation lists (et al., e.g., i.e., vs., Dr., Prof.,
// Fig. and No. before a number, z.B., ...), dotted abbreviations with
// short parts (U.S., Ph.D.), and initials ("J. K. Rowe"; but "vitamin D."
// ends a sentence). Closing quotes and brackets stay with the sentence
// they close. Markers the caller found directly after the stop, glued or
// after blanks ("weekly.1 Next", "benefit.3 4 5"), belong to the sentence
// before; the caller's markers are what tell "in 2019.4 Next" from a
// decimal. Inside a block, line breaks end sentences when the block's lines
// are not hard-wrapped (some line is over 100 bytes, or a non-final line is
// much shorter than the longest): flattened web pages put one item per line.
//
// # Claims
//
// Every body sentence gets one label, tested in this order:
//
//   - other, noise: link lines, calls to action, captions;
//   - question: ends in '?';
//   - summary: opens with a summary cue ("Key takeaway", "Bottom line",
//     "In summary", ...); items of the declared-benefits list are summaries;
//   - anecdote: a first-person word outside quotation marks ("I", "I've",
//     "my", "in my experience", "personally"), unless the sentence carries a
//     marker — an author who cites is making a claim;
//   - other: a lead-in ending in ':', a transition ("Let's ...");
//   - claim: research language (study, research, evidence, found, shown,
//     according to, ...);
//   - other: an instruction opening with an imperative ("Try ...");
//   - claim: an effect verb (reduces, improves, is associated with, ...), a
//     comparison (more effective, better than, "more X than"), a quantity
//     (a number with %, percent, times, fold), or finally any marker;
//   - other: the rest (jokes, transitions, descriptions).
//
// The cue that decided is kept in Sentence.Cue as it appears in the text, so
// a rule message can quote it. All vocabulary lives in one table, Cues,
// whose defaults a config can extend (Input.Cues; entries are added, never
// removed). Cues are matched on lightly stemmed tokens (reduce, reduces,
// reduced, reducing) with an index on the first word, so a sentence is
// matched in one pass whatever the table size.
//
// A claim is cited when its sentence carries a marker, supported when a
// later sentence of the same block does, and uncited otherwise. A summary is
// covered when its section (with its sub-sections) cites anything.
//
// Measured on hand-written labelled sentences in testdata (claim against
// everything else): the tuning set of 80 sentences gives precision and
// recall 1.00; a second set of 50 written afterwards gave precision 1.00
// and recall 0.68 on first run, 1.00 and 0.96 after adding the general
// "more X than" rule and a few verbs. Expect lower figures on real text.
//
// A sentence names its evidence when a study design phrase appears
// (meta-analysis, systematic review, randomized controlled trial, cohort,
// research on animals, ...; the strongest named is kept) and a year when a
// year precedes a study noun within three words ("a 2024 meta-analysis") or
// follows "et al.". YearMismatches reports a named year no cited entry of
// known year is within one year of; KindMismatches a named design no cited
// entry backs, when every cited entry's kind is known.
//
// # Benefits
//
// Within the first 25 blocks and the first third of the body, a block that
// is a lead-in ("Key Points", "Benefits", "Summary", "Key takeaways",
// "TL;DR", "In this article", ... or a paragraph ending in ':' containing
// one) followed by list items declares benefits. The first item is the
// list's lead statement, not a benefit, when every other item is nested
// under it or it speaks of benefits in general ("has numerous benefits");
// of the remaining items those at the shallowest depth are benefits, deeper
// ones their sub-points.
//
// Each benefit is compared with every section heading (except the
// section holding the list) by a weighted Dice overlap of concepts: words
// minus stop words, stemmed, mapped through Cues.Synonyms (happiness →
// mood, depressive → depression), weighted by inverse heading frequency so
// the article's own subject counts little. Direction words (Cues.Directions:
// improves/boost → up, reduces/lower/fight → down) add 0.15 when they agree
// and subtract 0.15 when they oppose. Pairs scoring at least 0.35 are
// assigned best first, each section once; a benefit left over takes its
// best section even if used. A benefit no heading matches falls back to the
// section whose sentences mention at least half its concepts, three times
// or more.
//
// # Known limits
//
//   - Classification is lexical. Claims without any cue ("Kale is a
//     superfood") are missed; cue words used loosely ("the science to prove
//     it") make false claims. Hedged or negated claims count as claims.
//   - Non-English text: only German (and a few French and Spanish) research
//     words, effect verbs, summary openers and first-person words are in
//     the table; the stemmer is English, and title-case heading detection
//     does not work for German, where every noun is capitalised. Give
//     explicit Blocks for such articles.
//   - Headings must stand alone between blank lines in plain text; a
//     sentence-case heading of more than five words is taken for a
//     paragraph, and a one-line standalone question for a heading.
//   - "U.S. Researchers ..." is one sentence (dotted abbreviations never end
//     one); "by J. Smith" is always an initial.
//   - Supported means "a later sentence of the same block cites": a marker
//     for a different point still supports the claims before it.
//   - Benefit mapping knows the synonyms in the table; a benefit worded
//     entirely differently from its heading and rarely named in the section
//     text stays unmapped.
//   - Line and Column fields are left 0 for the caller to fill.
package prose
