package cputime

import "testing"

func TestNowAdvances(t *testing.T) {
	start := Now()
	if start <= 0 {
		t.Fatalf("Now() = %v, want the process's processor time", start)
	}
	x := 0
	for i := range 50_000_000 {
		x += i ^ x
	}
	if Now() <= start && x != 0 {
		t.Errorf("Now() did not advance over a busy loop")
	}
}
