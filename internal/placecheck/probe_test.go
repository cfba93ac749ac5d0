package placecheck

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
)

// expected is one finding a probe text must have.
type expected struct {
	rule, text, severity, suggestion string
}

// probeFindings lists, for each text in testdata (see testdata/README.md),
// every finding Check must make, in document order. The human texts must
// have none at all: every real place, person and organization in them is
// recognized or left alone. The machine-translated texts keep their
// findings; the few known misses are noted in the README.
var probeFindings = map[string][]expected{
	"human_china.txt":   {},
	"human_culture.txt": {},
	"human_front.txt":   {},
	"human_misc.txt":    {},
	"human_orgs.txt":    {},
	"human_russia.txt":  {},
	"mt_de_news.txt": {
		{RuleVariant, "Awdijiwka", SeverityWarning, "Avdiivka"},
		{RuleVariant, "Charkiw", SeverityWarning, "Kharkiv"},
		{RuleVariant, "Kiew", SeverityWarning, "Kyiv"},
		{RuleVariant, "Charkiw", SeverityWarning, "Kharkiv"},
		{RuleVariant, "Odessa", SeverityWarning, "Odesa"},
		{RuleVariant, "Mykolajiw", SeverityWarning, "Mykolaiv"},
		{RuleVariant, "Donbass", SeverityWarning, "Donbas"},
		{RuleVariant, "Awdijiwka", SeverityWarning, "Avdiivka"},
		{RuleVariant, "Bachmut", SeverityWarning, "Bakhmut"},
		{RuleVariant, "Kupjansk", SeverityWarning, "Kupiansk"},
		{RuleVariant, "Marjinka", SeverityWarning, "Marinka"},
		{RuleVariant, "Saporischschja", SeverityWarning, "Zaporizhzhia"},
		{RuleVariant, "Werbowe", SeverityWarning, "Verbove"},
		{RuleVariant, "Krim", SeverityWarning, "Crimea"},
		{RuleVariant, "Dnepr", SeverityWarning, "Dnipro"},
		{RuleVariant, "Cherson", SeverityWarning, "Kherson"},
		{RuleVariant, "Kachowka", SeverityWarning, "Kakhovka"},
		{RuleVariant, "Lemberg", SeverityWarning, "Lviv"},
		{RuleVariant, "Isjum", SeverityWarning, "Izium"},
		{RuleVariant, "Kupjansk", SeverityWarning, "Kupiansk"},
		{RuleVariant, "Sewerodonezk", SeverityWarning, "Sievierodonetsk"},
		{RuleVariant, "Lyssytschansk", SeverityWarning, "Lysychansk"},
		{RuleVariant, "Dnipropetrowsk", SeverityWarning, "Dnipro"},
		{RuleVariant, "Saporischschja", SeverityWarning, "Zaporizhzhia"},
	},
	"mt_ru_mod.txt": {
		{RuleVariant, "Kleshcheevka", SeverityWarning, "Klishchiivka"},
		{RuleVariant, "Artemovsk", SeverityWarning, "Bakhmut"},
		{RuleVariant, "Kleshcheevka", SeverityWarning, "Klishchiivka"},
		{RuleVariant, "Kupyansk", SeverityWarning, "Kupiansk"},
		{RuleVariant, "Sinkovka", SeverityWarning, "Synkivka"},
		{RuleVariant, "Petropavlovka", SeverityWarning, "Petropavlivka"},
		{RuleVariant, "Kharkov region", SeverityWarning, "Kharkiv region"},
		{RuleTransliteration, "Krasnolimansk", SeverityWarning, "Lyman"},
		{RuleVariant, "Torskoye", SeverityWarning, "Torske"},
		{RuleVariant, "Serebryanka", SeverityWarning, "Serebrianka"},
		{RuleVariant, "Novomikhailovka", SeverityWarning, "Novomykhailivka"},
		{RuleVariant, "Ugledar", SeverityWarning, "Vuhledar"},
		{RuleVariant, "Staromayorskoye", SeverityWarning, "Staromaiorske"},
		{RuleVariant, "Zaporozhye", SeverityWarning, "Zaporizhzhia"},
		{RuleVariant, "Rabotino", SeverityWarning, "Robotyne"},
		{RuleVariant, "Verbovoye", SeverityWarning, "Verbove"},
		{RuleVariant, "Krynki", SeverityWarning, "Krynky"},
		{RuleVariant, "Dnepr", SeverityWarning, "Dnipro"},
		{RuleVariant, "Nikolaev", SeverityWarning, "Mykolaiv"},
		{RuleTransliteration, "Zapozhe", SeverityWarning, "Zaporizhzhia"},
		{RuleVariant, "Odessa", SeverityWarning, "Odesa"},
		{RuleVariant, "Gorlovka", SeverityWarning, "Horlivka"},
		{RuleVariant, "Avdeevka", SeverityWarning, "Avdiivka"},
		{RuleTransliteration, "Mikolayev", SeverityWarning, "Mykolaiv"},
		{RuleVariant, "Severodonetsk", SeverityWarning, "Sievierodonetsk"},
		{RuleVariant, "Lisichansk", SeverityWarning, "Lysychansk"},
		{RuleVariant, "Lugansk", SeverityWarning, "Luhansk"},
		{RuleTransliteration, "Bahmute", SeverityWarning, "Bakhmut"},
		{RuleVariant, "Chasov Yar", SeverityWarning, "Chasiv Yar"},
		{RuleVariant, "Zaporozhe region", SeverityWarning, "Zaporizhzhia region"},
	},
	"mt_zh_cities.txt": {
		{RuleRomanized, "Jifu", SeverityError, "Kyiv"},
		{RuleRomanized, "Liwofu", SeverityError, "Lviv"},
		{RuleRomanized, "Aodesa", SeverityError, "Odesa"},
		{RuleRomanized, "Wen Ni Cha", SeverityError, "Vinnytsia"},
		{RuleRomanized, "Kelimiya", SeverityError, "Crimea"},
		{RuleRomanized, "Ke Lie Mian Qiu Ge", SeverityError, "Kremenchuk"},
		{RuleRomanized, "Sai Wa Si Tuo Bo Er", SeverityError, "Sevastopol"},
		{RuleRomanized, "Dunbasi", SeverityError, "Donbas"},
		{RuleRomanized, "Mosike", SeverityError, "Moscow"},
		{RuleRomanizedAbbreviation, "E fang", SeverityWarning, "the Russian side"},
		{RuleRomanizedAbbreviation, "Wu fang", SeverityWarning, "the Ukrainian side"},
		{RuleRomanized, "Bie Er Ge Luo De", SeverityError, "Belgorod"},
		{RuleRomanized, "Kuersike", SeverityError, "Kursk"},
		{RuleRomanizedAbbreviation, "E Wu", SeverityWarning, "Russia-Ukraine"},
		{RuleRomanizedAbbreviation, "Beiyue", SeverityError, "NATO"},
		{RuleRomanizedAbbreviation, "Oumeng", SeverityError, "the EU"},
		{RuleRomanizedAbbreviation, "Zhongfang", SeverityWarning, "the Chinese side"},
		{RuleRomanized, "Eluosi", SeverityError, "Russia"},
	},
	"mt_zh_front.txt": {
		{RuleRomanizedAbbreviation, "Wudong", SeverityError, "eastern Ukraine"},
		{RuleRomanizedAbbreviation, "Ejun", SeverityWarning, "Russian forces"},
		{RuleRomanized, "Bahemute", SeverityError, "Bakhmut"},
		{RuleVariant, "Chasov Yar", SeverityWarning, "Chasiv Yar"},
		{RuleRomanizedAbbreviation, "Wu fang", SeverityWarning, "the Ukrainian side"},
		{RuleRomanizedAbbreviation, "Wudong", SeverityError, "eastern Ukraine"},
		{RuleTransliteration, "Awdiyivka", SeverityWarning, "Avdiivka"},
		{RuleTransliteration, "Zhapoluore", SeverityWarning, "Zaporizhzhia"},
		{RuleRomanized, "Ke Lin Ji", SeverityError, "Krynky"},
		{RuleTransliteration, "Hersong", SeverityWarning, "Kherson"},
		{RuleRomanized, "Haerkefu", SeverityError, "Kharkiv"},
		{RuleRomanizedAbbreviation, "Wubei", SeverityError, "northern Ukraine"},
		{RuleRomanizedAbbreviation, "Mei E", SeverityWarning, "US-Russia"},
		{RuleRomanizedAbbreviation, "E Wu", SeverityWarning, "Russia-Ukraine"},
		{RuleRomanizedAbbreviation, "Mei fang", SeverityWarning, "the US side"},
		{RuleRomanizedAbbreviation, "Wu jun", SeverityWarning, "Ukrainian forces"},
		{RuleRomanizedAbbreviation, "Beiyue", SeverityError, "NATO"},
		{RuleRomanized, "Ouzhou", SeverityError, "Europe"},
		{RuleRomanized, "Ao De Sa", SeverityError, "Odesa"},
		{RuleRomanized, "Mikelayifu", SeverityError, "Mykolaiv"},
	},
	"human_kupiansk.txt": {},
	"mt_ru_inspection.txt": {
		{RuleVariant, "Avdeyevka", SeverityWarning, "Avdiivka"},
		{RuleVariant, "Ocheretino", SeverityWarning, "Ocheretyne"},
		{RuleVariant, "Novobakhmutovka", SeverityWarning, "Novobakhmutivka"},
		{RuleVariant, "Dnepr", SeverityWarning, "Dnipro"},
		{RuleVariant, "Krynki", SeverityWarning, "Krynky"},
		{RuleVariant, "Tyaginka", SeverityWarning, "Tiahynka"},
		{RuleVariant, "Antonovka", SeverityWarning, "Antonivka"},
		{RuleVariant, "Zaporozhye region", SeverityWarning, "Zaporizhzhia region"},
		{RuleVariant, "Rabotino", SeverityWarning, "Robotyne"},
		{RuleVariant, "Verbovoye", SeverityWarning, "Verbove"},
		{RuleVariant, "Malaya Tokmachka", SeverityWarning, "Mala Tokmachka"},
		{RuleVariant, "Gorlovka", SeverityWarning, "Horlivka"},
		{RuleVariant, "Yasinovataya", SeverityWarning, "Yasynuvata"},
		{RuleVariant, "Kremennaya", SeverityWarning, "Kreminna"},
		{RuleVariant, "Lisichansk", SeverityWarning, "Lysychansk"},
		{RuleVariant, "Nikolayev region", SeverityWarning, "Mykolaiv region"},
		{RuleVariant, "Odessa", SeverityWarning, "Odesa"},
		{RuleVariant, "Krasnoarmeysk", SeverityWarning, "Pokrovsk"},
		{RuleVariant, "Konstantinovka", SeverityWarning, "Kostiantynivka"},
	},
	"mt_zh_regions.txt": {
		{RuleRomanized, "Bie Er Ge Luo De Zhou", SeverityError, "Belgorod Oblast"},
		{RuleRomanized, "Bie Er Ge Luo De Zhou", SeverityError, "Belgorod Oblast"},
		{RuleRomanized, "Kuersike Zhou", SeverityError, "Kursk Oblast"},
		{RuleRomanizedAbbreviation, "Wufang", SeverityWarning, "the Ukrainian side"},
		{RuleRomanized, "Deguo", SeverityError, "Germany"},
		{RuleRomanized, "Deguo", SeverityError, "Germany"},
		{RuleRomanized, "Wukelan", SeverityError, "Ukraine"},
		{RuleRomanized, "Meiguo", SeverityError, "United States"},
		{RuleRomanized, "Jifu", SeverityError, "Kyiv"},
		{RuleRomanizedAbbreviation, "Bo fang", SeverityWarning, "the Polish side"},
		{RuleRomanized, "Bolan Dongbu", SeverityError, "eastern Poland"},
		{RuleRomanizedAbbreviation, "Ejun", SeverityWarning, "Russian forces"},
		{RuleRomanized, "Haerkefu Zhou", SeverityError, "Kharkiv Oblast"},
		{RuleRomanizedAbbreviation, "Wujun", SeverityWarning, "Ukrainian forces"},
		{RuleTransliteration, "Kupianske", SeverityWarning, "Kupiansk"},
		{RuleRomanizedAbbreviation, "Exinan", SeverityError, "southwestern Russia"},
		{RuleRomanizedAbbreviation, "Zhong E", SeverityWarning, "China-Russia"},
	},
}

func TestProbeTexts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	require.NoError(t, err)
	require.Len(t, files, len(probeFindings), "every probe text has its expectations")
	c := New(Options{})
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			want, ok := probeFindings[name]
			require.True(t, ok, "no expectations for %s", name)
			b, err := os.ReadFile(path)
			require.NoError(t, err)
			text := string(b)
			got := []expected{}
			for _, f := range c.Check(segment.Split(text), nil) {
				require.NotEmpty(t, f.Suggestions, "%+v", f)
				assert.Equal(t, f.Text, text[f.Span.Start:f.Span.End], "span of %q", f.Text)
				got = append(got, expected{f.Rule, f.Text, f.Severity, f.Suggestions[0]})
			}
			assert.Equal(t, want, got)
		})
	}
}
