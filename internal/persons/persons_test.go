package persons

import "testing"

func TestLists(t *testing.T) {
	for _, tt := range []struct {
		w                        string
		title, titleOrRole, verb bool
	}{
		{"gen", true, true, false},
		{"princess", true, true, false},
		{"wife", false, true, false},
		{"analyst", false, true, false},
		{"said", false, false, true},
		{"met", false, false, true},
		{"river", false, false, false},
		{"Gen", false, false, false}, // callers pass lower case
	} {
		if IsTitle(tt.w) != tt.title || IsTitleOrRole(tt.w) != tt.titleOrRole || IsSpeechVerb(tt.w) != tt.verb {
			t.Errorf("%q: title %v, title or role %v, speech verb %v; want %v %v %v", tt.w,
				IsTitle(tt.w), IsTitleOrRole(tt.w), IsSpeechVerb(tt.w), tt.title, tt.titleOrRole, tt.verb)
		}
	}
}

func TestIsPersonNoun(t *testing.T) {
	for w, want := range map[string]bool{
		"man": true, "girl": true, "someone": true, // person nouns
		"wife": true, "gen": true, // roles and titles name persons too
		"village": false, "river": false, "company": false, "Man": false,
	} {
		if got := IsPersonNoun(w); got != want {
			t.Errorf("IsPersonNoun(%q) = %v, want %v", w, got, want)
		}
	}
}
