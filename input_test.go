package transcheck_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck"
	"github.com/transcheck/transcheck/report"
	"github.com/transcheck/transcheck/seeds"
)

// encodeUnicode writes s in UTF-16 or UTF-32 (unit 2 or 4), in either byte
// order, with a byte-order mark when bom is set.
func encodeUnicode(s string, unit int, big, bom bool) []byte {
	if bom {
		s = "\uFEFF" + s
	}
	var order binary.AppendByteOrder = binary.LittleEndian
	if big {
		order = binary.BigEndian
	}
	var out []byte
	for _, r := range s {
		if unit == 4 {
			out = order.AppendUint32(out, uint32(r))
			continue
		}
		for _, u := range utf16.Encode([]rune{r}) {
			out = order.AppendUint16(out, u)
		}
	}
	return out
}

// A UTF-16 or UTF-32 file with a byte-order mark is decoded and checked
// like its UTF-8 form: the same findings, spans that are offsets into the
// decoding (which keeps the mark), and file offsets recoverable as
// Document.Encoding documents.
func TestUTF16AndUTF32Decoded(t *testing.T) {
	s, ok := seeds.Get("002")
	require.True(t, ok)
	c := checker(t)
	want, err := c.Check(context.Background(), transcheck.Document{Path: "doc", Data: append([]byte("\uFEFF"), s.Data...)})
	require.NoError(t, err)
	require.NotEmpty(t, want.Documents[0].Findings)
	for _, tt := range []struct {
		enc  string
		unit int
		big  bool
	}{{"UTF-16LE", 2, false}, {"UTF-16BE", 2, true}, {"UTF-32LE", 4, false}, {"UTF-32BE", 4, true}} {
		t.Run(tt.enc, func(t *testing.T) {
			file := encodeUnicode(string(s.Data), tt.unit, tt.big, true)
			got, err := c.Check(context.Background(), transcheck.Document{Path: "doc", Data: file})
			require.NoError(t, err)
			d := got.Documents[0]
			assert.Equal(t, tt.enc, d.Encoding)
			require.Equal(t, len(want.Documents[0].Findings), len(d.Findings))
			for i, f := range d.Findings {
				w := want.Documents[0].Findings[i]
				assert.Equal(t, w.Rule, f.Rule)
				assert.Equal(t, w.Span, f.Span, "offsets into the decoding, which keeps the BOM")
				assert.Equal(t, w.Text, f.Text)
				// The documented mapping back to the file.
				before := d.Text[:f.Span.Start]
				units := len(utf16.Encode([]rune(before)))
				fileOff := 2 * units
				if tt.unit == 4 {
					fileOff = 4 * utf8.RuneCountInString(before)
				}
				n := len(encodeUnicode(f.Text, tt.unit, tt.big, false))
				assert.Equal(t, encodeUnicode(f.Text, tt.unit, tt.big, false), file[fileOff:fileOff+n])
			}
		})
	}
}

func TestUnicodeInputErrors(t *testing.T) {
	c := checker(t)
	lone := append(encodeUnicode("Kyiv ", 2, false, true), 0x00, 0xDC) // lone low surrogate at byte 12
	tests := []struct {
		name   string
		data   []byte
		want   error
		offset int
		msg    string
	}{
		{"unpaired surrogate", lone, transcheck.ErrInvalidEncoding, 12, "byte-order mark says UTF-16LE"},
		{"UTF-16 without BOM", encodeUnicode("Plain text without a mark.", 2, false, false), transcheck.ErrInvalidUTF8, 1, "looks like UTF-16 without a byte-order mark"},
		{"UTF-32 BOM, then nothing", encodeUnicode("", 4, true, true), transcheck.ErrEmpty, -1, "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Check(context.Background(), transcheck.Document{Path: "in.txt", Data: tt.data})
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.want)
			var ie *transcheck.InputError
			require.True(t, errors.As(err, &ie))
			assert.Equal(t, tt.offset, ie.Offset)
			assert.Contains(t, err.Error(), tt.msg)
			assert.NotContains(t, err.Error(), "binary")
		})
	}
}

