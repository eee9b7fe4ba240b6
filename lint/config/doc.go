// Package config reads reflint's configuration file, .reflint.yml.
//
// # Finding the file
//
// For each linted file, the configuration is the first .reflint.yml found
// in the file's folder or one of its parents (Find); standard input uses
// the working directory. --config FILE names one file for every input and
// --no-config uses none (Loader.Explicit, Loader.Disabled). Settings are
// not merged across files: the nearest file wins, as with .golangci.yml.
//
// # Format
//
//	rules:                        # per rule, by name (reflint rules lists them)
//	  reference-kind: off         # off / on, false / true, or a severity
//	  citation-order: error       # error, warning or info: another severity
//	  uncited-claim:
//	    enabled: true
//	    severity: info
//	  bad-suppression: error      # the rule of package suppress
//	fail-on: warning              # error, warning, info or none
//	min-coverage: 60              # percent, 0–100; or:
//	# min-coverage:
//	#   default: 60
//	#   sections:
//	#     Reduce Anxiety: 80      # section titles, compared case-insensitively
//	reference-headings: [Quellen, Further reading]
//	claim-cues:                   # extra words per category of prose.Cues
//	  research: [umbrella trial]
//	  effect: [mitigate]
//	  study-kinds: {target trial emulation: observational}
//	  directions: {dampen: down}
//	benefit-headings: [Why it works]
//	online:
//	  mailto: editor@example.org
//	  crossref: true
//	  pubmed: false
//	  lock-file: references.lock.json   # relative to the config file
//	ignore:                       # file patterns for directories and globs
//	  - drafts                    # no slash: any file or folder of that name
//	  - "*.draft.md"
//	  - content/archive/**        # a slash: relative to the config file
//	suppress:                     # plain-text suppressions
//	  - rule: uncited-claim       # a name, a comma list, or all
//	    text: Coffee is the most popular drink
//	    reason: common knowledge, no source needed
//
// claim-cues categories are the fields of prose.Cues in kebab case:
// research, effect, comparison, quantity-units, summary, anecdote,
// imperative, call-to-action, caption, faq, study-nouns, abbreviations,
// number-abbreviations (lists of phrases), and study-kinds (phrase →
// evidence kind), synonyms (word → concept label), directions (word → up
// or down). benefit-headings extends the benefit-list lead-ins
// (prose.Cues.BenefitLeadIn). Cue phrases and reference headings are
// lower-cased. Extra cues never remove a default.
//
// A suppress entry hides the findings of its rules whose line contains
// text, compared case-insensitively with runs of blanks folded into one
// space (package suppress applies them). reason is required.
//
// # Errors
//
// Every problem is reported, not just the first: an unknown key, a value
// of the wrong type, an unknown rule or severity, a percentage outside
// 0–100, a bad pattern, a duplicate key, a suppression without reason. An
// error names the file, line and column and what is allowed there
// (*Error, gathered in an ErrorList); main exits 2 on any of them.
//
// The JSON Schema schema/config.schema.json describes the same format for
// editors; a test checks that schema and loader agree on the examples in
// testdata.
package config
