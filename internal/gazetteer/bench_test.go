package gazetteer

import (
	"slices"
	"testing"
)

var benchWords = []string{"Kharkov", "Kharkiv region", "Wunan", "Gerasimov", "Dnieper River", "the", "Bilohorivka", "哈尔科夫"}

func BenchmarkLookup(b *testing.B) {
	g := Default()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		g.Lookup(benchWords[i%len(benchWords)])
	}
	b.ReportMetric(float64(g.Len()), "places")
}

func BenchmarkNearest(b *testing.B) {
	g := Default()
	words := []string{"Herson", "Haerkefu", "Gerasimov", "Mikolayev", "Wunan", "Linder"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		g.Nearest(words[i%len(words)], 3)
	}
	b.ReportMetric(float64(len(g.forms)), "spellings")
}

func BenchmarkParseAbbreviation(b *testing.B) {
	words := []string{"Wudong", "Wuxinan", "Zhong-Mei", "Kharkiv", "Gerasimov"}
	for i := 0; b.Loop(); i++ {
		ParseAbbreviation(words[i%len(words)])
	}
}

func BenchmarkDefault(b *testing.B) {
	places, err := embeddedPlaces()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		New(places...)
	}
}

func BenchmarkDefaultWithGenerated(b *testing.B) {
	hand, err := embeddedPlaces()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		places := slices.Clone(hand)
		if err := addGeneratedVariants(places, generatedHand); err != nil {
			b.Fatal(err)
		}
		g := New(places...)
		g.bulk = newBulk(generatedPlaces, generatedIndex)
		g.Lookup("Andriivka")
	}
}
