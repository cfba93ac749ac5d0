package align

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"unicode/utf8"
)

// The saved index format (version 1), little-endian:
//
//	magic   "TCALIGNX" (8 bytes)
//	version uint32
//	then the sections "DOCS", "VOCB", "SENT", in that order, each:
//	  tag     4 bytes
//	  length  uint64, of the payload
//	  payload
//	  crc     uint32, CRC-32C (Castagnoli) of the payload
//	and the end mark "END." with length 0 and the CRC of nothing.
//
// DOCS: count, then per document its cleaned path, its text and its number
// of sentences. VOCB: count, then per term id in order its field kind
// (one byte) and value. SENT: per sentence of every document in order its
// start, its length, its number of term ids and the ids, sorted, delta-coded.
// Counts, lengths and ids are unsigned varints; strings are a varint length
// and the bytes. The postings and their heads are not stored: ReadIndex
// rebuilds them from the forward index as Add builds them, so a loaded
// index answers every query as the saved one did.
const (
	indexMagic   = "TCALIGNX"
	indexVersion = 1
)

// ErrIndexFormat is wrapped by the errors ReadIndex gives for input that is
// not a saved index of this version: a foreign file, a damaged one (a
// checksum that does not match, a truncated section) or one that
// contradicts itself.
var ErrIndexFormat = errors.New("not a valid transcheck align index")

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// WriteTo writes the index in the saved index format (see ReadIndex). It
// takes the read lock: queries may run meanwhile, additions wait.
func (x *Index) WriteTo(w io.Writer) (int64, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	cw := &countWriter{w: bufio.NewWriterSize(w, 1<<16)}
	cw.Write([]byte(indexMagic))
	cw.Write(binary.LittleEndian.AppendUint32(nil, indexVersion))

	var p []byte
	p = binary.AppendUvarint(p[:0], uint64(len(x.docs)))
	for _, d := range x.docs {
		p = appendString(p, d.path)
		p = appendString(p, d.text)
		p = binary.AppendUvarint(p, uint64(d.end-d.first))
	}
	writeSection(cw, "DOCS", p)

	vocab := make([]struct {
		kind byte
		v    string
	}, len(x.terms))
	for kind := range x.vocab {
		for v, id := range x.vocab[kind] {
			vocab[id].kind, vocab[id].v = byte(kind), v
		}
	}
	p = binary.AppendUvarint(p[:0], uint64(len(vocab)))
	for _, e := range vocab {
		p = append(p, e.kind)
		p = appendString(p, e.v)
	}
	writeSection(cw, "VOCB", p)

	p = p[:0]
	for _, s := range x.sents {
		p = binary.AppendUvarint(p, uint64(s.start))
		p = binary.AppendUvarint(p, uint64(s.end-s.start))
		ids := x.forward(s)
		p = binary.AppendUvarint(p, uint64(len(ids)))
		prev := uint32(0)
		for _, id := range ids {
			p = binary.AppendUvarint(p, uint64(id-prev))
			prev = id
		}
	}
	writeSection(cw, "SENT", p)
	writeSection(cw, "END.", nil)
	if cw.err == nil {
		cw.err = cw.w.(*bufio.Writer).Flush()
	}
	if cw.err != nil {
		return cw.n, fmt.Errorf("align: write index: %w", cw.err)
	}
	return cw.n, nil
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(b []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(b)
	c.n += int64(n)
	c.err = err
	return n, err
}

func writeSection(w *countWriter, tag string, payload []byte) {
	var h [12]byte
	copy(h[:4], tag)
	binary.LittleEndian.PutUint64(h[4:], uint64(len(payload)))
	w.Write(h[:])
	w.Write(payload)
	w.Write(binary.LittleEndian.AppendUint32(nil, crc32.Checksum(payload, castagnoli)))
}

func appendString(p []byte, s string) []byte {
	p = binary.AppendUvarint(p, uint64(len(s)))
	return append(p, s...)
}

// ReadIndex reads an index saved by WriteTo. Anything else (another file,
// another version, a damaged or truncated index) gives an error that wraps
// ErrIndexFormat and says what is wrong; it never panics. Documents can be
// added to the index it returns.
func ReadIndex(r io.Reader) (*Index, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("align: read index: %w", err)
	}
	x, err := decodeIndex(b)
	if err != nil {
		return nil, fmt.Errorf("align: read index: %w", err)
	}
	return x, nil
}

// formatError wraps ErrIndexFormat with what is wrong.
func formatError(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrIndexFormat, fmt.Sprintf(format, args...))
}

