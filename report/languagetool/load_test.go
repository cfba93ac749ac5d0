package languagetool

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const (
	// loadWorkers is how many clients post at once.
	loadWorkers = 8
	// loadMaxRequests and loadMaxDuration bound one run of BenchmarkLoad
	// whatever b.N the benchmark framework asks for.
	loadMaxRequests = 2_000_000
	loadMaxDuration = 90 * time.Second
)

// BenchmarkLoad posts seed 002 as LanguageTool clients would, from
// loadWorkers goroutines over a real loopback listener, and reports
// requests per second, latency percentiles and errors. Any failed request
// (transport error, non-200 status, undecodable JSON, wrong matches or
// incomplete results) fails the benchmark. The check is a stand-in that
// finds fixed terms, so this measures the handler; BenchmarkLoadChecker
// runs the real Checker. For the one-minute load test:
//
//	go test -run '^$' -bench 'BenchmarkLoad$' -benchtime 60s ./report/languagetool
func BenchmarkLoad(b *testing.B) {
	runLoad(b, termChecker(romanized...), func(r Response) error {
		if len(r.Matches) != 3 {
			return fmt.Errorf("%d matches, want 3", len(r.Matches))
		}
		return nil
	})
}

// runLoad is the load test behind the benchmarks: b.N requests (at most
// loadMaxRequests, for at most loadMaxDuration) of seed 002 from
// loadWorkers clients, each answer checked by verify.
func runLoad(b *testing.B, check CheckFunc, verify func(Response) error) {
	text := readSeed(b, "002")
	h := NewHandler(check, Options{})
	srv := httptest.NewServer(h)
	defer srv.Close()
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		b.Fatalf("listener not on loopback: %s", srv.URL)
	}
	tr := srv.Client().Transport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = loadWorkers
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	defer tr.CloseIdleConnections()
	body := url.Values{"text": {text}, "language": {"en-US"}}.Encode()

	n := min(b.N, loadMaxRequests)
	ctx, cancel := context.WithTimeout(context.Background(), loadMaxDuration)
	defer cancel()
	var (
		next, failed atomic.Int64
		mu           sync.Mutex
		latencies    = make([]time.Duration, 0, n)
		firstErr     error
	)
	fail := func(err error) {
		failed.Add(1)
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for range loadWorkers {
		wg.Go(func() {
			for next.Add(1) <= int64(n) && ctx.Err() == nil {
				t0 := time.Now()
				if err := loadRequest(ctx, client, srv.URL, body, verify); err != nil {
					if ctx.Err() != nil {
						return // the run's time is up, not a server error
					}
					fail(err)
					continue
				}
				d := time.Since(t0)
				mu.Lock()
				latencies = append(latencies, d)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()

	done := len(latencies)
	b.ReportMetric(float64(done)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(failed.Load()), "errors")
	b.ReportMetric(float64(done), "requests")
	if done+int(failed.Load()) < n {
		b.Logf("stopped at the %v bound after %d of %d requests: ns/op overstates, read req/s", loadMaxDuration, done, n)
	}
	if done > 0 {
		slices.Sort(latencies)
		b.ReportMetric(float64(latencies[done/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(latencies[done*99/100].Microseconds())/1000, "p99-ms")
	}
	if failed.Load() > 0 {
		b.Fatalf("%d of %d requests failed; first: %v", failed.Load(), done+int(failed.Load()), firstErr)
	}
}

// loadRequest posts one check and verifies the answer in full.
func loadRequest(ctx context.Context, c *http.Client, base, body string, verify func(Response) error) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/v2/check", strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d: %s", resp.StatusCode, data)
	}
	var r Response
	if err := json.Unmarshal(data, &r); err != nil {
		return fmt.Errorf("decoding the answer: %w", err)
	}
	if r.Warnings.IncompleteResults {
		return fmt.Errorf("incomplete results")
	}
	return verify(r)
}
