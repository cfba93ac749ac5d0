package align

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSamePathAs(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		p, q string
		want bool
	}{
		{"a/b.txt", "a/b.txt", true},
		{"a/b.txt", "a/./b.txt", true},
		{"a/b.txt", filepath.Join(wd, "a/b.txt"), true},
		{filepath.Join(wd, "a/b.txt"), "a/../a/b.txt", true},
		{"a/b.txt", "a/c.txt", false},
		{"a/b.txt", "/elsewhere/a/b.txt", false},
		{"", "", false},
		{"a.txt", "", false},
		{"", "a.txt", false},
	}
	for _, tt := range tests {
		if got := samePathAs(tt.p)(tt.q); got != tt.want {
			t.Errorf("samePathAs(%q)(%q) = %v, want %v", tt.p, tt.q, got, tt.want)
		}
	}
}
