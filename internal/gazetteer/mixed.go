package gazetteer

import "strings"

// maxMixed bounds the mixed spellings indexed for one place.
const maxMixed = 64

// mixedSpellings returns the spellings of a multiword name that take each
// word from a different spelling of the same place: translation renders a
// name word by word, and may transliterate or translate one word one way
// and the next another ("Kryvyi Rig" from Kryvyi Rih and Kryvyy Rig).
// Only spellings with the same number of words mix; a mix's kind is the
// union of the kinds its words come from, plus Misspelling when one of
// them is a transliteration or translation, and mixes that are already a
// spelling of the place, or take every word from the preferred name, are
// left out. Adjectives and Chinese names do not mix.
func mixedSpellings(p *Place) []Variant {
	type word struct {
		text string
		kind VariantKind
	}
	n := len(words(p.Name))
	if n < 2 {
		return nil
	}
	slots := make([][]word, n)
	seen := make([]map[string]bool, n)
	for i := range seen {
		seen[i] = make(map[string]bool)
	}
	known := map[string]bool{Key(p.Name): true}
	addWords := func(name string, kind VariantKind) {
		ws := words(name)
		if len(ws) != n {
			return
		}
		for i, w := range ws {
			if k := Key(w); !seen[i][k] {
				seen[i][k] = true
				slots[i] = append(slots[i], word{w, kind})
			}
		}
	}
	addWords(p.Name, 0)
	for _, v := range p.Variants {
		if v.Kind.Has(Adjective | Chinese) {
			continue
		}
		known[Key(v.Name)] = true
		addWords(v.Name, v.Kind)
	}
	var out []Variant
	idx := make([]int, n)
	parts := make([]string, n)
	for len(out) < maxMixed {
		var kind VariantKind
		for i, j := range idx {
			parts[i] = slots[i][j].text
			kind |= slots[i][j].kind
		}
		if kind.Has(Russian | Translit | Literal | otherLanguages) {
			kind |= Misspelling // no one's spelling: a mix
		}
		if name := strings.Join(parts, " "); kind != 0 && !known[Key(name)] {
			known[Key(name)] = true
			out = append(out, Variant{Name: name, Kind: kind})
		}
		// The next combination, the last word fastest.
		i := n - 1
		for ; i >= 0; i-- {
			if idx[i]++; idx[i] < len(slots[i]) {
				break
			}
			idx[i] = 0
		}
		if i < 0 {
			break
		}
	}
	return out
}
