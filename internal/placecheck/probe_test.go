package placecheck

import (
	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/report"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
)

// expected is one finding a probe text must have.
type expected struct {
	rule, text string
	severity   report.Severity
	suggestion string
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
		{rules.PlaceVariant.ID, "Awdijiwka", report.Warning, "Avdiivka"},
		{rules.PlaceVariant.ID, "Charkiw", report.Warning, "Kharkiv"},
		{rules.PlaceVariant.ID, "Kiew", report.Warning, "Kyiv"},
		{rules.PlaceVariant.ID, "Charkiw", report.Warning, "Kharkiv"},
		{rules.PlaceVariant.ID, "Odessa", report.Warning, "Odesa"},
		{rules.PlaceVariant.ID, "Mykolajiw", report.Warning, "Mykolaiv"},
		{rules.PlaceVariant.ID, "Donbass", report.Warning, "Donbas"},
		{rules.PlaceVariant.ID, "Awdijiwka", report.Warning, "Avdiivka"},
		{rules.PlaceVariant.ID, "Bachmut", report.Warning, "Bakhmut"},
		{rules.PlaceVariant.ID, "Kupjansk", report.Warning, "Kupiansk"},
		{rules.PlaceVariant.ID, "Marjinka", report.Warning, "Marinka"},
		{rules.PlaceVariant.ID, "Saporischschja", report.Warning, "Zaporizhzhia"},
		{rules.PlaceVariant.ID, "Werbowe", report.Warning, "Verbove"},
		{rules.PlaceVariant.ID, "Krim", report.Warning, "Crimea"},
		{rules.PlaceVariant.ID, "Dnepr", report.Warning, "Dnipro"},
		{rules.PlaceVariant.ID, "Cherson", report.Warning, "Kherson"},
		{rules.PlaceVariant.ID, "Kachowka", report.Warning, "Kakhovka"},
		{rules.PlaceVariant.ID, "Lemberg", report.Warning, "Lviv"},
		{rules.PlaceVariant.ID, "Isjum", report.Warning, "Izium"},
		{rules.PlaceVariant.ID, "Kupjansk", report.Warning, "Kupiansk"},
		{rules.PlaceVariant.ID, "Sewerodonezk", report.Warning, "Sievierodonetsk"},
		{rules.PlaceVariant.ID, "Lyssytschansk", report.Warning, "Lysychansk"},
		{rules.PlaceVariant.ID, "Dnipropetrowsk", report.Warning, "Dnipro"},
		{rules.PlaceVariant.ID, "Saporischschja", report.Warning, "Zaporizhzhia"},
	},
	"mt_ru_mod.txt": {
		{rules.PlaceVariant.ID, "Kleshcheevka", report.Warning, "Klishchiivka"},
		{rules.PlaceVariant.ID, "Artemovsk", report.Warning, "Bakhmut"},
		{rules.PlaceVariant.ID, "Kleshcheevka", report.Warning, "Klishchiivka"},
		{rules.PlaceVariant.ID, "Kupyansk", report.Warning, "Kupiansk"},
		{rules.PlaceVariant.ID, "Sinkovka", report.Warning, "Synkivka"},
		{rules.PlaceVariant.ID, "Petropavlovka", report.Warning, "Petropavlivka"},
		{rules.PlaceVariant.ID, "Kharkov region", report.Warning, "Kharkiv region"},
		{rules.PlaceTransliteration.ID, "Krasnolimansk", report.Warning, "Lyman"},
		{rules.PlaceVariant.ID, "Torskoye", report.Warning, "Torske"},
		{rules.PlaceVariant.ID, "Serebryanka", report.Warning, "Serebrianka"},
		{rules.PlaceVariant.ID, "Novomikhailovka", report.Warning, "Novomykhailivka"},
		{rules.PlaceVariant.ID, "Ugledar", report.Warning, "Vuhledar"},
		{rules.PlaceVariant.ID, "Staromayorskoye", report.Warning, "Staromaiorske"},
		{rules.PlaceVariant.ID, "Zaporozhye", report.Warning, "Zaporizhzhia"},
		{rules.PlaceVariant.ID, "Rabotino", report.Warning, "Robotyne"},
		{rules.PlaceVariant.ID, "Verbovoye", report.Warning, "Verbove"},
		{rules.PlaceVariant.ID, "Krynki", report.Warning, "Krynky"},
		{rules.PlaceVariant.ID, "Dnepr", report.Warning, "Dnipro"},
		{rules.PlaceVariant.ID, "Nikolaev", report.Warning, "Mykolaiv"},
		{rules.PlaceTransliteration.ID, "Zapozhe", report.Warning, "Zaporizhzhia"},
		{rules.PlaceVariant.ID, "Odessa", report.Warning, "Odesa"},
		{rules.PlaceVariant.ID, "Gorlovka", report.Warning, "Horlivka"},
		{rules.PlaceVariant.ID, "Avdeevka", report.Warning, "Avdiivka"},
		{rules.PlaceVariant.ID, "Mikolayev", report.Warning, "Mykolaiv"},
		{rules.PlaceVariant.ID, "Severodonetsk", report.Warning, "Sievierodonetsk"},
		{rules.PlaceVariant.ID, "Lisichansk", report.Warning, "Lysychansk"},
		{rules.PlaceVariant.ID, "Lugansk", report.Warning, "Luhansk"},
		{rules.PlaceTransliteration.ID, "Bahmute", report.Warning, "Bakhmut"},
		{rules.PlaceVariant.ID, "Chasov Yar", report.Warning, "Chasiv Yar"},
		{rules.PlaceVariant.ID, "Zaporozhe region", report.Warning, "Zaporizhzhia region"},
	},
	"mt_zh_cities.txt": {
		{rules.PlaceRomanized.ID, "Jifu", report.Error, "Kyiv"},
		{rules.PlaceRomanized.ID, "Liwofu", report.Error, "Lviv"},
		{rules.PlaceRomanized.ID, "Aodesa", report.Error, "Odesa"},
		{rules.PlaceRomanized.ID, "Wen Ni Cha", report.Error, "Vinnytsia"},
		{rules.PlaceRomanized.ID, "Kelimiya", report.Error, "Crimea"},
		{rules.PlaceRomanized.ID, "Ke Lie Mian Qiu Ge", report.Error, "Kremenchuk"},
		{rules.PlaceRomanized.ID, "Sai Wa Si Tuo Bo Er", report.Error, "Sevastopol"},
		{rules.PlaceRomanized.ID, "Dunbasi", report.Error, "Donbas"},
		{rules.PlaceRomanized.ID, "Mosike", report.Error, "Moscow"},
		{rules.PlaceRomanizedAbbreviation.ID, "E fang", report.Warning, "the Russian side"},
		{rules.PlaceRomanizedAbbreviation.ID, "Wu fang", report.Warning, "the Ukrainian side"},
		{rules.PlaceRomanized.ID, "Bie Er Ge Luo De", report.Error, "Belgorod"},
		{rules.PlaceRomanized.ID, "Kuersike", report.Error, "Kursk"},
		{rules.PlaceRomanizedAbbreviation.ID, "E Wu", report.Warning, "Russia-Ukraine"},
		{rules.PlaceRomanizedAbbreviation.ID, "Beiyue", report.Error, "NATO"},
		{rules.PlaceRomanizedAbbreviation.ID, "Oumeng", report.Error, "the EU"},
		{rules.PlaceRomanizedAbbreviation.ID, "Zhongfang", report.Warning, "the Chinese side"},
		{rules.PlaceRomanized.ID, "Eluosi", report.Error, "Russia"},
	},
	"mt_zh_front.txt": {
		{rules.PlaceRomanizedAbbreviation.ID, "Wudong", report.Error, "eastern Ukraine"},
		{rules.PlaceRomanizedAbbreviation.ID, "Ejun", report.Warning, "Russian forces"},
		{rules.PlaceRomanized.ID, "Bahemute", report.Error, "Bakhmut"},
		{rules.PlaceVariant.ID, "Chasov Yar", report.Warning, "Chasiv Yar"},
		{rules.PlaceRomanizedAbbreviation.ID, "Wu fang", report.Warning, "the Ukrainian side"},
		{rules.PlaceRomanizedAbbreviation.ID, "Wudong", report.Error, "eastern Ukraine"},
		{rules.PlaceTransliteration.ID, "Awdiyivka", report.Warning, "Avdiivka"},
		{rules.PlaceTransliteration.ID, "Zhapoluore", report.Warning, "Zaporizhzhia"},
		{rules.PlaceRomanized.ID, "Ke Lin Ji", report.Error, "Krynky"},
		{rules.PlaceTransliteration.ID, "Hersong", report.Warning, "Kherson"},
		{rules.PlaceRomanized.ID, "Haerkefu", report.Error, "Kharkiv"},
		{rules.PlaceRomanizedAbbreviation.ID, "Wubei", report.Error, "northern Ukraine"},
		{rules.PlaceRomanizedAbbreviation.ID, "Mei E", report.Warning, "US-Russia"},
		{rules.PlaceRomanizedAbbreviation.ID, "E Wu", report.Warning, "Russia-Ukraine"},
		{rules.PlaceRomanizedAbbreviation.ID, "Mei fang", report.Warning, "the US side"},
		{rules.PlaceRomanizedAbbreviation.ID, "Wu jun", report.Warning, "Ukrainian forces"},
		{rules.PlaceRomanizedAbbreviation.ID, "Beiyue", report.Error, "NATO"},
		{rules.PlaceRomanized.ID, "Ouzhou", report.Error, "Europe"},
		{rules.PlaceRomanized.ID, "Ao De Sa", report.Error, "Odesa"},
		{rules.PlaceRomanized.ID, "Mikelayifu", report.Error, "Mykolaiv"},
	},
	"human_kupiansk.txt": {},
	"mt_ru_inspection.txt": {
		{rules.PlaceVariant.ID, "Avdeyevka", report.Warning, "Avdiivka"},
		{rules.PlaceVariant.ID, "Ocheretino", report.Warning, "Ocheretyne"},
		{rules.PlaceVariant.ID, "Novobakhmutovka", report.Warning, "Novobakhmutivka"},
		{rules.PlaceVariant.ID, "Dnepr", report.Warning, "Dnipro"},
		{rules.PlaceVariant.ID, "Krynki", report.Warning, "Krynky"},
		{rules.PlaceVariant.ID, "Tyaginka", report.Warning, "Tiahynka"},
		{rules.PlaceVariant.ID, "Antonovka", report.Warning, "Antonivka"},
		{rules.PlaceVariant.ID, "Zaporozhye region", report.Warning, "Zaporizhzhia region"},
		{rules.PlaceVariant.ID, "Rabotino", report.Warning, "Robotyne"},
		{rules.PlaceVariant.ID, "Verbovoye", report.Warning, "Verbove"},
		{rules.PlaceVariant.ID, "Malaya Tokmachka", report.Warning, "Mala Tokmachka"},
		{rules.PlaceVariant.ID, "Gorlovka", report.Warning, "Horlivka"},
		{rules.PlaceVariant.ID, "Yasinovataya", report.Warning, "Yasynuvata"},
		{rules.PlaceVariant.ID, "Kremennaya", report.Warning, "Kreminna"},
		{rules.PlaceVariant.ID, "Lisichansk", report.Warning, "Lysychansk"},
		{rules.PlaceVariant.ID, "Nikolayev region", report.Warning, "Mykolaiv region"},
		{rules.PlaceVariant.ID, "Odessa", report.Warning, "Odesa"},
		{rules.PlaceVariant.ID, "Krasnoarmeysk", report.Warning, "Pokrovsk"},
		{rules.PlaceVariant.ID, "Konstantinovka", report.Warning, "Kostiantynivka"},
	},
	"mt_zh_regions.txt": {
		{rules.PlaceRomanized.ID, "Bie Er Ge Luo De Zhou", report.Error, "Belgorod Oblast"},
		{rules.PlaceRomanized.ID, "Bie Er Ge Luo De Zhou", report.Error, "Belgorod Oblast"},
		{rules.PlaceRomanized.ID, "Kuersike Zhou", report.Error, "Kursk Oblast"},
		{rules.PlaceRomanizedAbbreviation.ID, "Wufang", report.Warning, "the Ukrainian side"},
		{rules.PlaceRomanized.ID, "Deguo", report.Error, "Germany"},
		{rules.PlaceRomanized.ID, "Deguo", report.Error, "Germany"},
		{rules.PlaceRomanized.ID, "Wukelan", report.Error, "Ukraine"},
		{rules.PlaceRomanized.ID, "Meiguo", report.Error, "United States"},
		{rules.PlaceRomanized.ID, "Jifu", report.Error, "Kyiv"},
		{rules.PlaceRomanizedAbbreviation.ID, "Bo fang", report.Warning, "the Polish side"},
		{rules.PlaceRomanized.ID, "Bolan Dongbu", report.Error, "eastern Poland"},
		{rules.PlaceRomanizedAbbreviation.ID, "Ejun", report.Warning, "Russian forces"},
		{rules.PlaceRomanized.ID, "Haerkefu Zhou", report.Error, "Kharkiv Oblast"},
		{rules.PlaceRomanizedAbbreviation.ID, "Wujun", report.Warning, "Ukrainian forces"},
		{rules.PlaceTransliteration.ID, "Kupianske", report.Warning, "Kupiansk"},
		{rules.PlaceRomanizedAbbreviation.ID, "Exinan", report.Error, "southwestern Russia"},
		{rules.PlaceRomanizedAbbreviation.ID, "Zhong E", report.Warning, "China-Russia"},
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