// Check leaves out coverage it cannot read and says so in the report;
// NewCoverage returns one error per document left out.
func TestUnreadableCoverageNoticed(t *testing.T) {
	c := checker(t)
	s000, _ := seeds.Get("000")
	s003, _ := seeds.Get("003")
	cov := []transcheck.Document{
		{Path: "003.txt", Data: s003.Data},
		{Path: "latin1.txt", Data: []byte("Caf\xe9 in Kyiv.")},
		{Path: "003.txt", Data: s003.Data},
	}
	r, err := c.Check(context.Background(), transcheck.Document{Path: "000.txt", Data: s000.Data}, cov...)
	require.NoError(t, err)
	require.Len(t, r.Notices, 2)
	assert.Equal(t, "latin1.txt", r.Notices[0].Path)
	assert.Equal(t, "coverage left out: latin1.txt: invalid UTF-8 at byte 3 (convert the file to UTF-8 first)", r.Notices[0].Message)
	assert.Equal(t, "003.txt", r.Notices[1].Path)
	assert.Contains(t, r.Notices[1].Message, "given twice")
	assert.NotEmpty(t, r.Documents[0].Alignments, "the readable coverage is used")

	_, err = c.NewCoverage(context.Background(), cov...)
	var ce *transcheck.CoverageError
	require.True(t, errors.As(err, &ce))
	require.Len(t, ce.Errs, 2)
	assert.ErrorIs(t, err, transcheck.ErrInvalidUTF8)

	clean, err := c.Check(context.Background(), transcheck.Document{Path: "000.txt", Data: s000.Data}, cov[0])
	require.NoError(t, err)
	assert.Empty(t, clean.Notices)
}

func TestReadErrorsNamePathOnce(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	_, err := transcheck.ReadDocument(missing)
	assert.ErrorIs(t, err, os.ErrNotExist)
	assert.Equal(t, missing+": no such file or directory", err.Error())
	_, errs := transcheck.ReadDocuments(missing)
	require.Len(t, errs, 1)
	assert.Equal(t, missing+": no such file or directory", errs[0].Error())

	_, err = transcheck.New(transcheck.Options{StyleFile: missing})
	assert.ErrorIs(t, err, os.ErrNotExist)
	assert.Equal(t, "style file "+missing+": no such file or directory", err.Error())
	_, err = transcheck.New(transcheck.Options{GeoNamesFile: missing})
	assert.Equal(t, "GeoNames file "+missing+": no such file or directory", err.Error())
	_, err = transcheck.New(transcheck.Options{Languages: []string{"en", "xx"}})
	assert.Equal(t, 1, strings.Count(err.Error(), ":"), err.Error())
}

// Encoding damage in a document is an encoding finding with the repaired
// text as its suggestion.
func TestMojibakeFinding(t *testing.T) {
	text := "The minister didn\u00e2\u20ac\u2122t attend the talks in Z\u00c3\u00bcrich on Tuesday. Officials in S\u00e3o Paulo agreed.\n"
	r, err := checker(t).Check(context.Background(), transcheck.Document{Path: "t.txt", Data: []byte(text)})
	require.NoError(t, err)
	var got []string
	for _, f := range r.Documents[0].Findings {
		if f.Category == report.Encoding {
			assert.Equal(t, "encoding/mojibake", f.Rule)
			assert.Equal(t, text[f.Span.Start:f.Span.End], f.Text)
			got = append(got, f.Text+" → "+f.Suggestions[0])
		}
	}
	assert.Equal(t, []string{"\u00e2\u20ac\u2122 → ’", "\u00c3\u00bc → ü"}, got)
	_, ok := r.Rule("encoding/mojibake")
	assert.True(t, ok, "the report documents the rule")
}

// Coverage with encoding damage that the text aligns with is named in a
// notice, once per document, so the editor knows its evidence may read
// garbled.
func TestDamagedCoverageNoticed(t *testing.T) {
	s000, _ := seeds.Get("000")
	s003, _ := seeds.Get("003")
	// Its dashes as UTF-8 read as Windows-1252.
	damaged := bytes.ReplaceAll(s003.Data, []byte("–"), []byte("\u00e2\u20ac\u201c"))
	require.False(t, bytes.Equal(s003.Data, damaged))
	r, err := checker(t).Check(context.Background(), transcheck.Document{Path: "000.txt", Data: s000.Data},
		transcheck.Document{Path: "003.txt", Data: damaged})
	require.NoError(t, err)
	require.NotEmpty(t, r.Documents[0].Alignments)
	require.Len(t, r.Notices, 1)
	assert.Equal(t, "003.txt", r.Notices[0].Path)
	assert.Contains(t, r.Notices[0].Message, "encoding damage")
	assert.Contains(t, r.Notices[0].Message, "“\u00e2\u20ac\u201c” should read “–”")

	clean, err := checker(t).Check(context.Background(), transcheck.Document{Path: "000.txt", Data: s000.Data},
		transcheck.Document{Path: "003.txt", Data: s003.Data})
	require.NoError(t, err)
	assert.Empty(t, clean.Notices)
}
