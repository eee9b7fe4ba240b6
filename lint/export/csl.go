package export

import (
	"encoding/json"
	"io"

	"github.com/reflint/reflint/lint"
)

// cslItem is one CSL-JSON item. Field names and types follow the CSL 1.0
// input schema (testdata/csl-data.json); the order is the writer's.
type cslItem struct {
	ID             string    `json:"id"`
	CitationKey    string    `json:"citation-key"`
	Type           string    `json:"type"`
	Title          string    `json:"title,omitempty"`
	Author         []cslName `json:"author,omitempty"`
	ContainerTitle string    `json:"container-title,omitempty"`
	Issued         *cslDate  `json:"issued,omitempty"`
	Volume         string    `json:"volume,omitempty"`
	Issue          string    `json:"issue,omitempty"`
	Page           string    `json:"page,omitempty"`
	DOI            string    `json:"DOI,omitempty"`
	PMID           string    `json:"PMID,omitempty"`
	PMCID          string    `json:"PMCID,omitempty"`
	URL            string    `json:"URL,omitempty"`
}

// cslName is an author. Entries give surnames only, so only family is
// set.
type cslName struct {
	Family string `json:"family"`
}

type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

func writeCSL(w io.Writer, entries []entry) error {
	items := make([]cslItem, 0, len(entries))
	for _, e := range entries {
		f := e.fields
		it := cslItem{
			ID: e.key, CitationKey: e.key, Type: cslType(e.ref.Kind, f),
			Title: oneLine(e.title()), ContainerTitle: oneLine(f.Container),
			Volume: f.Volume, Issue: f.Issue, Page: f.Pages,
			DOI: f.DOI, PMID: f.PMID, PMCID: f.PMCID, URL: f.URL,
		}
		for _, a := range f.Authors {
			it.Author = append(it.Author, cslName{Family: oneLine(a)})
		}
		if f.Year != 0 {
			it.Issued = &cslDate{DateParts: [][]int{{f.Year}}}
		}
		items = append(items, it)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(items)
}

// cslType maps an entry's kind to a CSL item type. Preprints are
// "article" as CSL 1.0.2 advises; a guideline published in a journal is a
// journal article, one published on its own a report.
func cslType(k lint.Kind, f lint.Fields) string {
	switch k {
	case lint.KindJournalArticle:
		return "article-journal"
	case lint.KindBook:
		return "book"
	case lint.KindBookChapter:
		return "chapter"
	case lint.KindWebPage:
		return "webpage"
	case lint.KindPreprint:
		return "article"
	case lint.KindReport:
		return "report"
	case lint.KindGuideline:
		if scholarly(f) {
			return "article-journal"
		}
		return "report"
	}
	if f.Container != "" {
		return "article-journal"
	}
	return "document"
}
