// Package cputime measures the processor time of the whole process (every
// core, garbage collection included), for benchmarks run on a shared, busy
// machine: wall time there includes waiting for a core, processor time
// counts the work done.
package cputime

import (
	"syscall"
	"testing"
	"time"
)

// Now returns the processor time the process has used so far (user and
// system), or 0 where the platform does not say.
func Now() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Clock is a processor-time stopwatch for one benchmark.
type Clock struct{ start time.Duration }

// Start starts a Clock.
func Start() Clock { return Clock{Now()} }

// Report adds the metrics cpu-ms/op and, when bytes > 0 (bytes handled per
// op), cpu-MB/s: megabytes per second of processor time.
func (c Clock) Report(b *testing.B, bytes int) {
	d := Now() - c.start
	if d <= 0 || b.N == 0 {
		return
	}
	b.ReportMetric(float64(d.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	if bytes > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/d.Seconds(), "cpu-MB/s")
	}
}
