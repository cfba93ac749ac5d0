package placecheck

import (
	"github.com/transcheck/transcheck/internal/rules"
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
		{rules.PlaceVariant.ID, "Awdijiwka", SeverityWarning, "Avdiivka"},
		{rules.PlaceVariant.ID, "Charkiw", SeverityWarning, "Kharkiv"},
		{rules.PlaceVariant.ID, "Kiew", SeverityWarning, "Kyiv"},
		{rules.PlaceVariant.ID, "Charkiw", SeverityWarning, "Kharkiv"},
		{rules.PlaceVariant.ID, "Odessa", SeverityWarning, "Odesa"},
		{rules.PlaceVariant.ID, "Mykolajiw", SeverityWarning, "Mykolaiv"},
		{rules.PlaceVariant.ID, "Donbass", SeverityWarning, "Donbas"},
		{rules.PlaceVariant.ID, "Awdijiwka", SeverityWarning, "Avdiivka"},
		{rules.PlaceVariant.ID, "Bachmut", SeverityWarning, "Bakhmut"},
		{rules.PlaceVariant.ID, "Kupjansk", SeverityWarning, "Kupiansk"},
		{rules.PlaceVariant.ID, "Marjinka", SeverityWarning, "Marinka"},
		{rules.PlaceVariant.ID, "Saporischschja", SeverityWarning, "Zaporizhzhia"},
		{rules.PlaceVariant.ID, "Werbowe", SeverityWarning, "Verbove"},
		{rules.PlaceVariant.ID, "Krim", SeverityWarning, "Crimea"},
		{rules.PlaceVariant.ID, "Dnepr", SeverityWarning, "Dnipro"},
		{rules.PlaceVariant.ID, "Cherson", SeverityWarning, "Kherson"},
		{rules.PlaceVariant.ID, "Kachowka", SeverityWarning, "Kakhovka"},
		{rules.PlaceVariant.ID, "Lemberg", SeverityWarning, "Lviv"},
		{rules.PlaceVariant.ID, "Isjum", SeverityWarning, "Izium"},
		{rules.PlaceVariant.ID, "Kupjansk", SeverityWarning, "Kupiansk"},
		{rules.PlaceVariant.ID, "Sewerodonezk", SeverityWarning, "Sievierodonetsk"},
		{rules.PlaceVariant.ID, "Lyssytschansk", SeverityWarning, "Lysychansk"},
		{rules.PlaceVariant.ID, "Dnipropetrowsk", SeverityWarning, "Dnipro"},
		{rules.PlaceVariant.ID, "Saporischschja", SeverityWarning, "Zaporizhzhia"},
	},
	"mt_ru_mod.txt": {
		{rules.PlaceVariant.ID, "Kleshcheevka", SeverityWarning, "Klishchiivka"},
		{rules.PlaceVariant.ID, "Artemovsk", SeverityWarning, "Bakhmut"},
		{rules.PlaceVariant.ID, "Kleshcheevka", SeverityWarning, "Klishchiivka"},
		{rules.PlaceVariant.ID, "Kupyansk", SeverityWarning, "Kupiansk"},
		{rules.PlaceVariant.ID, "Sinkovka", SeverityWarning, "Synkivka"},
		{rules.PlaceVariant.ID, "Petropavlovka", SeverityWarning, "Petropavlivka"},
		{rules.PlaceVariant.ID, "Kharkov region", SeverityWarning, "Kharkiv region"},
		{rules.PlaceTransliteration.ID, "Krasnolimansk", SeverityWarning, "Lyman"},
		{rules.PlaceVariant.ID, "Torskoye", SeverityWarning, "Torske"},
		{rules.PlaceVariant.ID, "Serebryanka", SeverityWarning, "Serebrianka"},
		{rules.PlaceVariant.ID, "Novomikhailovka", SeverityWarning, "Novomykhailivka"},
		{rules.PlaceVariant.ID, "Ugledar", SeverityWarning, "Vuhledar"},
		{rules.PlaceVariant.ID, "Staromayorskoye", SeverityWarning, "Staromaiorske"},
		{rules.PlaceVariant.ID, "Zaporozhye", SeverityWarning, "Zaporizhzhia"},
		{rules.PlaceVariant.ID, "Rabotino", SeverityWarning, "Robotyne"},
		{rules.PlaceVariant.ID, "Verbovoye", SeverityWarning, "Verbove"},
		{rules.PlaceVariant.ID, "Krynki", SeverityWarning, "Krynky"},
		{rules.PlaceVariant.ID, "Dnepr", SeverityWarning, "Dnipro"},
		{rules.PlaceVariant.ID, "Nikolaev", SeverityWarning, "Mykolaiv"},
		{rules.PlaceTransliteration.ID, "Zapozhe", SeverityWarning, "Zaporizhzhia"},
		{rules.PlaceVariant.ID, "Odessa", SeverityWarning, "Odesa"},
		{rules.PlaceVariant.ID, "Gorlovka", SeverityWarning, "Horlivka"},
		{rules.PlaceVariant.ID, "Avdeevka", SeverityWarning, "Avdiivka"},
		{rules.PlaceTransliteration.ID, "Mikolayev", SeverityWarning, "Mykolaiv"},
		{rules.PlaceVariant.ID, "Severodonetsk", SeverityWarning, "Sievierodonetsk"},
		{rules.PlaceVariant.ID, "Lisichansk", SeverityWarning, "Lysychansk"},
		{rules.PlaceVariant.ID, "Lugansk", SeverityWarning, "Luhansk"},
		{rules.PlaceTransliteration.ID, "Bahmute", SeverityWarning, "Bakhmut"},
		{rules.PlaceVariant.ID, "Chasov Yar", SeverityWarning, "Chasiv Yar"},
		{rules.PlaceVariant.ID, "Zaporozhe region", SeverityWarning, "Zaporizhzhia region"},
	},
	"mt_zh_cities.txt": {
		{rules.PlaceRomanized.ID, "Jifu", SeverityError, "Kyiv"},
		{rules.PlaceRomanized.ID, "Liwofu", SeverityError, "Lviv"},
		{rules.PlaceRomanized.ID, "Aodesa", SeverityError, "Odesa"},
		{rules.PlaceRomanized.ID, "Wen Ni Cha", SeverityError, "Vinnytsia"},
		{rules.PlaceRomanized.ID, "Kelimiya", SeverityError, "Crimea"},
		{rules.PlaceRomanized.ID, "Ke Lie Mian Qiu Ge", SeverityError, "Kremenchuk"},
		{rules.PlaceRomanized.ID, "Sai Wa Si Tuo Bo Er", SeverityError, "Sevastopol"},
		{rules.PlaceRomanized.ID, "Dunbasi", SeverityError, "Donbas"},
		{rules.PlaceRomanized.ID, "Mosike", SeverityError, "Moscow"},
		{rules.PlaceRomanizedAbbreviation.ID, "E fang", SeverityWarning, "the Russian side"},
		{rules.PlaceRomanizedAbbreviation.ID, "Wu fang", SeverityWarning, "the Ukrainian side"},
		{rules.PlaceRomanized.ID, "Bie Er Ge Luo De", SeverityError, "Belgorod"},
		{rules.PlaceRomanized.ID, "Kuersike", SeverityError, "Kursk"},
		{rules.PlaceRomanizedAbbreviation.ID, "E Wu", SeverityWarning, "Russia-Ukraine"},
		{rules.PlaceRomanizedAbbreviation.ID, "Beiyue", SeverityError, "NATO"},
		{rules.PlaceRomanizedAbbreviation.ID, "Oumeng", SeverityError, "the EU"},
		{rules.PlaceRomanizedAbbreviation.ID, "Zhongfang", SeverityWarning, "the Chinese side"},
		{rules.PlaceRomanized.ID, "Eluosi", SeverityError, "Russia"},
	},
	"mt_zh_front.txt": {
		{rules.PlaceRomanizedAbbreviation.ID, "Wudong", SeverityError, "eastern Ukraine"},
		{rules.PlaceRomanizedAbbreviation.ID, "Ejun", SeverityWarning, "Russian forces"},
		{rules.PlaceRomanized.ID, "Bahemute", SeverityError, "Bakhmut"},
		{rules.PlaceVariant.ID, "Chasov Yar", SeverityWarning, "Chasiv Yar"},
		{rules.PlaceRomanizedAbbreviation.ID, "Wu fang", SeverityWarning, "the Ukrainian side"},
		{rules.PlaceRomanizedAbbreviation.ID, "Wudong", SeverityError, "eastern Ukraine"},
		{rules.PlaceTransliteration.ID, "Awdiyivka", SeverityWarning, "Avdiivka"},
		{rules.PlaceTransliteration.ID, "Zhapoluore", SeverityWarning, "Zaporizhzhia"},
		{rules.PlaceRomanized.ID, "Ke Lin Ji", SeverityError, "Krynky"},
		{rules.PlaceTransliteration.ID, "Hersong", SeverityWarning, "Kherson"},
		{rules.PlaceRomanized.ID, "Haerkefu", SeverityError, "Kharkiv"},
		{rules.PlaceRomanizedAbbreviation.ID, "Wubei", SeverityError, "northern Ukraine"},
		{rules.PlaceRomanizedAbbreviation.ID, "Mei E", SeverityWarning, "US-Russia"},
		{rules.PlaceRomanizedAbbreviation.ID, "E Wu", SeverityWarning, "Russia-Ukraine"},
		{rules.PlaceRomanizedAbbreviation.ID, "Mei fang", SeverityWarning, "the US side"},
		{rules.PlaceRomanizedAbbreviation.ID, "Wu jun", SeverityWarning, "Ukrainian forces"},
		{rules.PlaceRomanizedAbbreviation.ID, "Beiyue", SeverityError, "NATO"},
		{rules.PlaceRomanized.ID, "Ouzhou", SeverityError, "Europe"},
		{rules.PlaceRomanized.ID, "Ao De Sa", SeverityError, "Odesa"},
		{rules.PlaceRomanized.ID, "Mikelayifu", SeverityError, "Mykolaiv"},
	},
	"human_kupiansk.txt": {},
	"mt_ru_inspection.txt": {
		{rules.PlaceVariant.ID, "Avdeyevka", SeverityWarning, "Avdiivka"},
		{rules.PlaceVariant.ID, "Ocheretino", SeverityWarning, "Ocheretyne"},
		{rules.PlaceVariant.ID, "Novobakhmutovka", SeverityWarning, "Novobakhmutivka"},
		{rules.PlaceVariant.ID, "Dnepr", SeverityWarning, "Dnipro"},
		{rules.PlaceVariant.ID, "Krynki", SeverityWarning, "Krynky"},
		{rules.PlaceVariant.ID, "Tyaginka", SeverityWarning, "Tiahynka"},
		{rules.PlaceVariant.ID, "Antonovka", SeverityWarning, "Antonivka"},
		{rules.PlaceVariant.ID, "Zaporozhye region", SeverityWarning, "Zaporizhzhia region"},
		{rules.PlaceVariant.ID, "Rabotino", SeverityWarning, "Robotyne"},
		{rules.PlaceVariant.ID, "Verbovoye", SeverityWarning, "Verbove"},
		{rules.PlaceVariant.ID, "Malaya Tokmachka", SeverityWarning, "Mala Tokmachka"},
		{rules.PlaceVariant.ID, "Gorlovka", SeverityWarning, "Horlivka"},
		{rules.PlaceVariant.ID, "Yasinovataya", SeverityWarning, "Yasynuvata"},
		{rules.PlaceVariant.ID, "Kremennaya", SeverityWarning, "Kreminna"},
		{rules.PlaceVariant.ID, "Lisichansk", SeverityWarning, "Lysychansk"},
		{rules.PlaceVariant.ID, "Nikolayev region", SeverityWarning, "Mykolaiv region"},
		{rules.PlaceVariant.ID, "Odessa", SeverityWarning, "Odesa"},
		{rules.PlaceVariant.ID, "Krasnoarmeysk", SeverityWarning, "Pokrovsk"},
		{rules.PlaceVariant.ID, "Konstantinovka", SeverityWarning, "Kostiantynivka"},
	},
	"mt_zh_regions.txt": {
		{rules.PlaceRomanized.ID, "Bie Er Ge Luo De Zhou", SeverityError, "Belgorod Oblast"},
		{rules.PlaceRomanized.ID, "Bie Er Ge Luo De Zhou", SeverityError, "Belgorod Oblast"},
		{rules.PlaceRomanized.ID, "Kuersike Zhou", SeverityError, "Kursk Oblast"},
		{rules.PlaceRomanizedAbbreviation.ID, "Wufang", SeverityWarning, "the Ukrainian side"},
		{rules.PlaceRomanized.ID, "Deguo", SeverityError, "Germany"},
		{rules.PlaceRomanized.ID, "Deguo", SeverityError, "Germany"},
		{rules.PlaceRomanized.ID, "Wukelan", SeverityError, "Ukraine"},
		{rules.PlaceRomanized.ID, "Meiguo", SeverityError, "United States"},
		{rules.PlaceRomanized.ID, "Jifu", SeverityError, "Kyiv"},
		{rules.PlaceRomanizedAbbreviation.ID, "Bo fang", SeverityWarning, "the Polish side"},
		{rules.PlaceRomanized.ID, "Bolan Dongbu", SeverityError, "eastern Poland"},
		{rules.PlaceRomanizedAbbreviation.ID, "Ejun", SeverityWarning, "Russian forces"},
		{rules.PlaceRomanized.ID, "Haerkefu Zhou", SeverityError, "Kharkiv Oblast"},
		{rules.PlaceRomanizedAbbreviation.ID, "Wujun", SeverityWarning, "Ukrainian forces"},
		{rules.PlaceTransliteration.ID, "Kupianske", SeverityWarning, "Kupiansk"},
		{rules.PlaceRomanizedAbbreviation.ID, "Exinan", SeverityError, "southwestern Russia"},
		{rules.PlaceRomanizedAbbreviation.ID, "Zhong E", SeverityWarning, "China-Russia"},
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
