package align

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/internal/textin"
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

// ErrNotText is returned for input that is not UTF-8 text.
var ErrNotText = errors.New("not UTF-8 text")

// maxFileSize bounds a document read from a file or reader: news texts are
// kilobytes, and a file of gigabytes is a mistake.
const maxFileSize = 64 << 20

// ReadDocument reads a document from r and names it path. It rejects input
// that is not UTF-8 text (invalid UTF-8, or NUL bytes as binary files have)
// with an error that wraps ErrNotText and names path and the offset.
func ReadDocument(path string, r io.Reader) (Document, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return Document{}, fmt.Errorf("align: %s: %w", path, err)
	}
	if len(b) > maxFileSize {
		return Document{}, fmt.Errorf("align: %s: larger than %d MB", path, maxFileSize>>20)
	}
	if err := checkText(b); err != nil {
		return Document{}, fmt.Errorf("align: %s: %w", path, err)
	}
	return NewDocument(path, string(b)), nil
}

// checkText reports where b stops being text.
func checkText(b []byte) error {
	if i := textin.FirstNUL(b); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d (a binary file?)", ErrNotText, i)
	}
	if i := textin.FirstInvalid(b); i >= 0 {
		return fmt.Errorf("%w: invalid UTF-8 at offset %d", ErrNotText, i)
	}
	return nil
}

// ReadFile reads the document at path, as ReadDocument does. The document's
// path is path cleaned.
func ReadFile(path string) (Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return Document{}, fmt.Errorf("align: %w", err)
	}
	defer f.Close()
	return ReadDocument(filepath.Clean(path), f)
}

// AddFile reads the file at path and adds it to c.
func AddFile(ctx context.Context, c Corpus, path string) error {
	d, err := ReadFile(path)
	if err != nil {
		return err
	}
	return c.Add(ctx, d)
}

// AddDir adds every file under dir whose name ends in ".txt" (in any case),
// walking subdirectories, and returns how many it added. See AddPaths.
func AddDir(ctx context.Context, c Corpus, dir string) (int, error) {
	return AddPaths(ctx, c, dir)
}

// AddPaths adds documents to c: each path names a file, added whatever its
// name, or a directory, whose files ending in ".txt" (in any case) are
// added, subdirectories included and hidden files and directories (names
// starting with ".") skipped. Files are read and segmented in parallel and
// added in order: the paths in the order given, a directory's files in
// lexical order. AddPaths returns how many documents it added; it stops at
// the first file, in that order, that cannot be read or is not UTF-8 text,
// with an error that names the file.
func AddPaths(ctx context.Context, c Corpus, paths ...string) (int, error) {
	var files []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return 0, fmt.Errorf("align: %w", err)
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("align: %w", err)
			}
			name := e.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if e.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if e.Type().IsRegular() && strings.EqualFold(filepath.Ext(name), ".txt") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
	}
	return addFiles(ctx, c, files)
}

// addFiles reads and segments files on every processor and adds them to c
// in order. For an Index, the work Add does outside its lock is done in
// parallel too.
func addFiles(ctx context.Context, c Corpus, files []string) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		doc    Document
		staged staged
		err    error
	}
	x, isIndex := c.(*Index)
	workers := min(runtime.GOMAXPROCS(0), max(len(files), 1))
	results := make([]chan result, len(files))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	// a window of files in flight bounds the memory the workers use
	window := make(chan struct{}, 4*workers)
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range files {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		go func() {
			for i := range next {
				var r result
				r.doc, r.err = ReadFile(files[i])
				if r.err == nil && isIndex {
					r.staged, r.err = stage(r.doc)
				}
				results[i] <- r
			}
		}()
	}
	for i := range files {
		var r result
		select {
		case r = <-results[i]:
		case <-ctx.Done():
			return i, ctx.Err()
		}
		<-window
		if r.err == nil {
			if isIndex {
				r.err = x.commit(r.staged)
				r.staged.release()
			} else {
				r.err = c.Add(ctx, r.doc)
			}
		}
		if r.err != nil {
			return i, r.err
		}
	}
	return len(files), nil
}

// samePath reports whether two document paths name the same document.
func samePath(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	a, b = filepath.Clean(a), filepath.Clean(b)
	if a == b {
		return true
	}
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == ab
}
