package pinyin

// Plausibility scores, from 0 to 1, how likely word is romanized Chinese
// rather than an English word that happens to split into syllables. It is 0
// when Split rejects word, and at least 0.95 when word carries marks English
// never has (tone marks, numeric tones, ü, or an apostrophe between
// syllables, as in "Xi'an").
//
// Otherwise each syllable counts as evidence: a marked syllable (initial zh,
// x, q, z or j; a final English rarely spells as a syllable, such as ao, ei,
// ui, iu, uo, ong or ian; the apical i of zhi, shi, si; or wu, yu, yi) adds
// strong evidence, a plain one (ba, ma, ne, li, man, hang) weak evidence, and
// the evidence combines as independent chances: 1 − ∏(1 − p). So "Zhongguo"
// scores high, "human" (hu-man) and "banana" low. The score ranks candidates;
// decide with an English lexicon first.
func Plausibility(word string) float64 {
	f, ok := fold(word)
	if !ok {
		return 0
	}
	syl, ok := Split(word)
	if !ok {
		return 0
	}
	if f.marked && len(syl) > 1 || f.marked && hasToneOrUmlaut(word) {
		return max(0.95, combine(syl))
	}
	return combine(syl)
}

const (
	markedEvidence = 0.6
	plainEvidence  = 0.15
)

func combine(syl []string) float64 {
	miss := 1.0
	for _, s := range syl {
		if isMarked(s) {
			miss *= 1 - markedEvidence
		} else {
			miss *= 1 - plainEvidence
		}
	}
	return 1 - miss
}

// markedFinals are finals that English words rarely spell as a syllable.
var markedFinals = map[string]bool{
	"ao": true, "ei": true, "ui": true, "iu": true, "uo": true, "ia": true,
	"iao": true, "ian": true, "iang": true, "iong": true, "ua": true,
	"uai": true, "uan": true, "uang": true, "ue": true, "üe": true, "ü": true,
	"ong": true, "ou": true, "ie": true, "ai": true, "eng": true,
}

// isMarked reports whether canonical syllable s looks distinctively Chinese.
func isMarked(s string) bool {
	p := syllables[s]
	switch p.initial {
	case "zh", "x", "q", "z", "j":
		return true
	}
	switch s {
	case "wu", "yu", "yi", "zhi", "chi", "shi", "ri", "zi", "ci", "si":
		return true
	}
	if p.initial == "" && len(s) > 1 && (s[0] == 'y' || s[0] == 'w') {
		// ya, yao, wei, wang...: judge the final after the glide.
		return markedFinals[s[1:]] || s[1:] == "ang" && s[0] == 'w'
	}
	return markedFinals[p.final]
}

func hasToneOrUmlaut(word string) bool {
	for _, r := range word {
		if b, ok := toneless[r]; ok && (b != r || b == 'ü') {
			return true
		}
		if r >= '1' && r <= '5' {
			return true
		}
	}
	return false
}
