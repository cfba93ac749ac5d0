package align

import (
	"context"
	"os"
	"path/filepath"

	"github.com/transcheck/transcheck/internal/segment"
)

// Document is a segmented text and the path that names it. Two documents
// with the same cleaned path are the same document: a document never aligns
// to itself.
type Document struct {
	Path string
	Seg  *segment.Document
}

// NewDocument segments text and names it path.
func NewDocument(path, text string) Document {
	return Document{Path: path, Seg: segment.Split(text)}
}

// Query asks a corpus for the coverage sentences most like one sentence.
type Query struct {
	// Text is the sentence as written, for engines that analyse text
	// themselves.
	Text string
	// Fields are the sentence's stems, names and numbers, the same fields
	// SentenceFields gives for indexed sentences.
	Fields Fields
	// Exclude is the path of a document whose sentences must not be
	// returned (the document being checked), or "".
	Exclude string
}

// Candidate is a coverage sentence returned for a query.
type Candidate struct {
	// Path names the coverage document.
	Path string
	// Sentence is the index of the sentence in the coverage document.
	Sentence int
	// Span locates the sentence in the coverage document's text.
	Span segment.Span
	// Text is the sentence.
	Text string
	// Score is the engine's retrieval score; only its order matters.
	Score float64
}

// Corpus is a collection of coverage documents that can be searched
// sentence by sentence. Index is the in-memory implementation; a newsroom's
// search engine can stand behind the same interface (see the package
// documentation). Implementations must be safe for concurrent use.
type Corpus interface {
	// Add indexes a document. Adding a second document with the same path
	// is an error.
	Add(ctx context.Context, d Document) error
	// Candidates returns up to k coverage sentences for the query, best
	// first.
	Candidates(ctx context.Context, q Query, k int) ([]Candidate, error)
}

// SentenceLookup is implemented by a corpus that can return a document's
// sentence by its index (Index does). Comparable then also weighs, beside
// each pair that aligns, the coverage sentences next to its counterpart,
// which retrieval may not bring when they are reworded.
type SentenceLookup interface {
	// Sentence returns sentence i of the document at path, with Score 0,
	// or false if there is none.
	Sentence(path string, i int) (Candidate, bool)
}

// samePathAs returns a test of whether a path names the same document as
// p: the same cleaned path, or the same absolute one. The working
// directory is looked up once, when a relative path first needs it.
func samePathAs(p string) func(string) bool {
	if p == "" {
		return func(string) bool { return false }
	}
	p = filepath.Clean(p)
	var wd string
	var wdErr error
	wdDone := false
	abs := func(q string) (string, bool) {
		if filepath.IsAbs(q) {
			return q, true
		}
		if !wdDone {
			wd, wdErr = os.Getwd()
			wdDone = true
		}
		if wdErr != nil {
			return "", false
		}
		return filepath.Join(wd, q), true
	}
	return func(q string) bool {
		if q == "" {
			return false
		}
		q = filepath.Clean(q)
		if q == p {
			return true
		}
		aq, ok1 := abs(q)
		ap, ok2 := abs(p)
		return ok1 && ok2 && aq == ap
	}
}
