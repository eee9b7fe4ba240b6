package report

import (
	_ "embed" // the page template
	"fmt"
	"html/template"
	"io"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reflint/reflint/lint"
)

// HTMLOptions control the HTML report.
type HTMLOptions struct {
	// Title is the page title; empty gives "reflint report".
	Title string
	// Version is reflint's version, shown in the footer; empty leaves it
	// out.
	Version string
	// BaseDir makes the file names shown relative to it, as for SARIF;
	// empty shows them as given.
	BaseDir string
}

//go:embed html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Parse(htmlSource))

// WriteHTML writes one self-contained HTML page for reviewers: a summary,
// per file a claim-coverage chart (inline SVG, one row per declared
// benefit or, without a benefit list, per section), the findings grouped
// by rule, the reference list with each entry's kind, evidence and online
// verdict, and the article text with markers, uncited claims, findings and
// problem entries highlighted and linked both ways. The page loads no
// external assets and needs no JavaScript; a Content-Security-Policy
// forbids scripts outright. Article text is escaped by html/template.
func WriteHTML(w io.Writer, results []lint.Result, opts HTMLOptions) error {
	page := htmlPage{Title: opts.Title, Version: opts.Version, Summary: lint.Summarize(results)}
	if page.Title == "" {
		page.Title = "reflint report"
	}
	for i, r := range results {
		f := buildFile(fmt.Sprintf("f%d", i+1), r, opts)
		page.Markers += f.Markers
		page.References += len(f.Refs)
		page.Claims += f.Claims
		page.Backed += f.Backed
		page.Files = append(page.Files, f)
	}
	page.CoveragePct = percent(page.Backed, page.Claims)
	return htmlTemplate.Execute(w, page)
}

// htmlPage is the data of the template.
type htmlPage struct {
	Title, Version string
	Summary        lint.Summary
	Markers        int
	References     int
	Claims, Backed int
	CoveragePct    string
	Files          []htmlFile
}

type htmlFile struct {
	ID                      string
	Path                    string
	Errors, Warnings, Infos int
	Markers                 int
	Claims, Backed          int
	CoveragePct             string
	ByBenefit               bool
	Rows                    []htmlRow
	Groups                  []htmlGroup
	Findings                int
	Refs                    []htmlRef
	HasList                 bool
	Lines                   []htmlLine
}

// htmlRow is one row of the coverage chart.
type htmlRow struct {
	Label                            string
	Href                             string // the section's heading in the article
	Section                          string
	Claims, Cited, Supported, Uncite int
	Pct                              string
	Bars                             []htmlBar
	NoSection                        bool
}

// htmlBar is one coloured piece of a row's SVG bar.
type htmlBar struct {
	Class, X, Width, Title string
}

type htmlGroup struct {
	Rule, Title, Severity string
	Findings              []htmlFinding
}

type htmlFinding struct {
	ID, Href     string
	Line, Column int
	Severity     string
	// OwnSeverity is set when the finding's severity is not its rule's
	// default, and so is worth showing next to it.
	OwnSeverity bool
	Message     string
	Related     []htmlLink
	Refs        []htmlLink
}

type htmlLink struct {
	Href, Text, Title string
}

type htmlRef struct {
	ID, EntryHref  string
	Number         int
	Text           string
	Kind, Evidence string
	Verdict        string
	VerdictClass   string
	VerdictDetail  []string
	CitedAt        []htmlLink
	Findings       []htmlLink
	Problem        bool
	DOI            string
	URL            string
}

type htmlLine struct {
	ID   string
	N    int
	Segs []htmlSeg
}

// htmlSeg is a run of article text under the same highlights.
type htmlSeg struct {
	Anchors []string // ids of the things that start here
	Text    string
	Class   string
	Href    string
	Title   string
}

// ann is a highlight over a span of the article.
type ann struct {
	start, end int
	id         string // anchor at the start; may be empty
	class      string
	href       string
	title      string
	prio       int // the link of the highest priority wins
}

// The priorities of highlights: a marker's link beats a finding's, which
// beats an entry's, which beats an uncited claim's.
const (
	prioAnchor = iota
	prioClaim
	prioEntry
	prioFinding
	prioMarker
)

