package main

import (
	"io"
	"os"
	"os/signal"

	"github.com/urfave/cli/v2"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/config"
	"github.com/reflint/reflint/lint/lockfile"
	"github.com/reflint/reflint/sources"
)

// newCheckerWith builds an online checker from the command's flags and
// the configuration's online settings (flags win).
func newCheckerWith(c *cli.Context, stderr io.Writer, noCache bool, online config.Online) *sources.Checker {
	opts := sources.OptionsFromEnv(version)
	opts.Mailto = c.String("mailto")
	if opts.Mailto == "" {
		opts.Mailto = online.Mailto
	}
	if online.Crossref != nil {
		opts.Crossref = *online.Crossref
	}
	if online.PubMed != nil {
		opts.PubMed = *online.PubMed
	}
	opts.CacheDir = c.String("cache-dir")
	opts.NoCache = noCache
	opts.Timeout = c.Duration("timeout")
	if c.Bool("verbose") {
		opts.Verbose = stderr
	}
	return sources.New(opts)
}

// replayLock attaches the verdicts recorded in a lock file: no request.
func replayLock(lock *lockfile.File, doc *lint.Document) *lint.LookupStats {
	lookups := lock.Lookups(doc.References)
	doc.ApplyLookups(lookups)
	st := &lint.LookupStats{}
	for _, l := range lookups {
		switch l.Status {
		case lint.LookupVerified:
			st.Verified++
		case lint.LookupMismatch:
			st.Mismatch++
		case lint.LookupNotFound:
			st.NotFound++
		default:
			st.Inconclusive++
		}
	}
	return st
}

func lookupsOf(doc *lint.Document) map[int]*lint.Lookup {
	m := make(map[int]*lint.Lookup, len(doc.References))
	for _, r := range doc.References {
		m[r.Number] = r.Lookup
	}
	return m
}

// lookUp verifies a document's entries online and attaches the verdicts.
// Network trouble yields inconclusive verdicts, never an error.
func lookUp(c *cli.Context, checker *sources.Checker, doc *lint.Document) *lint.LookupStats {
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt)
	defer stop()
	lookups, st := checker.Check(ctx, doc.References)
	doc.ApplyLookups(lookups)
	return &lint.LookupStats{Requests: st.Requests, CacheHits: st.CacheHits, Verified: st.Verified,
		Mismatch: st.Mismatch, NotFound: st.NotFound, Inconclusive: st.Inconclusive}
}
