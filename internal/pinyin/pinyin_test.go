package pinyin

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSyllableInventory(t *testing.T) {
	all := Syllables()
	assert.Len(t, all, 410)
	assert.IsIncreasing(t, all)
	for _, s := range []string{
		"a", "er", "zhuang", "chuang", "shuang", "xiong", "jiong", "qiong", "lüe", "nü",
		"yo", "dia", "miu", "den", "kei", "shei", "zhei", "rua", "chua", "pou", "nou",
		"ri", "zi", "ci", "si", "zhi", "chi", "shi", "wu", "yu", "yi", "ying", "weng",
	} {
		assert.Contains(t, all, s)
	}
	for _, s := range []string{
		"", "v", "zhia", "xa", "qu" + "n" + "g", "bua", "fi", "gi", "ki", "hi", "shiu",
		"ten", "bong", "fong", "mong", "dei" + "n", "lü" + "n", "jü", "xü", "yü", "wi", "wou",
		"lue", "nue", "sh", "ng", "hm", "ê",
	} {
		assert.NotContains(t, all, s)
	}
}

func TestIsSyllable(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"zhong", true},
		{"Zhōng", true},
		{"ZHONG", true},
		{"lv", true},
		{"lu:", true},
		{"nue", true},
		{"nüè", true},
		{"xian", true},
		{"ti", true},
		{"xi'an", false}, // two syllables
		{"zhonga", false},
		{"jü", false},
		{"ten", false},
		{"", false},
		{"ß", false},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			assert.Equal(t, tt.want, IsSyllable(tt.s))
		})
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		word string
		want []string // nil: no reading
	}{
		{"Wubei", []string{"wu", "bei"}},
		{"Zhongmei", []string{"zhong", "mei"}},
		{"Nei", []string{"nei"}},
		{"Xi'an", []string{"xi", "an"}},
		{"Xi’an", []string{"xi", "an"}},
		{"Xian", []string{"xian"}},
		{"fangan", []string{"fan", "gan"}}, // "an" may not start a later syllable
		{"Fang'an", []string{"fang", "an"}},
		{"Tian'anmen", []string{"tian", "an", "men"}},
		{"Wǔhàn", []string{"wu", "han"}},
		{"Běijīng", []string{"bei", "jing"}},
		{"Lǜshī", []string{"lü", "shi"}},
		{"lvse", []string{"lü", "se"}},
		{"Lu:shan", []string{"lü", "shan"}},
		{"nüeji", []string{"nüe", "ji"}},
		{"lueduo", []string{"lüe", "duo"}},
		{"zhong1guo2", []string{"zhong", "guo"}},
		{"Ze-dong", []string{"ze", "dong"}},
		{"Huangshan", []string{"huang", "shan"}},
		{"Chuangye", []string{"chuang", "ye"}},
		{"Zhuangzhuang", []string{"zhuang", "zhuang"}},
		{"Hangzhou", []string{"hang", "zhou"}},
		{"Xinjiang", []string{"xin", "jiang"}},
		{"Ouyang", []string{"ou", "yang"}},
		{"Erlang", []string{"er", "lang"}},
		{"shine", []string{"shi", "ne"}},
		{"banana", []string{"ba", "na", "na"}},
		// not pinyin
		{"Kherson", nil},
		{"Kharkiv", nil},
		{"Gerasimov", nil},
		{"Bilohorivka", nil},
		{"Mariupol", nil},
		{"Siverskyi", nil},
		{"Kofman", nil},
		{"Zhongaguo", nil}, // "a" cannot start a later syllable
		{"strength", nil},
		{"", nil},
		{"'an", nil},
		{"xi'", nil},
		{"xi''an", nil},
		{"xi-", nil},
		{"1xi", nil},
		{"Wang's", nil},
		{"ab c", nil},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got, ok := Split(tt.word)
			if tt.want == nil {
				assert.False(t, ok)
				assert.Nil(t, got)
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestPlausibility(t *testing.T) {
	tests := []struct {
		word     string
		min, max float64
	}{
		{"Xi'an", 0.95, 1},
		{"Wǔhàn", 0.95, 1},
		{"lvse", 0.95, 1},
		{"zhong1guo2", 0.95, 1},
		{"Zhongmei", 0.8, 0.95},
		{"Wubei", 0.8, 0.95},
		{"Xiaoqiang", 0.8, 0.95},
		{"Nei", 0.5, 0.8},
		{"Mei", 0.5, 0.8},
		{"human", 0, 0.35},
		{"banana", 0, 0.45},
		{"Canada", 0, 0.45},
		{"Sudan", 0, 0.35},
		{"date", 0, 0.35},
		{"man", 0, 0.2},
		{"Kherson", 0, 0},
		{"", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			p := Plausibility(tt.word)
			assert.GreaterOrEqual(t, p, tt.min)
			assert.LessOrEqual(t, p, tt.max)
		})
	}
	// ordering: more marked syllables, higher score
	assert.Greater(t, Plausibility("Zhongmei"), Plausibility("Wunan"[:2]+"dan"))
	assert.Greater(t, Plausibility("Wubei"), Plausibility("human"))
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"Wubei", "Xi'an", "zhong1guo2", "lu:shan", "Wǔhàn", "", "'", "u:", "x-", "ǖǘǚǜ", "\xff", "nüe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		syl, ok := Split(word)
		p := Plausibility(word)
		if !ok {
			if syl != nil || p != 0 {
				t.Fatalf("Split(%q) rejected but returned %v, plausibility %v", word, syl, p)
			}
			return
		}
		if p <= 0 || p > 1 {
			t.Fatalf("Plausibility(%q) = %v for a valid split", word, p)
		}
		letters := 0
		for _, s := range syl {
			if !IsSyllable(s) {
				t.Fatalf("Split(%q) produced non-syllable %q", word, s)
			}
			letters += utf8.RuneCountInString(s)
		}
		// Rejoined, the syllables are the word's letters (u: counts as one).
		if letters > utf8.RuneCountInString(word) {
			t.Fatalf("Split(%q) = %v has more letters than the word", word, syl)
		}
		again, ok2 := Split(strings.Join(syl, "'"))
		if !ok2 || strings.Join(again, " ") != strings.Join(syl, " ") {
			t.Fatalf("Split(%q) = %v does not round-trip: %v", word, syl, again)
		}
	})
}

func ExampleSplit() {
	for _, w := range []string{"Zhōngměi", "Xi'an", "Xian", "fangan", "Kherson"} {
		syl, ok := Split(w)
		fmt.Println(w, syl, ok)
	}
	// Output:
	// Zhōngměi [zhong mei] true
	// Xi'an [xi an] true
	// Xian [xian] true
	// fangan [fan gan] true
	// Kherson [] false
}

func ExamplePlausibility() {
	for _, w := range []string{"Xi'an", "Zhongmei", "human"} {
		fmt.Printf("%s %.2f\n", w, Plausibility(w))
	}
	// Output:
	// Xi'an 0.95
	// Zhongmei 0.84
	// human 0.28
}

func BenchmarkSplit(b *testing.B) {
	words := []string{"Zhongmei", "Xi'an", "Kherson", "battlefield", "Wǔhàn", "banana", "Zhuangzhuang"}
	for i := 0; b.Loop(); i++ {
		Split(words[i%len(words)])
	}
}
