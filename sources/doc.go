// Package sources verifies reference entries online against Crossref and
// PubMed and fills lint.Lookup verdicts. It is the only reflint package
// that talks to the network; lint rules only read its verdicts.
//
// # Use
//
//	c := sources.New(sources.OptionsFromEnv(version))
//	lookups, stats := c.Check(ctx, doc.References) // keyed by Reference.Number
//
// # How an entry is looked up
//
// Identical entries are folded together first; each distinct DOI, PMID and
// query is asked once.
//
//   - Crossref. Cited DOIs are fetched in batches (/works?filter=doi:A,doi:B),
//     a single DOI through /works/{doi}; a DOI a batch did not return is
//     re-asked alone so that a 404 ("doi-not-found") is Crossref's own word.
//     Entries without identifiers, and entries whose DOI failed, are searched
//     with query.bibliographic on the whole entry text (10 rows, trimmed by
//     select).
//   - PubMed. Cited PMIDs, PMIDs of known DOIs ("A"[doi] OR "B"[doi] esearch),
//     one ECitMatch call for the entries with journal, year, volume and first
//     page, and an esearch on title words as the last resort; then a single
//     esummary (POST above 200 ids) for everything. Three requests cover a
//     whole list unless title searches are needed.
//
// Every record is compared field by field: title similarity, first author,
// year (±1 for online-first), journal (abbreviation-aware: "Sports Med." =
// "Sports Medicine", against Crossref's container and short container
// titles and PubMed's source and full journal name), volume, issue and
// pages ("2521-32" = "2521-2532"). A search hit is accepted only with at
// least three agreeing fields, the title among them when the entry has one,
// as Crossref's own matcher does; the relevance score only ranks.
//
// # Verdicts
//
// verified: a record agrees; mismatch: a record was found but fields differ,
// or the entry's identifier points elsewhere (Problem "identifier-mismatch",
// "doi-not-found", or "pmid-not-found" for a PMID PubMed does not know);
// not_found: every source answered and none matched (Queries lists what was
// tried); inconclusive: a source could not answer (Reason timeout,
// rate_limited, source_error) or the entry is too thin to search
// (no_usable_fields). Network trouble is always inconclusive, never
// not_found. Retractions come from Crossref updated-by (retraction,
// withdrawal, removal; Retraction Watch entries included), a "RETRACTED"
// title, or PubMed's "Retracted Publication" type; corrections and
// expressions of concern become Notices.
//
// # Politeness
//
// Requests go through go-retryablehttp: retries on transport errors, 429
// and 5xx (not 501), exponential backoff from 500ms to 8s, Retry-After
// honoured (and a wait longer than the run has left ends the request as
// rate_limited), 30s per attempt, 5 minutes per Check, bodies capped at 10
// MB. Each source has its own pacer: Crossref 10 requests/s and 3 in
// flight in the polite pool (with Options.Mailto; 5/s and 1 without),
// adapting to x-rate-limit-limit, x-rate-limit-interval and
// x-concurrency-limit; NCBI 3/s, 10/s with an API key. Pacing runs at 90%
// of each rate so that arrival jitter never trips a sliding-window limiter
// (BenchmarkCrossrefPacing: no 429, about 1.1x the rate-limit bound). Crossref gets the
// mailto parameter and the User-Agent "reflint/VERSION (mailto:ADDRESS)",
// NCBI its tool and email parameters. The NCBI key is never logged, never
// part of an error and never part of a cache key.
//
// # Cache
//
// Answers (records and misses, never 429s, 5xx or garbage) are stored as one
// JSON file per question under Options.CacheDir (default
// os.UserCacheDir()/reflint), named by the SHA-256 of the question, written
// through a temporary file and a rename so that concurrent runs never see
// half a file. Hits stay fresh 30 days, misses 1 day; a corrupt file is
// ignored and replaced. A warm re-run makes no request.
//
// # Fixtures
//
// Tests never touch the network; they replay files under testdata (see
// testdata/README.md for which are recorded and which synthetic). To
// refresh a recorded one by hand:
//
//	curl -s 'https://api.crossref.org/works/10.1371/journal.pone.0033693?mailto=you@example.org' > testdata/crossref/work_pone.0033693.json
package sources