// fileBuilder gathers the view of one file and the highlights of its
// article text.
type fileBuilder struct {
	d           *lint.Document
	id          string
	hf          htmlFile
	anns        []ann
	entryOf     map[int]int        // entry number → index of its first entry
	citedAt     map[int][]htmlLink // entry number → its markers
	refFindings map[int][]htmlLink // entry index → findings about it
	uncitedAt   map[int]string     // claim start → uncited-claim finding
}

func buildFile(id string, r lint.Result, opts HTMLOptions) htmlFile {
	d := r.Doc
	path, _ := relPath(opts.BaseDir, d.Name)
	if opts.BaseDir == "" {
		path = d.Name
	}
	b := &fileBuilder{
		d: d, id: id,
		hf:          htmlFile{ID: id, Path: path, HasList: d.List != nil, Findings: len(r.Findings)},
		entryOf:     make(map[int]int),
		citedAt:     make(map[int][]htmlLink),
		refFindings: make(map[int][]htmlLink),
		uncitedAt:   make(map[int]string),
	}
	for i, ref := range d.References {
		if _, dup := b.entryOf[ref.Number]; !dup {
			b.entryOf[ref.Number] = i
		}
	}
	b.markers()
	b.findings(r.Findings)
	b.references(r.Findings)
	b.coverage()
	b.hf.Lines = renderLines(d, id, b.anns)
	return b.hf
}

// anchor makes a page-wide id from a file-local one.
func (b *fileBuilder) anchor(s string) string { return b.id + "-" + s }

// refLink links to the reference-table row of an entry number.
func (b *fileBuilder) refLink(n int) htmlLink {
	if i, ok := b.entryOf[n]; ok {
		return htmlLink{Href: "#" + b.anchor("r"+strconv.Itoa(i)), Text: "#" + strconv.Itoa(n)}
	}
	return htmlLink{Text: "#" + strconv.Itoa(n), Title: "no such entry"}
}

// markers highlights the markers; a range yields several markers with one
// span, shown once.
func (b *fileBuilder) markers() {
	d := b.d
	for k := 0; k < len(d.Markers); {
		m := d.Markers[k]
		var nums []int
		j := k
		for j < len(d.Markers) && d.Markers[j].Span == m.Span {
			nums = append(nums, d.Markers[j].Number)
			j++
		}
		mid := b.anchor("m" + strconv.Itoa(k))
		pos := d.Position(m.Span.Start)
		a := ann{start: m.Span.Start, end: m.Span.End, id: mid, class: "marker", prio: prioMarker, title: "cites " + numList(nums)}
		if i, ok := b.entryOf[nums[0]]; ok {
			a.href = "#" + b.anchor("r"+strconv.Itoa(i))
		}
		b.anns = append(b.anns, a)
		for _, n := range slices.Compact(slices.Clone(nums)) {
			b.citedAt[n] = append(b.citedAt[n], htmlLink{Href: "#" + mid, Text: fmt.Sprintf("%d:%d", pos.Line, pos.Column)})
		}
		b.hf.Markers++
		k = j
	}
}

