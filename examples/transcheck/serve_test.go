package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/seeds"
)

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return addr
}

// TestServe starts the command's -serve mode on loopback and checks seed
// 002 through it as a LanguageTool client would.
func TestServe(t *testing.T) {
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-serve", addr, "-coverage", "../../seeds/001_3800fd556f55c46a.txt"}, &out, &errb)
	}()
	defer func() {
		cancel()
		assert.Equal(t, exitOK, <-done, errb.String())
	}()

	s, _ := seeds.Get("002")
	var resp *http.Response
	var err error
	for i := 0; i < 100; i++ { // wait for the listener
		resp, err = http.PostForm("http://"+addr+"/v2/check", url.Values{"text": {string(s.Data)}, "language": {"en-US"}})
		if err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var body struct {
		Matches []struct {
			Offset, Length int
			Rule           struct {
				ID, Description string
				URLs            []struct{ Value string }
			}
		}
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	assert.NotEmpty(t, body.Matches)
	// Every match's rule is described from the registry: a summary
	// sentence, not the rule's ID, and a link to its documentation.
	for _, m := range body.Matches {
		assert.NotContains(t, m.Rule.Description, "/", m.Rule.ID)
		if assert.Len(t, m.Rule.URLs, 1, m.Rule.ID) {
			assert.Contains(t, m.Rule.URLs[0].Value, "RULES.md#", m.Rule.ID)
		}
	}

	// Text the checker cannot read is the client's mistake: 400 with the
	// reason, never 500.
	for _, bad := range []struct{ body, want string }{
		{"language=en-US&text=Caf%E9+in+Kyiv.", "not valid UTF-8 (byte 3)"},
		{"language=en-US&text=Kyiv%00Kharkiv", "binary file, not text at byte 4"},
	} {
		resp, err := http.Post("http://"+addr+"/v2/check", "application/x-www-form-urlencoded", strings.NewReader(bad.body))
		require.NoError(t, err)
		msg, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode, "%s", msg)
		assert.Contains(t, string(msg), bad.want)
	}
}
