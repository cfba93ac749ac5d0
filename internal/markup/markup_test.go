package markup

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMask(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"<p>Hello</p>", "\n  Hello\n   "},
		{"a<b>bold</b>c", "a   bold    c"},
		{"x<script>alert(1)</script>y", "x" + strings.Repeat(" ", 25) + "y"},
		{"Tom &amp; Jerry", "Tom &     Jerry"},
		{"Putin&rsquo;s", "Putin’    s"},
		{"<!-- note -->text", strings.Repeat(" ", 13) + "text"},
		{"a < b and c > d", "a < b and c > d"},
		{"&bogus; & stays", "&bogus; & stays"},
		{"<p>unclosed", "\n  unclosed"},
		{"<a href=\"x\">link", "            link"},
		{"tail <", "tail <"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Mask(tt.in)
			assert.Equal(t, tt.want, got)
			assert.Len(t, got, len(tt.in), "length kept")
		})
	}
}

func TestLooksLikeHTML(t *testing.T) {
	assert.True(t, LooksLikeHTML("<!DOCTYPE html><html><body><p>x</p></body></html>"))
	assert.True(t, LooksLikeHTML("<p>One</p><p>Two</p>"))
	assert.False(t, LooksLikeHTML("If a < b then c > d.\nPlain text."))
	assert.False(t, LooksLikeHTML(""))
}

func FuzzMask(f *testing.F) {
	for _, s := range []string{"<p>x</p>", "&amp;", "<script>", "<!--", "&#x1F600;", "a<b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Mask(in)
		if len(out) != len(in) {
			t.Fatalf("length %d, want %d", len(out), len(in))
		}
	})
}

func ExampleMask() {
	fmt.Printf("%q\n", Mask("<p>Kyiv &amp; Kharkiv</p>"))
	// Output: "\n  Kyiv &     Kharkiv\n   "
}
