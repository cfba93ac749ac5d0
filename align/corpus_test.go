package align

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadDocument(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		wantErr string
	}{
		{"text", "Putin’s army.\n", ""},
		{"byte order mark and CRLF", "\ufeffLine one.\r\nLine two.\r\n", ""},
		{"empty", "", ""},
		{"invalid UTF-8", "Kyiv \xff\xfe", "invalid UTF-8 at offset 5"},
		{"binary", "PK\x03\x04\x00\x00", "NUL byte at offset 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadDocument("in/doc.txt", strings.NewReader(tt.input))
			if tt.wantErr == "" {
				require.NoError(t, err)
				assert.Equal(t, "in/doc.txt", d.Path)
				assert.Equal(t, tt.input, d.Seg.Text, "the text is kept as read")
				return
			}
			require.Error(t, err)
			require.ErrorIs(t, err, ErrNotText)
			assert.Contains(t, err.Error(), "in/doc.txt", "the error names the file")
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}

	_, err := ReadDocument("broken", iotest.ErrReader(errors.New("disk on fire")))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "broken")
	assert.Contains(t, err.Error(), "disk on fire")
}

func TestAddPaths(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	write("b.txt", "The mayor opened the bridge.")
	write("a.TXT", "Farmers expect a record harvest.")
	write("sub/c.txt", "The festival drew 4,200 visitors.")
	write("notes.md", "Not coverage.")
	write(".hidden.txt", "Hidden.")
	write(".git/d.txt", "Hidden directory.")
	other := filepath.Join(t.TempDir(), "single.dat")
	require.NoError(t, os.WriteFile(other, []byte("A file named explicitly is added whatever its name."), 0o644))

	ctx := context.Background()
	x := NewIndex()
	n, err := AddPaths(ctx, x, dir, other)
	require.NoError(t, err)
	assert.Equal(t, 4, n)
	var paths []string
	for _, d := range x.docs {
		paths = append(paths, d.path)
	}
	assert.Equal(t, []string{
		filepath.Join(dir, "a.TXT"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "sub", "c.txt"), other,
	}, paths, "a directory's files in lexical order, then the next path")

	// a second load of the same files is refused by the index
	_, err = AddDir(ctx, x, dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "already in the index")

	// a binary file stops the load with an error that names it
	write("sub/e.txt", "ok\x00binary")
	n, err = AddDir(ctx, NewIndex(), dir)
	require.Error(t, err)
	require.ErrorIs(t, err, ErrNotText)
	assert.Contains(t, err.Error(), filepath.Join(dir, "sub", "e.txt"))
	assert.Equal(t, 3, n, "the files before it were added")

	_, err = AddPaths(ctx, NewIndex(), filepath.Join(dir, "missing"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "missing")

	canceled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = AddDir(canceled, NewIndex(), dir)
	require.ErrorIs(t, err, context.Canceled)
}

// listCorpus is a Corpus that is not an Index, to check that loaders work
// through the interface.
type listCorpus struct{ docs []Document }

func (l *listCorpus) Add(_ context.Context, d Document) error {
	l.docs = append(l.docs, d)
	return nil
}

func (l *listCorpus) Candidates(context.Context, Query, int) ([]Candidate, error) { return nil, nil }

func TestAddPathsOtherCorpus(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"1.txt", "2.txt", "3.txt"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("Text "+name), 0o644))
	}
	var l listCorpus
	n, err := AddDir(context.Background(), &l, dir)
	require.NoError(t, err)
	assert.Equal(t, 3, n)
	require.Len(t, l.docs, 3)
	assert.Equal(t, "Text 2.txt", l.docs[1].Seg.Text)
}

func TestReadFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ref.txt")
	require.NoError(t, os.WriteFile(p, []byte("Reference text."), 0o644))
	d, err := ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, p, d.Path)
	require.Len(t, d.Seg.Sentences, 1)

	_, err = ReadFile(p + ".missing")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "ref.txt.missing")
}

func FuzzReadDocument(f *testing.F) {
	f.Add([]byte("Putin’s army.\n"))
	f.Add([]byte("\xff"))
	f.Add([]byte("a\x00b"))
	f.Add([]byte("\ufeff“quoted”\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ReadDocument("f.txt", strings.NewReader(string(b)))
		if err != nil {
			if !errors.Is(err, ErrNotText) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if d.Seg.Text != string(b) {
			t.Fatal("text changed")
		}
		// what was read can be indexed and aligned without error
		x := NewIndex()
		if err := x.Add(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if _, err := Comparable(context.Background(), NewDocument("g.txt", string(b)), x, Options{}); err != nil {
			t.Fatal(err)
		}
		if _, err := Parallel(context.Background(), d, d, Options{}); err != nil {
			t.Fatal(err)
		}
	})
}
