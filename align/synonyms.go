package align

import (
	_ "embed"
	"strings"
)

// synonymsData lists pairs of stems that independent translations of one
// sentence use for each other ("arrest detain", "dozen ten"), one pair a
// line, learned by TestTrainSimilarity from the train split of the WMT
// double references and machine translations (see train/README.md): a pair
// is kept when the two stems are left unshared in the same aligned
// sentence pair often enough, relative to how often each is left unshared.
//
//go:embed synonyms.txt
var synonymsData string

// synonyms maps a stem to the stems that stand for it.
var synonyms = parseSynonyms(synonymsData)

func parseSynonyms(data string) map[string][]string {
	m := make(map[string][]string)
	for line := range strings.Lines(data) {
		a, b, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		m[a] = append(m[a], b)
		m[b] = append(m[b], a)
	}
	return m
}

// softShared counts the stems of a, not in b, that have a synonym among
// the stems of b not in a, each stem of b used once. a and b are sorted
// sets.
func softShared(a, b []string) int {
	var onlyB []string
	i, j := 0, 0
	for j < len(b) {
		switch {
		case i < len(a) && a[i] < b[j]:
			i++
		case i < len(a) && a[i] == b[j]:
			i++
			j++
		default:
			onlyB = append(onlyB, b[j])
			j++
		}
	}
	if len(onlyB) == 0 {
		return 0
	}
	n := 0
	var used []string
	for _, x := range a {
		for _, y := range synonyms[x] {
			if containsSorted(onlyB, y) && !containsSorted(b, x) && !contains(used, y) {
				used = append(used, y)
				n++
				break
			}
		}
	}
	return n
}

func containsSorted(xs []string, x string) bool {
	lo, hi := 0, len(xs)
	for lo < hi {
		m := (lo + hi) / 2
		if xs[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(xs) && xs[lo] == x
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
