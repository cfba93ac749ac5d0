package lingua

import (
	"fmt"
	"slices"
	"strings"

	"github.com/transcheck/transcheck/internal/gazetteer"
	"github.com/transcheck/transcheck/internal/lexicon"
	"github.com/transcheck/transcheck/internal/orgname"
	"github.com/transcheck/transcheck/internal/pinyin"
	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/internal/segment"
)

// minPlausibility is the pinyin plausibility a non-English word needs to
// count as romanized Chinese: one distinctly Chinese syllable ("Nei") or two
// plain ones do; a plain single syllable does not.
const minPlausibility = 0.5

// chineseSurnames are the commonest Chinese family names in pinyin. A
// capitalized pinyin word after one of them is a person's given name
// ("Xi Jinping", "Wang Yi"), which English text keeps as it is.
var chineseSurnames = set(
	"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou",
	"xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo", "zheng",
	"liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng",
	"xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye",
	"cheng", "wei", "su", "lü", "lu", "ding", "ren", "yao", "shen", "zhong",
	"cui", "tan", "fan", "liao", "shi", "jin", "jia", "xia", "fu", "fang",
	"zou", "xiong", "bai", "meng", "qin", "qiu", "hou", "yin", "xue", "yan",
	"duan", "lei", "long", "tao", "mao", "hao", "gu", "gong", "shao", "wan",
	"qian", "kong", "xi", "bo", "qi", "mo", "ou", "yi", "geng", "niu", "zhai",
	"hua", "guan", "mu", "ruan", "shang", "tong", "wen", "xing", "zhan",
)

// romanizedHits finds words that are not English, not known names, and read
// as pinyin: romanized Chinese left in the translation.
//
// A word that reads as a Chinese geographic abbreviation ("Wubei", "Mei
// E") or as the Chinese name of a known place is strong evidence and always
// counts. Any other word is only pinyin-shaped, as many European, African
// and Japanese names are ("Bari", "Molinari", "Nishima"), so it counts only
// when it has at most two syllables (Chinese words and given names are one
// or two; a longer run of plain syllables is a European or Japanese name)
// and when neither it nor another occurrence of it in the document stands
// where English puts a person's name (see nameContext).
func romanizedHits(doc *segment.Document, known func(string) bool) []hit {
	var out []hit
	names := newNameUses(doc, known)
	orgs := orgname.Names(doc)
	for _, s := range doc.Sentences {
		words := s.Words()
		for i, w := range words {
			if w.Kind != segment.Word {
				continue
			}
			bare := segment.StripPossessive(w.Text)
			if !romanizationSuspect(bare, known) {
				continue
			}
			if isGivenName(words, i) || afterForeignGivenName(words, i, known) {
				continue
			}
			if orgs[strings.ToLower(bare)] || inOrganizationRun(words, i) || subdivisionName(words, i, known) || placeListName(words, i) {
				continue
			}
			syl, _ := pinyin.Split(bare)
			id, reading := "romanized-word", ""
			if meaning, ok := abbreviationReading(words, i); ok {
				id, reading = romanizedAbbreviation, "; as a Chinese abbreviation it reads “"+meaning+"”"
			} else if place, ok := chinesePlaceName(bare); ok {
				id, reading = romanizedAbbreviation, "; it is the Chinese name of "+place+" read out"
			} else if len(syl) > 2 || names.usedAsName(bare) { // this place or another
				continue
			}
			out = append(out, hit{
				id:     id,
				key:    strings.ToLower(bare),
				signal: "romanized-words",
				rule:   rules.GarbledRomanized,
				span:   w.Span,
				message: fmt.Sprintf("“%s” is not English and reads as pinyin (%s): a Chinese word or abbreviation left romanized instead of translated%s",
					bare, strings.Join(syl, "-"), reading),
				confidence: 0.5 + 0.5*pinyin.Plausibility(bare),
				langs:      []string{"zh"},
				// A place read out or abbreviated is the place checks'
				// finding (place-name/romanized, /romanized-abbreviation),
				// which says what was meant; here it is evidence only.
				signalOnly: id == romanizedAbbreviation,
			})
		}
	}
	return out
}

// placeNouns are plural nouns of places that introduce a list of names:
// "the districts of Gangnam, Seocho and Songpa".
var placeNouns = set("districts", "counties", "cities", "towns", "villages", "provinces", "regions",
	"prefectures", "townships", "boroughs", "suburbs", "neighborhoods", "neighbourhoods", "wards",
	"municipalities", "states", "islands", "areas", "subdistricts")

// placeListName reports whether words[i] stands in a list of capitalized
// names after a plural noun of places and "of": the list names places.
func placeListName(words []segment.Token, i int) bool {
	for j := i - 1; j >= 1 && j >= i-12; j-- {
		w := words[j]
		switch {
		case w.Norm == "of":
			return placeNouns[words[j-1].Norm]
		case w.Norm == "and" || w.Norm == "or" || w.IsCapitalized():
		default:
			return false
		}
	}
	return false
}

// inOrganizationRun reports whether words[i] starts or continues a run of
// capitalized words that ends, within four words, in a word that marks an
// organization's or company's name: "Daiwa Europe Ltd.", "Qilu Asset
// Management". (orgname.InName looks at the next word only.)
func inOrganizationRun(words []segment.Token, i int) bool {
	for j := i + 1; j < len(words) && j <= i+4; j++ {
		if !words[j].IsCapitalized() || words[j].Start-words[j-1].End != 1 {
			return false
		}
		if orgname.IsOrganizationWord(words[j].Norm) {
			return true
		}
	}
	return false
}

