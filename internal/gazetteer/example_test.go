package gazetteer_test

import (
	"fmt"
	"strings"

	"github.com/transcheck/transcheck/internal/gazetteer"
)

func ExampleGazetteer_Lookup() {
	g := gazetteer.Default()
	for _, name := range []string{"Kharkov", "Kharkiv region", "Dnieper River", "哈尔科夫"} {
		m := g.Lookup(name)[0]
		fmt.Printf("%s → %s (%s)\n", name, m.Place.Name, m.Kind)
	}
	// Output:
	// Kharkov → Kharkiv (russian+french)
	// Kharkiv region → Kharkiv Oblast (preferred)
	// Dnieper River → Dnipro River (alternative)
	// 哈尔科夫 → Kharkiv (chinese)
}

func ExampleGazetteer_Nearest() {
	g := gazetteer.Default()
	for _, word := range []string{"Herson", "Haerkefu", "Mikolayev"} {
		s := g.Nearest(word, 1)[0]
		fmt.Printf("%s → %s by %s (%.2f)\n", word, s.Place.Name, s.Method, s.Score)
	}
	// Output:
	// Herson → Kherson by pinyin (0.94)
	// Haerkefu → Kharkiv by pinyin (1.00)
	// Mikolayev → Mykolaiv by spelling (1.00)
}

func ExampleParseAbbreviation() {
	for _, word := range []string{"Wubei", "Exinan", "Mei'e", "Ejun", "Dongou"} {
		a, _ := gazetteer.ParseAbbreviation(word)
		fmt.Printf("%s = %s = %s\n", word, a.Hanzi, a.Meaning)
	}
	// Output:
	// Wubei = 乌北 = northern Ukraine
	// Exinan = 俄西南 = southwestern Russia
	// Mei'e = 美俄 = US-Russia
	// Ejun = 俄军 = Russian forces
	// Dongou = 东欧 = Eastern Europe
}

func ExampleParseFile() {
	f, err := gazetteer.ParseFile(strings.NewReader(`
place Pisky | country:UA | russian:Peski
prefer Kiev
allow Wanxiang
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	g := gazetteer.Default().Merge(gazetteer.New(f.Places...))
	style := gazetteer.DefaultStyle().Merge(f.Style)
	m := g.Lookup("Peski")[0]
	kyiv := g.Lookup("Kyiv")[0].Place
	fmt.Println(m.Place.Name, m.Kind, style.Flags(m.Kind))
	fmt.Println(style.Preferred(kyiv), style.Allowed("Wanxiang"))
	// Output:
	// Pisky russian true
	// Kiev true
}

func ExampleGazetteer_RegionNoun() {
	g := gazetteer.Default()
	for _, word := range []string{"Kharkivshchyna", "Donechchyna", "Kharkovshchina"} {
		m, _ := g.RegionNoun(word)
		fmt.Printf("%s → %s\n", word, m.Place.Name)
	}
	// Output:
	// Kharkivshchyna → Kharkiv Oblast
	// Donechchyna → Donetsk Oblast
	// Kharkovshchina → Kharkiv Oblast
}

func ExampleParseDirection() {
	// "Mei E" and "E jun": syllables written apart, each a unit.
	fmt.Println(gazetteer.IsAbbreviationUnit("Mei"), gazetteer.IsAbbreviationUnit("jun"), gazetteer.IsAbbreviationUnit("Kyiv"))
	// "Bolan Dongbu": 波兰 read out, then a direction.
	adj, hanzi, ok := gazetteer.ParseDirection("Dongbu")
	fmt.Println(adj, hanzi, ok)
	// Output:
	// true true false
	// eastern 东部 true
}

func ExampleGazetteer_Adjective() {
	g := gazetteer.Default()
	for _, w := range []string{"Izyumsky", "Kupianske"} {
		a, _ := g.Adjective(w)
		fmt.Println(w, "→", a.Place.Name, "russian ending:", a.Russian)
	}
	// Output:
	// Izyumsky → Izium russian ending: true
	// Kupianske → Kupiansk russian ending: false
}

func ExampleGazetteer_KnownName() {
	g := gazetteer.Default()
	fmt.Println(g.KnownName("Lecce"), g.KnownName("Xinhua"), g.KnownName("Kiev"))
	// Output: true true false
}
