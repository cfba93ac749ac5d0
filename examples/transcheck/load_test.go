package main

import (
	"bufio"
	"bytes"
	"context"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/seeds"
)

// TestServeLoad is a bounded load test of -serve with the real Checker:
// 8 clients on loopback post the seed documents for a minute (or
// TRANSCHECK_LOADTEST_DURATION), at most 100,000 requests, and the test
// asserts no errors and flat memory from the first to the last 10 s. It
// runs only when TRANSCHECK_LOADTEST=1, as it takes a minute of both cores:
//
//	TRANSCHECK_LOADTEST=1 go test -run TestServeLoad -v -timeout 5m ./examples/transcheck
func TestServeLoad(t *testing.T) {
	if os.Getenv("TRANSCHECK_LOADTEST") != "1" {
		t.Log("set TRANSCHECK_LOADTEST=1 to run the one-minute load test")
		return
	}
	duration := time.Minute
	if d, err := time.ParseDuration(os.Getenv("TRANSCHECK_LOADTEST_DURATION")); err == nil && d >= 20*time.Second {
		duration = d
	}
	const clients, maxRequests = 8, 100_000

	addr := freeAddr(t) // 127.0.0.1 only
	ctx, cancel := context.WithCancel(context.Background())
	var errb lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-serve", addr, "-coverage", "../../seeds/001_3800fd556f55c46a.txt"}, &bytes.Buffer{}, &errb)
	}()
	defer func() {
		cancel()
		assert.Equal(t, exitOK, <-done, errb.take())
	}()

	var bodies []string
	for _, s := range seeds.All() {
		bodies = append(bodies, url.Values{"language": {"en-US"}, "text": {string(s.Data)}}.Encode())
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	endpoint := "http://" + addr + "/v2/check"
	require.Eventually(t, func() bool {
		resp, err := client.Get("http://" + addr + "/v2/info")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil
	}, 10*time.Second, 50*time.Millisecond)

	// Memory: the process's resident set and the Go heap in use, sampled
	// every second.
	type sample struct {
		at       time.Duration
		rss, hip uint64
	}
	var samples []sample
	start := time.Now()
	stopSampling := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-stopSampling:
				return
			case <-tick.C:
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				samples = append(samples, sample{time.Since(start), rssBytes(t), ms.HeapInuse})
			}
		}
	}()

	var (
		mu        sync.Mutex
		latencies []time.Duration
		errs      []string
		sent      atomic.Int64
		wg        sync.WaitGroup
	)
	deadline := start.Add(duration)
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; time.Now().Before(deadline) && sent.Add(1) <= maxRequests; i++ {
				t0 := time.Now()
				resp, err := client.Post(endpoint, "application/x-www-form-urlencoded", strings.NewReader(bodies[i%len(bodies)]))
				var status int
				if err == nil {
					var b bytes.Buffer
					_, err = b.ReadFrom(resp.Body)
					resp.Body.Close()
					status = resp.StatusCode
					if err == nil && (status != http.StatusOK || bytes.Contains(b.Bytes(), []byte(`"incompleteResults":true`))) {
						err = &statusError{status, b.String()}
					}
				}
				d := time.Since(t0)
				mu.Lock()
				if err != nil {
					errs = append(errs, err.Error())
				} else {
					latencies = append(latencies, d)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(stopSampling)
	<-sampled

	require.Empty(t, errs, "first errors: %v", errs[:min(len(errs), 3)])
	require.NotEmpty(t, latencies)
	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	window := func(from, to time.Duration) (rss, heap float64) {
		n := 0
		for _, s := range samples {
			if s.at >= from && s.at < to {
				rss += float64(s.rss)
				heap += float64(s.hip)
				n++
			}
		}
		return rss / float64(n) / (1 << 20), heap / float64(n) / (1 << 20)
	}
	firstRSS, firstHeap := window(0, 10*time.Second)
	lastRSS, lastHeap := window(elapsed-10*time.Second, elapsed+time.Second)
	t.Logf("%d clients, %s: %d requests, 0 errors, %.1f req/s; latency p50 %s, p99 %s, max %s; "+
		"RSS first 10 s %.0f MiB, last 10 s %.0f MiB; heap in use %.0f → %.0f MiB",
		clients, elapsed.Round(time.Second), len(latencies), float64(len(latencies))/elapsed.Seconds(),
		pct(0.50).Round(time.Millisecond), pct(0.99).Round(time.Millisecond), latencies[len(latencies)-1].Round(time.Millisecond),
		firstRSS, lastRSS, firstHeap, lastHeap)
	// Flat: the last 10 s hold no more than 15 % over the first 10 s.
	assert.LessOrEqual(t, lastRSS, firstRSS*1.15, "resident memory grew")
	assert.LessOrEqual(t, lastHeap, firstHeap*1.15+8, "heap in use grew")
}

type statusError struct {
	status int
	body   string
}

func (e *statusError) Error() string {
	return "status " + strconv.Itoa(e.status) + ": " + strings.TrimSpace(e.body[:min(len(e.body), 200)])
}

// rssBytes returns the process's resident set size from /proc.
func rssBytes(t *testing.T) uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
