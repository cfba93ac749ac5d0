package textin

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestFirstInvalid(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", -1},
		{"plain ASCII", -1},
		{"乌南 Wunan 👍🏽", -1},
		{"caf\xe9", 3},
		{"ok\xff\xfe", 2},
		{"\xe4\xb9", 0}, // truncated CJK character
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, FirstInvalid([]byte(tt.in)), "%q", tt.in)
	}
}

func TestFirstNULAndLooksBinary(t *testing.T) {
	assert.Equal(t, 4, FirstNUL([]byte("text\x00more")))
	assert.Equal(t, -1, FirstNUL([]byte("text")))
	assert.True(t, LooksBinary([]byte{0x89, 'P', 'N', 'G', 0xff, 0xfe, 0x01, 0x02, 0x03, 0x9a}))
	assert.False(t, LooksBinary([]byte("Caf\xe9 in Kyiv, a Latin-1 file with one odd byte.\r\n")))
}

func FuzzFirstInvalid(f *testing.F) {
	for _, s := range []string{"", "abc", "caf\xe9", "乌南", "\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		i := FirstInvalid(b)
		if (i < 0) != utf8Valid(b) {
			t.Fatalf("FirstInvalid = %d for %q", i, b)
		}
		if i >= 0 && !utf8Valid(b[:i]) {
			t.Fatalf("bytes before %d are not valid in %q", i, b)
		}
	})
}

func ExampleFirstInvalid() {
	fmt.Println(FirstInvalid([]byte("Kyiv")), FirstInvalid([]byte("Caf\xe9")))
	// Output: -1 3
}

func utf8Valid(b []byte) bool { return utf8.Valid(b) }
