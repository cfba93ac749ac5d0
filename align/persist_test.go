package align

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// savedIndex returns the bytes of an index of the seeds and a synthetic
// corpus of n documents, and the index itself.
func savedIndex(t testing.TB, n int) ([]byte, *Index) {
	t.Helper()
	x := NewIndex()
	for _, d := range append(synthCorpus(seeds(t), n, 3), seeds(t)...) {
		require.NoError(t, x.Add(context.Background(), d))
	}
	var buf bytes.Buffer
	m, err := x.WriteTo(&buf)
	require.NoError(t, err)
	require.Equal(t, int64(buf.Len()), m)
	return buf.Bytes(), x
}

// TestIndexSaveLoad checks that a loaded index answers every query as the
// saved one does, and that documents can be added to it afterwards as to
// the original.
func TestIndexSaveLoad(t *testing.T) {
	b, x := savedIndex(t, 600) // enough documents for heads (more than headSize postings)
	y, err := ReadIndex(bytes.NewReader(b))
	require.NoError(t, err)
	xd, xs := x.Len()
	yd, ys := y.Len()
	require.Equal(t, xd, yd)
	require.Equal(t, xs, ys)
	heads := 0
	for _, p := range y.terms {
		if p.head != nil {
			heads++
		}
	}
	require.Positive(t, heads, "the corpus must be large enough for heads")

	ctx := context.Background()
	compare := func(x, y *Index) {
		for _, d := range seeds(t) {
			for i, s := range d.Seg.Sentences {
				q := Query{Text: d.Seg.Slice(s.Span), Fields: SentenceFields(d.Seg, i)}
				a, err := x.Candidates(ctx, q, 10)
				require.NoError(t, err)
				b, err := y.Candidates(ctx, q, 10)
				require.NoError(t, err)
				require.Equal(t, a, b, "query %q", q.Text)
			}
		}
	}
	compare(x, y)

	extra := synthCorpus(seeds(t), 20, 99)
	for i, d := range extra {
		d.Path = fmt.Sprintf("extra/%d.txt", i)
		require.NoError(t, x.Add(ctx, d))
		require.NoError(t, y.Add(ctx, d))
	}
	compare(x, y)
	require.Error(t, y.Add(ctx, seeds(t)[0]), "a loaded index still refuses a path twice")

	text, ok := y.Text(seeds(t)[1].Path)
	require.True(t, ok)
	assert.Equal(t, seeds(t)[1].Seg.Text, text)
}

func TestIndexSaveEmpty(t *testing.T) {
	var buf bytes.Buffer
	_, err := NewIndex().WriteTo(&buf)
	require.NoError(t, err)
	y, err := ReadIndex(&buf)
	require.NoError(t, err)
	d, s := y.Len()
	assert.Zero(t, d+s)
}

// TestReadIndexRejects checks that foreign, damaged and self-contradicting
// files give ErrIndexFormat with a reason, never a panic.
func TestReadIndexRejects(t *testing.T) {
	good, _ := savedIndex(t, 3)
	flip := func(off int) []byte {
		b := bytes.Clone(good)
		b[off] ^= 0x40
		return b
	}
	// resign rewrites section i's checksum after a change, so that only
	// the structure checks can catch it.
	resign := func(b []byte, section int) []byte {
		off := len(indexMagic) + 4
		for range section {
			n := binary.LittleEndian.Uint64(b[off+4:])
			off += 12 + int(n) + 4
		}
		n := int(binary.LittleEndian.Uint64(b[off+4:]))
		p := b[off+12 : off+12+n]
		binary.LittleEndian.PutUint32(b[off+12+n:], crc32.Checksum(p, castagnoli))
		return b
	}
	sentOff := func() int { // first byte of SENT's payload
		off := len(indexMagic) + 4
		for range 2 {
			off += 12 + int(binary.LittleEndian.Uint64(good[off+4:])) + 4
		}
		return off + 12
	}()
	badSpan := bytes.Clone(good)
	binary.PutUvarint(badSpan[sentOff:], 1<<20) // the first sentence starts beyond its text
	for name, tc := range map[string]struct {
		in   []byte
		want string
	}{
		"empty":       {nil, "header"},
		"text file":   {[]byte("Kyiv, 6 December. The mayor said the city was calm.\n"), "header"},
		"gzip":        {[]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3}, "header"},
		"version":     {append([]byte(indexMagic), 9, 0, 0, 0), "version 9"},
		"truncated":   {good[:len(good)/2], "truncated"},
		"no end":      {good[:len(good)-16], "truncated"},
		"bit flip":    {flip(len(good) / 2), "checksum"},
		"trailing":    {append(bytes.Clone(good), 0), "after the end mark"},
		"bad span":    {resign(badSpan, 2), "outside the text"},
		"section tag": {flip(len(indexMagic) + 4), "where DOCS was expected"},
	} {
		t.Run(name, func(t *testing.T) {
			x, err := ReadIndex(bytes.NewReader(tc.in))
			require.Error(t, err)
			assert.Nil(t, x)
			assert.True(t, errors.Is(err, ErrIndexFormat), "%v", err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// FuzzReadIndex feeds ReadIndex damaged indexes: it must give an index or
// an error wrapping ErrIndexFormat, and a loaded index must answer
// queries without panicking.
func FuzzReadIndex(f *testing.F) {
	x := NewIndex()
	for _, d := range []Document{
		NewDocument("a.txt", "Kyiv said on Monday that 300 drones flew. The mayor of Kharkiv agreed."),
		NewDocument("b.txt", "“It is over,” he said. Officials counted 1.5 million people."),
	} {
		if err := x.Add(context.Background(), d); err != nil {
			f.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(indexMagic + "\x01\x00\x00\x00"))
	f.Add([]byte{})
	q := NewDocument("q.txt", "The mayor of Kharkiv said 300 drones flew on Monday.")
	f.Fuzz(func(t *testing.T, b []byte) {
		y, err := ReadIndex(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, ErrIndexFormat) {
				t.Fatalf("error does not wrap ErrIndexFormat: %v", err)
			}
			return
		}
		if _, err := Comparable(context.Background(), q, y, Options{}); err != nil {
			t.Fatal(err)
		}
	})
}