// findings lists the findings grouped by rule in the documented order and
// highlights their spans and related locations.
func (b *fileBuilder) findings(findings []lint.Finding) {
	d := b.d
	groups := make(map[string]*htmlGroup)
	for k, f := range findings {
		switch f.Severity {
		case lint.Error:
			b.hf.Errors++
		case lint.Warning:
			b.hf.Warnings++
		case lint.Info:
			b.hf.Infos++
		}
		fid, sid := b.anchor("F"+strconv.Itoa(k)), b.anchor("s"+strconv.Itoa(k))
		pos := d.Position(f.Span.Start)
		hfd := htmlFinding{ID: fid, Href: "#" + sid, Line: pos.Line, Column: pos.Column, Severity: f.Severity.String(), Message: f.Message}
		s := visible(d, f.Span)
		b.anns = append(b.anns, ann{start: s.Start, end: s.End, id: sid, class: "hl sev-" + f.Severity.String(), href: "#" + fid,
			title: f.Rule + ": " + f.Message, prio: prioFinding})
		for j, rel := range f.Related {
			rid := b.anchor(fmt.Sprintf("s%d-%d", k, j))
			rp := d.Position(rel.Span.Start)
			rs := visible(d, rel.Span)
			b.anns = append(b.anns, ann{start: rs.Start, end: rs.End, id: rid, class: "related", href: "#" + fid, title: rel.Message, prio: prioAnchor})
			hfd.Related = append(hfd.Related, htmlLink{Href: "#" + rid, Text: fmt.Sprintf("%s (%d:%d)", rel.Message, rp.Line, rp.Column)})
		}
		concerned := make(map[int]bool)
		for _, n := range f.References {
			hfd.Refs = append(hfd.Refs, b.refLink(n))
			if i, ok := b.entryOf[n]; ok {
				concerned[i] = true
			}
		}
		for i, ref := range d.References {
			if ref.Span.Contains(f.Span.Start) {
				concerned[i] = true
			}
		}
		for i := range concerned {
			b.refFindings[i] = append(b.refFindings[i], htmlLink{Href: "#" + fid, Text: f.Rule, Title: f.Message})
		}
		if f.Rule == lint.UncitedClaim.Name {
			b.uncitedAt[f.Span.Start] = fid
		}
		g := groups[f.Rule]
		if g == nil {
			g = &htmlGroup{Rule: f.Rule, Severity: f.Severity.String()}
			if rule := lint.ByName(f.Rule); rule != nil {
				g.Title, g.Severity = rule.Title, rule.Severity.String()
			}
			groups[f.Rule] = g
		}
		hfd.OwnSeverity = hfd.Severity != g.Severity
		g.Findings = append(g.Findings, hfd)
	}
	order := ruleIndex(lint.All())
	for _, g := range groups {
		b.hf.Groups = append(b.hf.Groups, *g)
	}
	sort.Slice(b.hf.Groups, func(i, j int) bool {
		oi, iok := order[b.hf.Groups[i].Rule]
		oj, jok := order[b.hf.Groups[j].Rule]
		if iok != jok {
			return iok
		}
		if oi != oj {
			return oi < oj
		}
		return b.hf.Groups[i].Rule < b.hf.Groups[j].Rule
	})
}

// references fills the reference table and highlights the entries, those
// with a finding on them as problems.
func (b *fileBuilder) references(findings []lint.Finding) {
	for i, ref := range b.d.References {
		eid := b.anchor("e" + strconv.Itoa(i))
		hr := htmlRef{ID: b.anchor("r" + strconv.Itoa(i)), EntryHref: "#" + eid, Number: ref.Number, Text: ref.Text,
			Kind: string(ref.Kind), Evidence: string(ref.Evidence), CitedAt: b.citedAt[ref.Number], Findings: b.refFindings[i],
			DOI: ref.Fields.DOI}
		if u, err := url.Parse(ref.Fields.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			hr.URL = ref.Fields.URL
		}
		hr.Verdict, hr.VerdictClass, hr.VerdictDetail = verdict(ref.Lookup)
		class := "entry"
		if slices.ContainsFunc(findings, func(f lint.Finding) bool { return ref.Span.Contains(f.Span.Start) }) {
			hr.Problem = true
			class = "entry problem"
		}
		b.hf.Refs = append(b.hf.Refs, hr)
		b.anns = append(b.anns, ann{start: ref.Span.Start, end: ref.Span.End, id: eid, class: class, href: "#" + hr.ID, prio: prioEntry,
			title: "entry #" + strconv.Itoa(ref.Number)})
	}
}

