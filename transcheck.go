package transcheck

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/transcheck/transcheck/internal/markup"
	"github.com/transcheck/transcheck/internal/mojibake"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/internal/textin"
	"github.com/transcheck/transcheck/report"
)

// Options configures a Checker. The zero value is ready to use.
type Options struct {
	// Languages are the ISO 639-1 codes the language identifier chooses
	// among. Nil means a small built-in set that covers English and the
	// languages news is most often machine-translated from; every extra
	// language costs memory and time.
	Languages []string
	// MaxBytes is the largest document accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
	// StyleFile names a user gazetteer and style file (see the README):
	// extra place names, preferred spellings, words to allow.
	StyleFile string
	// GeoNamesFile names a GeoNames tab-separated extract whose places are
	// added to the gazetteer.
	GeoNamesFile string
}

// Document is a text to check, or a coverage text to check against.
type Document struct {
	// Path names the document in the report.
	Path string
	// Data is the document's bytes: UTF-8 text, possibly with a BOM, CRLF
	// line ends or HTML markup; or UTF-16 or UTF-32 text that starts with
	// its byte-order mark, which is decoded (the report then gives the
	// document's Encoding, and its spans are offsets into the decoding).
	Data []byte
}

// ReadDocument reads one file. A directory, a missing file or an
// unreadable one gives an *InputError that names the path once.
func ReadDocument(path string) (Document, error) {
	st, err := os.Stat(path)
	if err != nil {
		return Document{}, fileError(path, err)
	}
	if st.IsDir() {
		return Document{}, &InputError{Path: path, Offset: -1, Err: errors.New("is a directory")}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return Document{}, fileError(path, err)
	}
	return Document{Path: path, Data: b}, nil
}

// fileError returns an *InputError for err about the file at path, taking
// the path out of an *fs.PathError so that the message names it once:
// "a.txt: no such file or directory", not "a.txt: stat a.txt: no such
// file or directory". errors.Is still finds fs.ErrNotExist and the like.
func fileError(path string, err error) error {
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		path, err = pe.Path, pe.Err
	}
	return &InputError{Path: path, Offset: -1, Err: err}
}

// ReadDocuments reads a file, or every regular file below a directory
// whose name does not start with a dot, in lexical order (see
// ListDocuments). It returns what it could read and an error for each path
// it could not.
func ReadDocuments(path string) ([]Document, []error) {
	paths, errs := ListDocuments(path)
	var docs []Document
	for _, p := range paths {
		d, err := ReadDocument(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs
}

// ListDocuments returns the files ReadDocuments reads: path itself when it
// is not a directory, otherwise every regular file below it whose name
// (and whose directories' names) do not start with a dot, in lexical
// order. It returns an error for each path it could not list; a caller
// that reads many files can list them first, to read them in batches and
// say how far it got.
func ListDocuments(path string) ([]string, []error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, []error{fileError(path, err)}
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	var paths []string
	var errs []error
	err = filepath.WalkDir(path, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, fileError(p, err))
			if e != nil && e.IsDir() && p != path {
				return filepath.SkipDir // read the rest of the tree
			}
			return nil
		}
		if strings.HasPrefix(e.Name(), ".") && p != path {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.Type().IsRegular() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil { // not reached: the walk function returns no error
		errs = append(errs, fileError(path, err))
	}
	sort.Strings(paths)
	return paths, errs
}

// text is a validated, segmented document. A coverage text is segmented
// and located (line starts found) on first use: a large coverage loaded from
// an index has thousands, of which a check uses a few.
type text struct {
	path string
	raw  string          // the document as read, or its UTF-8 decoding (see enc)
	enc  textin.Encoding // UTF-16 or UTF-32 when raw was decoded from it, else ""
	body string          // raw with HTML markup masked: what is segmented

	seg     *segment.Document // set by prepare, and for the first smallCoverage coverage texts
	locOnce sync.Once
	loc     *report.Locator
	dmgOnce sync.Once
	dmg     []mojibake.Repair // encoding damage in body, found on first use
}

// encodingDamage returns the passages of t decoded with the wrong encoding,
// found on first use; t may be shared by concurrent checks.
func (t *text) encodingDamage() []mojibake.Repair {
	t.dmgOnce.Do(func() { t.dmg = mojibake.Find(t.body) })
	return t.dmg
}

// prepare validates a document and segments it. HTML is masked so that
// markup is not read as text, with every offset kept.
func (c *Checker) prepare(d Document) (*text, error) {
	t, err := prepareText(d, c.opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	t.seg = segment.Split(t.body)
	return t, nil
}

// prepareText validates a document and masks its markup; it is segmented
// on first use.
func prepareText(d Document, maxBytes int64) (*text, error) {
	raw, enc, err := validate(d.Path, d.Data, maxBytes)
	if err != nil {
		return nil, err
	}
	body := raw
	if markup.LooksLikeHTML(raw) {
		body = markup.Mask(raw)
	}
	return &text{path: d.Path, raw: raw, enc: enc, body: body}, nil
}

// segment returns t's segmentation: the one kept, or a new one. A large
// coverage keeps the segmentation of its first smallCoverage texts only,
// so that its memory (and the garbage collector's work) is its texts and
// index; a check segments the few other coverage texts it uses.
func (t *text) segment() *segment.Document {
	if t.seg != nil {
		return t.seg
	}
	return segment.Split(t.body)
}

// span converts a byte range of t to a report span.
func (t *text) span(start, end int) report.Span {
	t.locOnce.Do(func() { t.loc = report.NewLocator(t.raw) })
	return t.loc.Span(start, end)
}

// Check checks one document against coverage: other articles on the same
// story, aligned sentence by sentence in any order. With no coverage it
// checks the text alone. The report holds one document. To check many
// documents against the same coverage, build it once with NewCoverage and
// call CheckCoverage.
//
// A document that cannot be read as text gives an *InputError; coverage
// documents that cannot be read are left out, and the report's Notices
// say which and why.
func (c *Checker) Check(ctx context.Context, doc Document, coverage ...Document) (*report.Report, error) {
	cov, err := c.NewCoverage(ctx, coverage...)
	if cov == nil {
		return nil, err
	}
	return c.CheckCoverage(ctx, doc, cov)
}
