package transcheck

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"unicode/utf8"

	"github.com/transcheck/transcheck/align"
	"github.com/transcheck/transcheck/internal/textin"
)

// CoverageIndexFile is the file Coverage.Save writes in its directory.
const CoverageIndexFile = "coverage.tcx"

// The coverage index format (version 1), little-endian:
//
//	magic   "TCCOVIDX" (8 bytes)
//	version uint32
//	section "DOCS": count, then per document the path it was given as,
//	        its encoding ("" for UTF-8) and its text as read, or nothing
//	        (flag 0) when the text is the one the align index holds
//	section "ALGN": the align index (align.Index.WriteTo, itself
//	        versioned and checksummed)
//	end mark "END."
//
// Each section is a 4-byte tag, a uint64 payload length, the payload and
// the payload's CRC-32C; counts and string lengths are unsigned varints.
const (
	coverageMagic   = "TCCOVIDX"
	coverageVersion = 1
)

// ErrCoverageIndex is wrapped by the errors OpenCoverage gives for a file
// that is not a coverage index of this version, or a damaged one.
var ErrCoverageIndex = errors.New("not a valid transcheck coverage index")

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Save writes the coverage to dir (created if missing) as one file,
// CoverageIndexFile, in a versioned, checksummed format that OpenCoverage
// reads. The file is written under a temporary name and renamed, so a
// reader never sees half of it. Checks may run meanwhile.
func (cov *Coverage) Save(dir string) (err error) {
	cov.mu.RLock()
	defer cov.mu.RUnlock()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("save coverage index: %w", err)
	}
	f, err := os.CreateTemp(dir, ".coverage-*.tmp")
	if err != nil {
		return fmt.Errorf("save coverage index: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	var p []byte
	p = binary.AppendUvarint(p, uint64(len(cov.texts)))
	for _, t := range cov.texts {
		p = appendString(p, t.path)
		p = appendString(p, string(t.enc))
		if t.raw == t.body {
			p = append(p, 0)
		} else {
			p = append(p, 1)
			p = appendString(p, t.raw)
		}
	}
	var algn bytes.Buffer
	if _, err := cov.index.WriteTo(&algn); err != nil {
		return fmt.Errorf("save coverage index: %w", err)
	}
	var out bytes.Buffer
	out.WriteString(coverageMagic)
	out.Write(binary.LittleEndian.AppendUint32(nil, coverageVersion))
	for _, s := range []struct {
		tag     string
		payload []byte
	}{{"DOCS", p}, {"ALGN", algn.Bytes()}, {"END.", nil}} {
		var h [12]byte
		copy(h[:], s.tag)
		binary.LittleEndian.PutUint64(h[4:], uint64(len(s.payload)))
		out.Write(h[:])
		out.Write(s.payload)
		out.Write(binary.LittleEndian.AppendUint32(nil, crc32.Checksum(s.payload, castagnoli)))
	}
	if _, err := f.Write(out.Bytes()); err != nil {
		return fmt.Errorf("save coverage index: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("save coverage index: %w", err)
	}
	if err := os.Rename(f.Name(), filepath.Join(dir, CoverageIndexFile)); err != nil {
		return fmt.Errorf("save coverage index: %w", err)
	}
	return nil
}

func appendString(p []byte, s string) []byte {
	p = binary.AppendUvarint(p, uint64(len(s)))
	return append(p, s...)
}

// OpenCoverage loads a coverage saved by Coverage.Save in dir. A missing
// directory or file gives the operating system's error; anything else than
// a coverage index of this version (another file, an older version, a
// damaged or truncated index) gives an error wrapping ErrCoverageIndex that
// says what is wrong. The coverage accepts further documents with Add (up
// to DefaultMaxBytes each; see OpenCoverageOptions).
func OpenCoverage(dir string) (*Coverage, error) {
	return OpenCoverageOptions(dir, 0)
}

// OpenCoverageOptions is OpenCoverage with the largest document Add
// accepts (0 for DefaultMaxBytes), as Options.MaxBytes sets it for
// NewCoverage.
func OpenCoverageOptions(dir string, maxBytes int64) (*Coverage, error) {
	path := filepath.Join(dir, CoverageIndexFile)
	b, err := os.ReadFile(path)
	if err != nil {
		// Name the path once: "coverage index d/x: no such file or
		// directory", not "...: open d/x: no such file or directory".
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("coverage index %s: %w", path, err)
	}
	cov, err := decodeCoverage(b)
	if err != nil {
		return nil, fmt.Errorf("coverage index %s: %w", path, err)
	}
	cov.maxBytes = maxBytes
	return cov, nil
}

func coverageError(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrCoverageIndex, fmt.Sprintf(format, args...))
}

func decodeCoverage(b []byte) (*Coverage, error) {
	if len(b) < len(coverageMagic)+4 || string(b[:len(coverageMagic)]) != coverageMagic {
		return nil, coverageError("no %q header (not a coverage index file)", coverageMagic)
	}
	if v := binary.LittleEndian.Uint32(b[len(coverageMagic):]); v != coverageVersion {
		return nil, coverageError("version %d, this program reads version %d (rebuild the index)", v, coverageVersion)
	}
	rest := b[len(coverageMagic)+4:]
	var sections [3][]byte
	for i, tag := range []string{"DOCS", "ALGN", "END."} {
		if len(rest) < 12 {
			return nil, coverageError("truncated before section %s", tag)
		}
		if got := string(rest[:4]); got != tag {
			return nil, coverageError("section %q where %s was expected", got, tag)
		}
		n := binary.LittleEndian.Uint64(rest[4:12])
		rest = rest[12:]
		if n > uint64(len(rest)) || uint64(len(rest))-n < 4 {
			return nil, coverageError("section %s: truncated (%d bytes announced, %d left)", tag, n, len(rest))
		}
		sections[i], rest = rest[:n], rest[n:]
		if want, got := binary.LittleEndian.Uint32(rest), crc32.Checksum(sections[i], castagnoli); want != got {
			return nil, coverageError("section %s: checksum %08x, expected %08x (the file is damaged)", tag, got, want)
		}
		rest = rest[4:]
	}
	if len(rest) != 0 {
		return nil, coverageError("%d bytes after the end mark", len(rest))
	}
	x, err := align.ReadIndex(bytes.NewReader(sections[1]))
	if err != nil {
		return nil, coverageError("%v", err)
	}
	cov := &Coverage{index: x, byPath: make(map[string]*text)}
	d := sections[0]
	n, err := uvarint(&d)
	if err != nil {
		return nil, err
	}
	if docs, _ := x.Len(); n != uint64(docs) {
		return nil, coverageError("DOCS lists %d documents, the align index holds %d", n, docs)
	}
	cov.texts = make([]*text, 0, n)
	for range n {
		path, err := str(&d)
		if err != nil {
			return nil, err
		}
		enc, err := str(&d)
		if err != nil {
			return nil, err
		}
		if len(d) == 0 {
			return nil, coverageError("DOCS: truncated")
		}
		flag := d[0]
		d = d[1:]
		key := filepath.Clean(path)
		body, ok := x.Text(key)
		if !ok {
			return nil, coverageError("DOCS: %q is not in the align index", path)
		}
		if _, dup := cov.byPath[key]; dup {
			return nil, coverageError("DOCS: %q given twice", path)
		}
		raw := body
		switch flag {
		case 0:
		case 1:
			if raw, err = str(&d); err != nil {
				return nil, err
			}
			if len(raw) != len(body) || !utf8.ValidString(raw) {
				return nil, coverageError("DOCS: %q: text does not match the indexed text", path)
			}
		default:
			return nil, coverageError("DOCS: %q: unknown flag %d", path, flag)
		}
		switch e := textin.Encoding(enc); e {
		case "", textin.UTF8, textin.UTF16LE, textin.UTF16BE, textin.UTF32LE, textin.UTF32BE:
		default:
			return nil, coverageError("DOCS: %q: unknown encoding %q", path, enc)
		}
		t := &text{path: path, raw: raw, enc: textin.Encoding(enc), body: body}
		cov.byPath[key] = t
		cov.texts = append(cov.texts, t)
	}
	if len(d) != 0 {
		return nil, coverageError("DOCS: %d bytes left over", len(d))
	}
	return cov, nil
}

func uvarint(b *[]byte) (uint64, error) {
	v, n := binary.Uvarint(*b)
	if n <= 0 {
		return 0, coverageError("DOCS: bad or truncated number")
	}
	*b = (*b)[n:]
	return v, nil
}

func str(b *[]byte) (string, error) {
	n, err := uvarint(b)
	if err != nil {
		return "", err
	}
	if n > uint64(len(*b)) {
		return "", coverageError("DOCS: string of %d bytes, %d left", n, len(*b))
	}
	s := string((*b)[:n])
	*b = (*b)[n:]
	return s, nil
}
