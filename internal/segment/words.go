package segment

import "strings"

// StripPossessive removes a trailing possessive, "'s", "’s", "'" or "’",
// from a word as written or normalized ("Kherson’s" → "Kherson"). A word
// that is nothing but the possessive is returned as it is.
func StripPossessive(w string) string {
	for _, suf := range [...]string{"'s", "’s", "'", "’"} {
		if s, ok := strings.CutSuffix(w, suf); ok && s != "" {
			return s
		}
	}
	return w
}

// Stem reduces a normalized (lower-case) word to a light stem by stripping
// a possessive and common inflectional suffixes: "decisions" and "decision"
// share "decision", "involved" and "involve" share "involv", "armies" and
// "army" share "arm". It only ever slices its argument, so it does not
// allocate. It is deliberately light: it conflates inflections, not
// derivations, so that unrelated words rarely collide.
func Stem(w string) string {
	w = StripPossessive(w)
	// each suffix rule is chosen by the word's last byte, so that most
	// words are turned away by one comparison
	if n := len(w); n > 3 && w[n-1] == 's' {
		switch {
		case n > 4 && strings.HasSuffix(w, "ies"):
			w = w[:n-3]
		case n > 4 && strings.HasSuffix(w, "sses"):
			w = w[:n-2]
		case n > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zes")):
			w = w[:n-2]
		case !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
			w = w[:n-1]
		}
	}
	if n := len(w); n > 4 {
		switch w[n-1] {
		case 'g':
			if n > 5 && w[n-3:] == "ing" && hasVowel(w[:n-3]) {
				w = undouble(w[:n-3])
			}
		case 'd':
			if w[n-2] == 'e' && hasVowel(w[:n-2]) {
				w = undouble(w[:n-2])
			}
		case 'y':
			if n > 5 && w[n-2] == 'l' {
				w = w[:n-2]
			}
		}
	}
	if n := len(w); n > 3 && (w[n-1] == 'e' || w[n-1] == 'y') {
		w = w[:n-1]
	}
	return w
}

// hasVowel reports whether s holds one of the ASCII letters a, e, i, o, u
// or y.
func hasVowel(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return true
		}
	}
	return false
}

// undouble turns "plann" into "plan" and "stopp" into "stop", but keeps
// "kill", "pass" and "buzz".
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && strings.IndexByte("bdfgmnprt", w[n-1]) >= 0 {
		return w[:n-1]
	}
	return w
}