func decodeIndex(b []byte) (*Index, error) {
	if len(b) < len(indexMagic)+4 || !bytes.Equal(b[:len(indexMagic)], []byte(indexMagic)) {
		return nil, formatError("no %q header (not an align index file)", indexMagic)
	}
	if v := binary.LittleEndian.Uint32(b[len(indexMagic):]); v != indexVersion {
		return nil, formatError("version %d, this program reads version %d (rebuild the index)", v, indexVersion)
	}
	rest := b[len(indexMagic)+4:]
	var sections [4][]byte
	for i, tag := range []string{"DOCS", "VOCB", "SENT", "END."} {
		var err error
		if sections[i], rest, err = readSection(rest, tag); err != nil {
			return nil, err
		}
	}
	if len(rest) != 0 {
		return nil, formatError("%d bytes after the end mark", len(rest))
	}
	x := NewIndex()

	docs := &decoder{b: sections[0], what: "DOCS"}
	n := docs.count(1 + 1 + 1)
	x.docs = make([]docRec, 0, n)
	var nsents uint32
	for range n {
		path := docs.str()
		text := docs.str()
		k := docs.uvarint()
		if k > uint64(len(sections[2])/3) {
			docs.fail("document %d has %d sentences, more than section SENT holds", len(x.docs), k)
		}
		if docs.err != nil {
			return nil, docs.err
		}
		if path == "" || !utf8.ValidString(path) || !utf8.ValidString(text) {
			return nil, formatError("DOCS: document %d: path or text is not UTF-8 text", len(x.docs))
		}
		if _, dup := x.byPath[path]; dup {
			return nil, formatError("DOCS: %q given twice", path)
		}
		x.byPath[path] = uint32(len(x.docs))
		x.docs = append(x.docs, docRec{path: path, text: text, first: nsents, end: nsents + uint32(k)})
		nsents += uint32(k)
		if uint64(nsents) > uint64(len(sections[2])/3) {
			return nil, formatError("DOCS: more sentences than section SENT holds")
		}
	}
	if err := docs.done(); err != nil {
		return nil, err
	}

	voc := &decoder{b: sections[1], what: "VOCB"}
	nt := voc.count(2)
	x.terms = make([]postings, nt)
	for id := range nt {
		kind := voc.byte()
		v := voc.str()
		if voc.err != nil {
			return nil, voc.err
		}
		if int(kind) >= numKinds {
			return nil, formatError("VOCB: term %d has field kind %d", id, kind)
		}
		if _, dup := x.vocab[kind][v]; dup {
			return nil, formatError("VOCB: term %q given twice", v)
		}
		x.vocab[kind][v] = uint32(id)
	}
	if err := voc.done(); err != nil {
		return nil, err
	}

	// Decode every sentence first, so that each term's posting list can
	// be allocated at its final size (one slab for all) before the
	// postings are rebuilt in the order Add made them.
	snt := &decoder{b: sections[2], what: "SENT"}
	type sentSpan struct {
		start, end int32
		ids        int // where the sentence's ids start in all
	}
	spans := make([]sentSpan, 0, nsents)
	all := make([]uint32, 0, len(sections[2])/2)
	df := make([]int, nt)
	for _, d := range x.docs {
		for i := range d.end - d.first {
			start := snt.uvarint()
			length := snt.uvarint()
			k := snt.count(1)
			if snt.err != nil {
				return nil, snt.err
			}
			if start > uint64(len(d.text)) || length > uint64(len(d.text))-start {
				return nil, formatError("SENT: %s: sentence %d lies outside the text", d.path, i)
			}
			spans = append(spans, sentSpan{int32(start), int32(start + length), len(all)})
			prev := uint64(0)
			for j := range k {
				id := prev + snt.uvarint()
				if snt.err != nil {
					return nil, snt.err
				}
				if id >= uint64(nt) || j > 0 && id < prev {
					return nil, formatError("SENT: %s: sentence %d: term id %d out of range", d.path, i, id)
				}
				if j == 0 || id != prev {
					df[id]++
				}
				all = append(all, uint32(id))
				prev = id
			}
		}
	}
	total := 0
	for _, n := range df {
		total += n
	}
	slab := make([]posting, total)
	for id, n := range df {
		x.terms[id].all = slab[:0:n]
		slab = slab[n:]
	}
	x.sents = make([]sentRec, 0, nsents)
	sent := 0
	for docID, d := range x.docs {
		for i := range d.end - d.first {
			sp := spans[sent]
			end := len(all)
			if sent+1 < len(spans) {
				end = spans[sent+1].ids
			}
			x.addSentence(uint32(docID), i, sp.start, sp.end, all[sp.ids:end])
			sent++
		}
	}
	if err := snt.done(); err != nil {
		return nil, err
	}
	return x, nil
}

// readSection splits the section tag from the front of b, checking its
// length and checksum.
func readSection(b []byte, tag string) (payload, rest []byte, err error) {
	if len(b) < 12 {
		return nil, nil, formatError("truncated before section %s", tag)
	}
	if got := string(b[:4]); got != tag {
		return nil, nil, formatError("section %q where %s was expected", got, tag)
	}
	n := binary.LittleEndian.Uint64(b[4:12])
	b = b[12:]
	if n > uint64(len(b)) || uint64(len(b))-n < 4 {
		return nil, nil, formatError("section %s: truncated (%d bytes announced, %d left)", tag, n, len(b))
	}
	payload, b = b[:n], b[n:]
	if want, got := binary.LittleEndian.Uint32(b), crc32.Checksum(payload, castagnoli); want != got {
		return nil, nil, formatError("section %s: checksum %08x, expected %08x (the file is damaged)", tag, got, want)
	}
	return payload, b[4:], nil
}

// decoder reads varints and strings from a section, remembering the first
// error.
type decoder struct {
	b    []byte
	what string
	err  error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = formatError(d.what+": "+format, args...)
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("bad or truncated number")
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a count of items that take at least min bytes each, so that
// a damaged count cannot make the reader allocate more than the section
// could hold.
func (d *decoder) count(min int) int {
	v := d.uvarint()
	if v > uint64(len(d.b)/min)+1 || v > 1<<31 {
		d.fail("count %d larger than the section", v)
		return 0
	}
	return int(v)
}

func (d *decoder) byte() byte {
	if d.err != nil {
		return 0
	}
	if len(d.b) == 0 {
		d.fail("truncated")
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) str() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.b)) {
		d.fail("string of %d bytes, %d left", n, len(d.b))
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) done() error {
	if d.err == nil && len(d.b) != 0 {
		d.fail("%d bytes left over", len(d.b))
	}
	return d.err
}