// romanizedAbbreviation is the id of romanized hits with a Chinese reading
// beyond their syllables: an abbreviation or a place's Chinese name.
const romanizedAbbreviation = "romanized-abbreviation"

// subdivisionName reports whether words[i] names a subdivision of a known
// place: "the Huangpu district of Shanghai".
func subdivisionName(words []segment.Token, i int, known func(string) bool) bool {
	if i+3 >= len(words) || !gazetteer.IsSubdivisionNoun(words[i+1].Norm) || words[i+2].Norm != "of" {
		return false
	}
	next := segment.StripPossessive(words[i+3].Text)
	return words[i+3].IsCapitalized() && (known != nil && known(next) || len(gazetteer.Default().Lookup(next)) > 0)
}

// abbreviationReading reads words[i] as a romanized Chinese geographic
// abbreviation, alone ("Wubei") or with a neighbouring capitalized unit
// written apart ("Mei E", "Zhong Mei"), and returns its meaning.
func abbreviationReading(words []segment.Token, i int) (string, bool) {
	w := segment.StripPossessive(words[i].Text)
	if a, ok := gazetteer.ParseAbbreviation(w); ok {
		return a.Meaning, true
	}
	if !gazetteer.IsAbbreviationUnit(w) {
		return "", false
	}
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(words) {
			continue
		}
		a, b := words[min(i, j)], words[max(i, j)]
		if b.Start-a.End != 1 || !a.IsCapitalized() || !b.IsCapitalized() {
			continue
		}
		other := segment.StripPossessive(words[j].Text)
		if !gazetteer.IsAbbreviationUnit(other) {
			continue
		}
		if ab, ok := gazetteer.ParseAbbreviation(segment.StripPossessive(a.Text) + " " + segment.StripPossessive(b.Text)); ok {
			return ab.Meaning, true
		}
	}
	return "", false
}

// chinesePlaceName reports whether w is the Chinese name of a place the
// built-in gazetteer knows, read out in pinyin ("Haerkefu" for Kharkiv), and
// returns the place's English name.
func chinesePlaceName(w string) (string, bool) {
	for _, m := range gazetteer.Default().LookupPinyin(w) {
		if m.Place != nil {
			return m.Place.Name, true
		}
	}
	return "", false
}

// romanizationSuspect applies the lexicon, the known-name hook and the
// pinyin grammar to one word.
func romanizationSuspect(w string, known func(string) bool) bool {
	if len(w) < 3 || strings.ToUpper(w) == w { // acronyms
		return false
	}
	// Names English prints as they are (Xinhua, renminbi) are the
	// gazetteer's, which Options.KnownNames adds places to.
	if lexicon.IsWord(w) || lexicon.IsProperName(w) || gazetteer.IsUsageName(w) || known != nil && known(w) {
		return false
	}
	if englishCompound(w) {
		return false
	}
	p := pinyin.Plausibility(w)
	if p < minPlausibility {
		return false
	}
	// Lower-case pinyin inside English needs a clearly Chinese spelling.
	return w[0] >= 'A' && w[0] <= 'Z' || p >= 0.8
}

// isGivenName reports whether words[i] follows a capitalized Chinese surname
// or precedes a capitalized pinyin given name: it is part of a person's name.
func isGivenName(words []segment.Token, i int) bool {
	if i > 0 && words[i-1].IsCapitalized() && chineseSurnames[words[i-1].Norm] {
		return true
	}
	if chineseSurnames[words[i].Norm] && i+1 < len(words) && words[i+1].IsCapitalized() {
		if _, ok := pinyin.Split(words[i+1].Text); ok {
			return true
		}
	}
	return false
}

// afterForeignGivenName reports whether words[i] follows, inside a
// sentence, a capitalized word that does not read as Chinese (see
// readsAsChinese), is not a common English word, not a nationality and not
// a known place: a given name ("Dmytro Kouleba", "Luca Bozi") or the first
// word of a foreign name ("Canale Bozi"), so words[i] is a surname or a
// name's second word in some transliteration, not a romanized Chinese word.
func afterForeignGivenName(words []segment.Token, i int, known func(string) bool) bool {
	if i < 2 { // the word before must not start the sentence
		return false
	}
	p := words[i-1]
	if p.Kind != segment.Word || !p.IsCapitalized() || words[i].Start-p.End != 1 {
		return false
	}
	bare := segment.StripPossessive(p.Text)
	if lexicon.IsWord(bare) || known != nil && known(bare) || slices.Contains(nationalities, p.Norm) {
		return false
	}
	return !readsAsChinese(bare, known)
}

// englishCompound reports whether a hyphenated word has an English part of
// three letters or more ("anti-American", "Cuban-American"): an English
// compound, not a romanized Chinese word.
func englishCompound(w string) bool {
	if !strings.Contains(w, "-") {
		return false
	}
	for part := range strings.SplitSeq(w, "-") {
		if len(part) >= 3 && (lexicon.IsWord(part) || lexicon.IsProperName(part)) {
			return true
		}
	}
	return false
}
