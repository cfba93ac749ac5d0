package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress reports how far long work has got on standard error, on one
// line rewritten in place, when standard error is a terminal; otherwise
// (a file, a pipe, a test's buffer) it writes nothing.
type progress struct {
	w     io.Writer // nil when quiet
	what  string
	total int

	mu    sync.Mutex
	done  int
	bytes int64
	last  time.Time
}

// minProgress is the number of items below which work is too short to
// report.
const minProgress = 20

// newProgress returns a progress report of total items of what ("files
// indexed") on stderr.
func newProgress(stderr io.Writer, what string, total int) *progress {
	p := &progress{what: what, total: total}
	if total >= minProgress && isTerminal(stderr) {
		p.w = stderr
	}
	return p
}

// isTerminal reports whether w is a character device, such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// add records n more items done, of size bytes, and redraws the line at
// most ten times a second.
func (p *progress) add(n int, size int64) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	p.bytes += size
	if now := time.Now(); now.Sub(p.last) >= 100*time.Millisecond || p.done == p.total {
		p.last = now
		fmt.Fprintf(p.w, "\rtranscheck: %d/%d %s (%.1f MB)", p.done, p.total, p.what, float64(p.bytes)/1e6)
	}
}

// finish ends the progress line.
func (p *progress) finish() {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.last.IsZero() {
		fmt.Fprintln(p.w)
	}
}
