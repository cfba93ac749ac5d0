package langid

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	lg "github.com/pemistahl/lingua-go"

	"github.com/transcheck/transcheck/seeds"
)

var byCode = map[string]lg.Language{
	"en": lg.English, "de": lg.German, "fr": lg.French, "es": lg.Spanish,
	"ru": lg.Russian, "uk": lg.Ukrainian, "zh": lg.Chinese,
}

// testTexts are the seeds, lingua's test documents, each cut into
// paragraphs too, and random texts of words of the four languages, short
// and long, with punctuation, digits and capitals.
func testTexts(t *testing.T) []string {
	var out []string
	for _, s := range seeds.All() {
		out = append(out, string(s.Data))
	}
	files, _ := filepath.Glob("../../lingua/testdata/*/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	for _, d := range out[:len(out):len(out)] {
		out = append(out, strings.Split(d, "\n\n")...)
	}
	words := strings.Fields(`the of and to in a is that for it as was with be by on not he this are or his from at which
		der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass
		le de la et les des en un du une que est pour qui dans par plus pas au sur ne se ce il sont
		el la de que y a en un ser se no haber por con su para como estar tener le lo todo pero más
		Kyiv Moscow 2024 12,5 "quoted" (aside) e-mail x yz QQQ zzzz`)
	rng := rand.New(rand.NewPCG(4, 11))
	for n := range 400 {
		var b strings.Builder
		for range 1 + n%60 {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteString([]string{" ", " ", ", ", ". ", "\n"}[rng.IntN(5)])
		}
		out = append(out, b.String())
	}
	return out
}

func TestIdentifyMatchesLinguaGo(t *testing.T) {
	tab, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := testTexts(t)
	for _, set := range [][]string{
		{"en", "de", "fr", "es", "ru", "uk", "zh"},
		{"en", "de"},
		{"en", "ru"},
		{"es", "en", "zh", "fr"},
	} {
		var langs []lg.Language
		var cols []int
		for _, c := range set {
			langs = append(langs, byCode[c])
			for i, tc := range tab.Codes() {
				if tc == c {
					cols = append(cols, i)
				}
			}
		}
		det := lg.NewLanguageDetectorBuilder().FromLanguages(langs...).WithLowAccuracyMode().WithPreloadedLanguageModels().Build()
		fast, ambiguous := 0, 0
		for _, text := range texts {
			conf, ok := tab.Identify(text, cols)
			if !ok {
				continue
			}
			fast++
			want := map[string]float64{}
			for _, v := range det.ComputeLanguageConfidenceValues(text) {
				want[strings.ToLower(v.Language().IsoCode639_1().String())] = v.Value()
			}
			got := map[string]float64{}
			for i, col := range cols {
				got[tab.Codes()[col]] = conf[i]
			}
			for _, c := range set {
				if got[c] > 0.01 && got[c] < 0.99 {
					ambiguous++
				}
				if math.Abs(got[c]-want[c]) > 1e-12 {
					t.Errorf("%v: %q: %s = %v, lingua-go %v", set, clip(text), c, got[c], want[c])
				}
			}
		}
		// the random short texts must test confidences between 0 and 1 too
		if len(cols) > 1 && ambiguous < 100 {
			t.Errorf("%v: only %d confidences between 0.01 and 0.99 compared", set, ambiguous)
		}
		if fast < len(texts)/2 {
			t.Errorf("%v: only %d of %d texts took the table", set, fast, len(texts))
		}
	}
}

func TestIdentifyDeclines(t *testing.T) {
	tab, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"Kiew und München liegen weit auseinander, sagte er.",
		"Он сказал, что это неправда.",
		"他说这不是真的 and more English words here.",
		"The café was closed.",
		"カタカナ",
	} {
		if conf, ok := tab.Identify(text, []int{0, 1}); ok {
			t.Errorf("%q: table answered %v, want lingua-go asked", text, conf)
		}
	}
	for _, text := range []string{
		"Plain English, with 12 digits and “curly quotes” — and a dash.",
		"İstanbul", // lower-cases to a–z: lingua-go reads "istanbul"
		"",
	} {
		if _, ok := tab.Identify(text, []int{0, 1}); !ok {
			t.Errorf("%q: table declined", text)
		}
	}
}

func TestLoadRejects(t *testing.T) {
	for _, b := range []string{"", "TCLID1\n", Magic + "\x01en", "nonsense"} {
		if _, err := Load(b); err == nil {
			t.Errorf("Load(%q) = nil error", b)
		}
	}
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// FuzzIdentify checks, on any text, that the table either declines or
// gives lingua-go's confidences, and that Load rejects or reads any bytes
// without panicking.
func FuzzIdentify(f *testing.F) {
	for _, s := range []string{"", "The soldiers crossed the river.", "Die Soldaten überquerten", "abc", "ab cd", "İstanbul is big", "x\xffy zzz"} {
		f.Add(s)
	}
	tab, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	det := lg.NewLanguageDetectorBuilder().FromLanguages(lg.English, lg.German, lg.French, lg.Spanish, lg.Russian).
		WithLowAccuracyMode().WithPreloadedLanguageModels().Build()
	cols := []int{0, 1, 2, 3}
	f.Fuzz(func(t *testing.T, text string) {
		if _, err := Load(text); err == nil && len(text) < 100 {
			t.Errorf("Load accepted %d bytes", len(text))
		}
		conf, ok := tab.Identify(text, cols)
		if !ok {
			return
		}
		want := map[string]float64{}
		for _, v := range det.ComputeLanguageConfidenceValues(text) {
			want[strings.ToLower(v.Language().IsoCode639_1().String())] = v.Value()
		}
		for i, c := range tab.Codes() {
			if math.Abs(conf[i]-want[c]) > 1e-9 {
				t.Errorf("%q: %s = %v, lingua-go %v", text, c, conf[i], want[c])
			}
		}
		if want["ru"] != 0 {
			t.Errorf("%q: lingua-go gives Russian %v to a–z text", text, want["ru"])
		}
	})
}
