package markup

import (
	"strings"
	"testing"
)

// looksLikeHTMLRef is LooksLikeHTML as it was before it stopped
// lower-casing the whole text for each tag: the reference it must agree
// with on ASCII tags.
func looksLikeHTMLRef(text string) bool {
	head := strings.ToLower(strings.TrimSpace(text[:min(len(text), 1024)]))
	head = strings.TrimPrefix(head, "\uFEFF")
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") {
		return true
	}
	n := 0
	for _, tag := range htmlHints {
		n += strings.Count(strings.ToLower(text), tag)
	}
	return n >= 3
}

func FuzzLooksLikeHTML(f *testing.F) {
	for _, s := range []string{"<p>One</p><p>Two</p>", "a < b and c > d", "<DIV>x</DIV><Br>", "<li>a<li>b<li>c", "<a href=x>y</a> <SPAN>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsFunc(s, func(r rune) bool { return r > 0x7f }) {
			return // Unicode case folding may differ from ToLower's; tags are ASCII
		}
		if got, want := LooksLikeHTML(s), looksLikeHTMLRef(s); got != want {
			t.Errorf("LooksLikeHTML(%q) = %v, want %v", s, got, want)
		}
	})
}
