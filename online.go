package main

import (
	"bytes"
	"io"
	"os"
	"os/signal"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"

	"github.com/reflint/reflint/lint"
	"github.com/reflint/reflint/lint/config"
	"github.com/reflint/reflint/lint/lockfile"
	"github.com/reflint/reflint/sources"
)

// checker is the online checker and, on a terminal, its progress display.
type checker struct {
	*sources.Checker
	progress *progressWriter
}

// newCheckerWith builds an online checker from the command's flags and
// the configuration's online settings (flags win).
func newCheckerWith(c *cli.Context, stderr io.Writer, noCache bool, online config.Online) *checker {
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
	ch := &checker{}
	switch {
	case c.Bool("verbose"):
		opts.Verbose = stderr
	case isTerminal(stderr):
		ch.progress = newProgress(stderr)
		opts.Verbose = ch.progress
	}
	ch.Checker = sources.New(opts)
	return ch
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
func lookUp(c *cli.Context, checker *checker, doc *lint.Document) *lint.LookupStats {
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt)
	defer stop()
	lookups, st := checker.Check(ctx, doc.References)
	if checker.progress != nil {
		checker.progress.finish()
	}
	doc.ApplyLookups(lookups)
	return &lint.LookupStats{Requests: st.Requests, CacheHits: st.CacheHits, Verified: st.Verified,
		Mismatch: st.Mismatch, NotFound: st.NotFound, Inconclusive: st.Inconclusive}
}

// progressWriter turns the checker's one-line-per-request log into a
// spinner with a count on a terminal's stderr; --verbose prints the lines
// instead, and a non-terminal gets neither.
type progressWriter struct {
	bar *progressbar.ProgressBar
}

func newProgress(stderr io.Writer) *progressWriter {
	return &progressWriter{bar: progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription("looking up references"),
		progressbar.OptionShowCount(),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionClearOnFinish(),
	)}
}

// Write counts the requests and cache hits in the log lines.
func (p *progressWriter) Write(b []byte) (int, error) {
	if n := bytes.Count(b, []byte("\n")); n > 0 {
		_ = p.bar.Add(n) // a display error must not stop the look-ups
	}
	return len(b), nil
}

func (p *progressWriter) finish() { _ = p.bar.Finish() }
