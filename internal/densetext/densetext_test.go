package densetext

import (
	"bytes"
	"fmt"
	"testing"
)

func TestGenerate(t *testing.T) {
	for _, n := range []int{1, 1000, 100 << 10} {
		a, b := Generate(n, 1), Generate(n, 1)
		if !bytes.Equal(a, b) {
			t.Fatalf("Generate(%d, 1) differs between calls", n)
		}
		if len(a) < n || len(a) > n+4096 {
			t.Errorf("Generate(%d, 1) gave %d bytes", n, len(a))
		}
		if bytes.Contains(a, []byte("{")) {
			t.Errorf("Generate(%d, 1) left a slot unfilled", n)
		}
	}
	if bytes.Equal(Generate(5000, 1), Generate(5000, 2)) {
		t.Error("seeds 1 and 2 gave the same text")
	}
}

func TestName(t *testing.T) {
	for n, want := range map[int]string{100 << 10: "100KB", 1 << 20: "1MB", 10 << 20: "10MB"} {
		if got := Name(n); got != want {
			t.Errorf("Name(%d) = %q, want %q", n, got, want)
		}
	}
}

func ExampleGenerate() {
	text := Generate(200, 1)
	fmt.Println(len(text) >= 200)
	// Output: true
}