// coverage makes the chart rows and highlights section headings and
// uncited claims.
func (b *fileBuilder) coverage() {
	cov := b.d.Coverage()
	sectionAnchor := make(map[string]string)
	for k, s := range cov.AllSections() {
		hid := b.anchor("h" + strconv.Itoa(k))
		sectionAnchor[s.Title] = "#" + hid // the last of equal titles, as coverageRows
		b.anns = append(b.anns, ann{start: s.Start, end: s.End, id: hid, class: "heading", prio: prioAnchor})
		b.hf.Claims += s.Claims
		b.hf.Backed += s.CitedClaims + s.SupportedClaims
		for j, u := range s.Uncited {
			a := ann{start: u.Start, end: u.End, id: b.anchor(fmt.Sprintf("c%d-%d", k, j)), class: "uncited", prio: prioClaim, title: "uncited claim"}
			if fid, ok := b.uncitedAt[u.Start]; ok {
				a.href = "#" + fid
			}
			b.anns = append(b.anns, a)
		}
	}
	b.hf.CoveragePct = percent(b.hf.Backed, b.hf.Claims)
	b.hf.ByBenefit = len(cov.Benefits) > 0
	for _, row := range coverageRows(cov) {
		hr := htmlRow{Label: row.Label}
		s := row.Section
		if s == nil {
			hr.NoSection = true
			b.hf.Rows = append(b.hf.Rows, hr)
			continue
		}
		hr.Section = s.Title
		hr.Href = sectionAnchor[s.Title]
		hr.Claims, hr.Cited, hr.Supported = s.Claims, s.CitedClaims, s.SupportedClaims
		hr.Uncite = max(0, s.Claims-s.CitedClaims-s.SupportedClaims)
		hr.Pct = percent(hr.Cited+hr.Supported, hr.Claims)
		hr.Bars = bars(hr.Cited, hr.Supported, hr.Uncite)
		b.hf.Rows = append(b.hf.Rows, hr)
	}
}

// barWidth is the width of a coverage bar in SVG user units.
const barWidth = 240

// bars splits a bar into cited, supported and uncited pieces.
func bars(cited, supported, uncited int) []htmlBar {
	total := cited + supported + uncited
	if total == 0 {
		return nil
	}
	var out []htmlBar
	x := 0.0
	for _, p := range []struct {
		class string
		n     int
		what  string
	}{{"cited", cited, "cited"}, {"supported", supported, "supported"}, {"uncited", uncited, "uncited"}} {
		if p.n == 0 {
			continue
		}
		wd := float64(barWidth) * float64(p.n) / float64(total)
		out = append(out, htmlBar{Class: p.class, X: strconv.FormatFloat(x, 'f', 1, 64), Width: strconv.FormatFloat(wd, 'f', 1, 64),
			Title: fmt.Sprintf("%d %s", p.n, p.what)})
		x += wd
	}
	return out
}

func percent(n, total int) string {
	if total == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(total))
}

