package transcheck

import "testing"

func TestRound(t *testing.T) {
	for _, tt := range []struct{ in, want float64 }{
		{0.12345, 0.123}, {0.1235, 0.124}, {-0.12345, -0.123}, {-0.1235, -0.124}, {-0.0004, 0}, {1, 1},
	} {
		if got := round(tt.in); got != tt.want {
			t.Errorf("round(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
