package gazetteer

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEmbeddedDataParses(t *testing.T) {
	places, err := embeddedPlaces()
	require.NoError(t, err)
	assert.Greater(t, len(places), 600)
	assert.Equal(t, len(places), Default().Len(), "no ID is used twice across files")
}

func TestEmbeddedDataHeaders(t *testing.T) {
	entries, err := dataFS.ReadDir("data")
	require.NoError(t, err)
	require.NotEmpty(t, entries)
	for _, e := range entries {
		b, err := dataFS.ReadFile("data/" + e.Name())
		require.NoError(t, err)
		head := string(b[:min(len(b), 800)])
		assert.Contains(t, head, "Source:", e.Name())
		assert.Contains(t, head, "Licence: MIT", e.Name())
	}
}

func TestEmbeddedDataCoverage(t *testing.T) {
	g := Default()
	ukrOblasts := 0
	for _, p := range g.Places() {
		if p.Country == "UA" && p.Kind == KindAdmin1 && strings.HasSuffix(p.Name, " Oblast") {
			ukrOblasts++
		}
	}
	assert.Equal(t, 24, ukrOblasts, "all 24 Ukrainian oblasts")

	mustKnow := []string{
		// Ukrainian cities over ~50,000 and the places the war made known.
		"Kyiv", "Kharkiv", "Odesa", "Dnipro", "Donetsk", "Zaporizhzhia", "Lviv", "Kryvyi Rih",
		"Mykolaiv", "Mariupol", "Luhansk", "Vinnytsia", "Makiivka", "Sevastopol", "Simferopol",
		"Kherson", "Poltava", "Chernihiv", "Cherkasy", "Khmelnytskyi", "Zhytomyr", "Sumy", "Rivne",
		"Horlivka", "Ivano-Frankivsk", "Kamianske", "Kropyvnytskyi", "Ternopil", "Kremenchuk", "Lutsk",
		"Bila Tserkva", "Kramatorsk", "Melitopol", "Kerch", "Nikopol", "Sloviansk", "Uzhhorod",
		"Berdiansk", "Alchevsk", "Pavlohrad", "Yevpatoriia", "Sievierodonetsk", "Lysychansk",
		"Kamianets-Podilskyi", "Brovary", "Bakhmut", "Mukachevo", "Konotop", "Uman", "Shostka",
		"Enerhodar", "Izium", "Kupiansk", "Lyman", "Avdiivka", "Pokrovsk", "Nova Kakhovka", "Kakhovka",
		"Bucha", "Irpin", "Vuhledar", "Chasiv Yar", "Tokmak", "Orikhiv", "Huliaipole",
		"Kostiantynivka", "Toretsk", "Soledar", "Druzhkivka", "Bilohorivka", "Popasna", "Rubizhne",
		"Hostomel", "Borodianka", "Zolochiv", "Chernivtsi",
		// Regions, rivers, seas, sites.
		"Crimea", "Donbas", "Dnipro River", "Siverskyi Donets", "Dniester", "Southern Buh", "Desna",
		"Oskil", "Inhulets", "Danube", "Don", "Volga", "Black Sea", "Sea of Azov", "Kerch Strait",
		"Zaporizhzhia Nuclear Power Plant", "Azovstal", "Snake Island", "Kinburn Spit", "Chornobyl",
		// Russia and the neighbours.
		"Moscow", "Saint Petersburg", "Belgorod", "Kursk", "Bryansk", "Rostov-on-Don", "Voronezh",
		"Krasnodar", "Novorossiysk", "Taganrog", "Minsk", "Homel", "Mahiliou", "Hrodna", "Brest",
		"Vitsebsk", "Chisinau", "Tiraspol", "Transnistria", "Warsaw", "Bucharest", "Tbilisi",
		"Vilnius", "Riga", "Tallinn",
		// China.
		"Beijing", "Shanghai", "Wuhan", "Wuxi", "Guangzhou", "Shenzhen", "Xi'an", "Nanjing", "Tianjin",
		"Chongqing", "Chengdu", "Hangzhou", "Harbin",
		// Countries.
		"Ukraine", "Russia", "Belarus", "Moldova", "Poland", "Romania", "Georgia", "United States",
		"China", "Germany", "France", "United Kingdom",
	}
	for _, name := range mustKnow {
		ms := g.Lookup(name)
		if assert.NotEmpty(t, ms, name) {
			assert.Equal(t, VariantKind(0), ms[0].Kind, "%s is a preferred name", name)
		}
	}
}

func TestEmbeddedDataConsistent(t *testing.T) {
	g := Default()
	preferred := make(map[string]*Place)
	for _, p := range g.Places() {
		preferred[Key(p.Name)] = p
	}
	for _, p := range g.Places() {
		if p.Admin != "" {
			a, ok := g.ByID(p.Admin)
			if assert.True(t, ok, "%s: in:%s does not exist", p.ID, p.Admin) {
				assert.Equal(t, KindAdmin1, a.Kind, "%s: in:%s is no first-level division", p.ID, p.Admin)
				assert.Equal(t, p.Country, a.Country, "%s: in:%s is in another country", p.ID, p.Admin)
			}
		}
		for _, v := range p.Variants {
			assert.NotEqual(t, Key(p.Name), Key(v.Name), "%s: variant %q is the name itself", p.ID, v.Name)
			// A variant that the style flags must not be another place's
			// preferred name, or that place would be flagged.
			if other, ok := preferred[Key(v.Name)]; ok && DefaultStyle().Flags(v.Kind) {
				t.Errorf("%s: %s variant %q is the preferred name of %s", p.ID, v.Kind, v.Name, other.ID)
			}
		}
		for _, c := range p.Chinese {
			assert.NotEmpty(t, c.Pinyin, "%s: %s has no pinyin", p.ID, c.Hanzi)
		}
	}
}

// TestRealNamesAreKnown: names that must never be flagged as unknown are in
// the gazetteer under their preferred spelling, including pinyin city names
// that the abbreviation grammar would otherwise read.
func TestRealNamesAreKnown(t *testing.T) {
	g := Default()
	for _, name := range []string{"Wuhan", "Wuxi", "Kherson", "Kharkiv", "Bilohorivka", "Mariupol",
		"Odesa", "Tainan", "Taizhong", "Hanzhong", "Hubei", "Henan", "Guangxi", "Jiangxi", "Dongguan"} {
		assert.NotEmpty(t, g.Lookup(name), name)
	}
	for _, name := range []string{"Wuhan", "Wuxi", "Tainan", "Hanzhong", "Taidong"} {
		_, ok := ParseAbbreviation(name)
		assert.True(t, ok, "%s parses, so the gazetteer must block it", name)
	}
}
