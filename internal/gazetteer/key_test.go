package gazetteer

import (
	"testing"
	"unicode"
)

// slowKey is Key without the ASCII fast path: Fold, then letters and digits.
func slowKey(s string) string {
	var out []rune
	for _, r := range Fold(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			out = append(out, r)
		}
	}
	return string(out)
}

func TestKeyASCIIFastPath(t *testing.T) {
	for _, s := range []string{"", "kyiv", "Kyiv", "St. Petersburg", "Ivano-Frankivsk", "Xi'an", "A1-b2_c3", "KIEV", "Kraków", "Xi’an"} {
		if got, want := Key(s), slowKey(s); got != want {
			t.Errorf("Key(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Kyiv", "St. Petersburg", "Wūdōng", "Xi'an"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Key(s), slowKey(s); got != want {
			t.Errorf("Key(%q) = %q, want %q", s, got, want)
		}
	})
}
