package placecheck

import "strings"

// nationalAdjective rewrites a Ukrainian masculine adjective's ending that
// other romanizations give "-yy", "-iy" or "-yj" (Ukrainian -ий) as the
// national system writes it, "-yi": the same word, correctly spelled,
// which is the fix when a port, plant or district bears an adjective's
// name. ok is false for other words.
func nationalAdjective(word string) (string, bool) {
	if strings.ContainsAny(word, " -") || len(word) < 6 {
		return "", false
	}
	lower := strings.ToLower(word)
	for _, end := range []string{"yy", "iy", "yj"} {
		if strings.HasSuffix(lower, end) {
			return word[:len(word)-len(end)] + "yi", true
		}
	}
	return "", false
}
