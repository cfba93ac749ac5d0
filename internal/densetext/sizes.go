package densetext

import "fmt"

// Sizes are the sizes the per-stage benchmarks run at (100 KB, 1 MB,
// 10 MB): a stage is linear when its time per byte is the same at all
// three.
var Sizes = []int{100 << 10, 1 << 20, 10 << 20}

// Name names a size for a sub-benchmark: "100KB", "1MB", "10MB".
func Name(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%dMB", n>>20)
	}
	return fmt.Sprintf("%dKB", n>>10)
}
