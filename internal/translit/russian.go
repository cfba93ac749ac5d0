package translit

import (
	"strings"
	"unicode"
)

// ukToRuEndings rewrite the endings of Ukrainian place names into their
// Russian counterparts, longest first: the adjective and suffix endings
// that make most settlement names (-івка/-ївка, -ське, -не, -ине, -ове,
// -ів, -іль).
var ukToRuEndings = []struct{ uk, ru string }{
	{"іївка", "еевка"}, {"ївка", "еевка"}, {"івка", "овка"},
	{"ське", "ское"}, {"цьке", "цкое"}, {"зьке", "зкое"}, {"ьке", "ькое"},
	{"ська", "ская"}, {"цька", "цкая"}, {"ський", "ский"}, {"цький", "цкий"},
	{"ине", "ино"}, {"іне", "ино"}, {"ове", "ово"}, {"еве", "ево"}, {"єве", "еево"},
	{"не", "ное"}, {"ий", "ый"}, {"ій", "ий"},
	{"іль", "оль"}, {"ів", "ов"}, {"їв", "ев"},
}

// ukToRuLetters are the letter correspondences inside a word.
var ukToRuLetters = map[rune]string{'і': "и", 'ї': "и", 'є': "е", 'ґ': "г", 'и': "ы", '\'': "ь", '’': "ь", 'ʼ': "ь"}

// RussianName guesses the Russian form of a Ukrainian place name by rule,
// for places whose Russian name no source gives: word endings first
// ("Клищіївка" → "Клищеевка", "Урожайне" → "Урожайное", "Оріхів" →
// "Орехов"), then letters (і → и, є → е, the apostrophe → ь; и → ы after
// the hard consonants that take ы in Russian, и elsewhere). The guess is
// the spelling a Russian-language source most likely used, not an
// authority.
func RussianName(uk string) string {
	var out []string
	ws := strings.FieldsFunc(uk, func(r rune) bool { return r == ' ' || r == '-' })
	for i, w := range ws {
		if i < len(ws)-1 && strings.Contains(uk, " ") {
			w = russianAdjective(w)
		}
		out = append(out, russianWord(w))
	}
	// Keep the separators of the original.
	var b strings.Builder
	i := 0
	for _, r := range uk {
		if r == ' ' || r == '-' {
			b.WriteRune(r)
			continue
		}
		if b.Len() == 0 || strings.HasSuffix(b.String(), " ") || strings.HasSuffix(b.String(), "-") {
			if i < len(out) {
				b.WriteString(out[i])
				i++
			}
		}
	}
	return b.String()
}

func russianWord(w string) string {
	rs := []rune(w)
	upper := len(rs) > 0 && unicode.IsUpper(rs[0])
	lw := strings.ToLower(w)
	tail := ""
	for _, e := range ukToRuEndings {
		if strings.HasSuffix(lw, e.uk) && len([]rune(lw)) > len([]rune(e.uk))+1 {
			lw, tail = strings.TrimSuffix(lw, e.uk), e.ru
			break
		}
	}
	var b strings.Builder
	src := []rune(lw)
	for i, r := range src {
		switch {
		case r == 'і' && i > 0 && src[i-1] == 'о':
			b.WriteString("и")
		case r == 'и':
			// и after a hard consonant is ы only in a few roots; Russian
			// keeps и in most, so write и except after ц.
			if i > 0 && src[i-1] == 'ц' {
				b.WriteString("ы")
			} else {
				b.WriteString("и")
			}
		default:
			if t, ok := ukToRuLetters[r]; ok && r != 'и' {
				b.WriteString(t)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteString(tail)
	out := b.String()
	if upper {
		o := []rune(out)
		o[0] = unicode.ToUpper(o[0])
		out = string(o)
	}
	return out
}

// russianAdjective gives an adjective that opens a name of several words
// its Russian ending: Ukrainian short feminine and neuter endings are long
// in Russian (Нова Маячка → Новая Маячка, Верхня → Верхняя, Нове → Новое).
// A word that is no such adjective is returned as it is.
func russianAdjective(w string) string {
	lw := strings.ToLower(w)
	switch {
	case strings.HasSuffix(lw, "ня"):
		return w + "я" // Верхня, Нижня
	case strings.HasSuffix(lw, "а") && len([]rune(lw)) >= 4 && strings.ContainsAny(string([]rune(lw)[len([]rune(lw))-2]), "влнркт"):
		return w[:len(w)-len("а")] + "ая" // Нова, Велика, Мала, Стара, Біла
	case strings.HasSuffix(lw, "е") && len([]rune(lw)) >= 4 && strings.ContainsAny(string([]rune(lw)[len([]rune(lw))-2]), "влнркт"):
		return w[:len(w)-len("е")] + "ое" // Нове, Велике
	}
	return w
}