// numList renders [3 4 5] as "#3, #4, #5".
func numList(nums []int) string {
	parts := make([]string, len(nums))
	for i, n := range nums {
		parts[i] = "#" + strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}

// visible widens an empty span to the character after it, so that a
// finding with no extent still shows and can be clicked.
func visible(d *lint.Document, s lint.Span) lint.Span {
	s.Start = max(0, min(s.Start, len(d.Source)))
	s.End = max(s.Start, min(s.End, len(d.Source)))
	if s.End == s.Start && s.Start < len(d.Source) && d.Source[s.Start] != '\n' && d.Source[s.Start] != '\r' {
		_, size := utf8.DecodeRune(d.Source[s.Start:])
		s.End = s.Start + size
	}
	return s
}

// verdict describes an online verdict for the reference table.
func verdict(l *lint.Lookup) (text, class string, detail []string) {
	if l == nil {
		return "not checked", "v-none", nil
	}
	text = strings.ReplaceAll(string(l.Status), "_", " ")
	switch l.Status {
	case lint.LookupVerified:
		class = "v-ok"
	case lint.LookupMismatch:
		class = "v-warn"
	case lint.LookupNotFound:
		class = "v-bad"
	default:
		class = "v-none"
	}
	if l.Reason != "" {
		detail = append(detail, "reason: "+strings.ReplaceAll(l.Reason, "_", " "))
	}
	if l.Problem != "" {
		detail = append(detail, "problem: "+l.Problem)
		class = "v-bad"
	}
	if l.Retraction != nil {
		detail = append(detail, noticeText(*l.Retraction))
		text += ", " + l.Retraction.Type
		class = "v-bad"
	}
	for _, n := range l.Notices {
		detail = append(detail, noticeText(n))
	}
	for _, df := range l.Diffs {
		detail = append(detail, fmt.Sprintf("%s: cited %q, record %q", df.Field, df.Cited, df.Record))
	}
	if l.DOI != "" {
		detail = append(detail, "record DOI: "+l.DOI)
	}
	if l.PMID != "" {
		detail = append(detail, "record PMID: "+l.PMID)
	}
	if l.Confidence > 0 {
		detail = append(detail, fmt.Sprintf("confidence %.2f", l.Confidence))
	}
	if len(l.Sources) > 0 {
		detail = append(detail, "sources: "+strings.Join(l.Sources, ", "))
	}
	return text, class, detail
}

func noticeText(n lint.Notice) string {
	parts := []string{strings.ReplaceAll(n.Type, "_", " ")}
	for _, p := range []string{n.Date, n.Label, n.DOI, n.Source} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// renderLines cuts the article into lines and each line into runs of text
// under the same highlights. Highlights may overlap freely: each run
// carries the classes of all highlights over it and the link of the one
// with the highest priority; a highlight's anchor sits where it starts.
func renderLines(d *lint.Document, id string, anns []ann) []htmlLine {
	if len(d.Source) == 0 {
		return nil
	}
	first := d.Line(1).Start // after a byte order mark
	for i := range anns {
		anns[i].start = max(anns[i].start, first)
		anns[i].end = max(anns[i].end, anns[i].start)
	}
	sort.SliceStable(anns, func(i, j int) bool { return anns[i].start < anns[j].start })
	n := d.LineCount()
	lines := make([]htmlLine, 0, n)
	var open []ann // highlights that may reach the current line
	next := 0
	for ln := 1; ln <= n; ln++ {
		line := d.Line(ln)
		lineEnd := len(d.Source) // start of the next line
		if ln < n {
			lineEnd = d.Line(ln + 1).Start
		}
		if ln == n && line.Start == line.End && line.Start == len(d.Source) {
			break // the empty "line" after a final newline
		}
		for next < len(anns) && anns[next].start < lineEnd {
			open = append(open, anns[next])
			next++
		}
		kept := open[:0]
		for _, a := range open {
			if a.end > line.Start || a.start >= line.Start {
				kept = append(kept, a)
			}
		}
		open = kept
		hl := htmlLine{ID: fmt.Sprintf("%s-L%d", id, ln), N: ln}
		// Cut points: the line's ends and every start and end inside it.
		cuts := []int{line.Start, line.End}
		for _, a := range open {
			for _, c := range []int{a.start, a.end} {
				if c > line.Start && c < line.End {
					cuts = append(cuts, c)
				}
			}
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		for k := 0; k+1 < len(cuts); k++ {
			a, b := cuts[k], cuts[k+1]
			hl.Segs = append(hl.Segs, segment(d, open, a, b))
		}
		// Anchors of highlights that start where no run does: at the end of
		// the line's text, on its terminator, or on an empty line.
		var late []string
		for _, a := range open {
			if a.id != "" && a.start >= line.End && (a.start < lineEnd || ln == n && a.start == lineEnd) {
				late = append(late, a.id)
			}
		}
		if len(late) > 0 {
			hl.Segs = append(hl.Segs, htmlSeg{Anchors: late})
		}
		lines = append(lines, hl)
	}
	return lines
}

// segment is the run [a, b) of a line under the highlights that cover it.
func segment(d *lint.Document, open []ann, a, b int) htmlSeg {
	seg := htmlSeg{Text: strings.ToValidUTF8(string(d.Source[a:b]), "\uFFFD")}
	var classes []string
	best := -1
	for _, x := range open {
		if x.id != "" && x.start == a {
			seg.Anchors = append(seg.Anchors, x.id)
		}
		if x.start <= a && x.end >= b && x.end > x.start {
			if x.class != "" {
				classes = append(classes, x.class)
			}
			if x.href != "" && x.prio > best {
				best = x.prio
				seg.Href, seg.Title = x.href, x.title
			}
		}
	}
	seg.Class = strings.Join(classes, " ")
	return seg
}
