package gazetteer

import "strings"

// nameWordMeanings maps the English meaning of a common Ukrainian or
// Russian place-name adjective to its written forms (Ukrainian feminine,
// masculine and neuter, then Russian), and the stem it takes as the first
// part of a compound ("Novo-"). Machine translation renders such words by
// their meaning: "Velyka Novosilka" becomes "Great Novosilka", "Nova
// Kakhovka" "New Kakhovka".
var nameWordMeanings = map[string]struct {
	forms []string
	stem  string
}{
	"new":      {[]string{"Nova", "Novyi", "Nove", "Novaya", "Novy", "Novoye"}, "Novo"},
	"old":      {[]string{"Stara", "Staryi", "Stare", "Staraya", "Stary", "Staroye"}, "Staro"},
	"great":    {[]string{"Velyka", "Velykyi", "Velyke", "Bolshaya", "Bolshoy", "Bolshoye"}, "Velyko"},
	"big":      {[]string{"Velyka", "Velykyi", "Velyke", "Bolshaya", "Bolshoy", "Bolshoye"}, "Velyko"},
	"greater":  {[]string{"Velyka", "Velykyi", "Velyke", "Bolshaya", "Bolshoy", "Bolshoye"}, "Velyko"},
	"little":   {[]string{"Mala", "Malyi", "Male", "Malaya", "Maly", "Maloye"}, "Malo"},
	"small":    {[]string{"Mala", "Malyi", "Male", "Malaya", "Maly", "Maloye"}, "Malo"},
	"lesser":   {[]string{"Mala", "Malyi", "Male", "Malaya", "Maly", "Maloye"}, "Malo"},
	"upper":    {[]string{"Verkhnia", "Verkhnii", "Verkhnie", "Verkhnyaya", "Verkhny"}, "Verkhnio"},
	"lower":    {[]string{"Nyzhnia", "Nyzhnii", "Nyzhnie", "Nizhnyaya", "Nizhny"}, "Nyzhnio"},
	"white":    {[]string{"Bila", "Bilyi", "Bile", "Belaya", "Bely", "Beloye"}, "Bilo"},
	"black":    {[]string{"Chorna", "Chornyi", "Chorne", "Chernaya", "Cherny"}, "Chorno"},
	"red":      {[]string{"Chervona", "Chervonyi", "Chervone", "Krasna", "Krasnyi", "Krasnaya", "Krasny"}, "Krasno"},
	"green":    {[]string{"Zelena", "Zelenyi", "Zelene", "Zelenaya", "Zeleny"}, "Zeleno"},
	"golden":   {[]string{"Zolota", "Zolotyi", "Zolote", "Zolotaya", "Zoloty"}, "Zoloto"},
	"stone":    {[]string{"Kamiana", "Kamianyi", "Kamiane", "Kamennaya", "Kamenny"}, "Kamiano"},
	"northern": {[]string{"Pivnichna", "Pivnichnyi", "Pivnichne", "Severnaya", "Severny"}, "Pivnichno"},
	"southern": {[]string{"Pivdenna", "Pivdennyi", "Pivdenne", "Yuzhnaya", "Yuzhny"}, "Pivdenno"},
	"western":  {[]string{"Zakhidna", "Zakhidnyi", "Zakhidne", "Zapadnaya", "Zapadny"}, "Zakhidno"},
	"eastern":  {[]string{"Skhidna", "Skhidnyi", "Skhidne", "Vostochnaya", "Vostochny"}, "Skhidno"},
	"middle":   {[]string{"Serednia", "Serednii", "Serednie", "Srednyaya", "Sredny"}, "Serednio"},
	"dry":      {[]string{"Sukha", "Sukhyi", "Sukhe", "Sukhaya", "Sukhoy"}, "Sukho"},
	"holy":     {[]string{"Sviata", "Sviatyi", "Sviate", "Svyataya", "Svyatoy"}, "Sviato"},
	"high":     {[]string{"Vysoka", "Vysokyi", "Vysoke", "Vysokaya", "Vysoky"}, "Vysoko"},
	"deep":     {[]string{"Hlyboka", "Hlybokyi", "Hlyboke", "Glubokaya", "Gluboky"}, "Hlyboko"},
	"crooked":  {[]string{"Kryva", "Kryvyi", "Kryve", "Krivaya", "Krivoy"}, "Kryvo"},
}

// nameNounMeanings maps the English meaning of a word that Ukrainian and
// Russian company and landmark names join to a place's name ("Azovstal":
// Azov + stal, steel) to that word.
var nameNounMeanings = map[string]string{
	"steel":    "stal",
	"chemical": "khim",
	"energy":   "enerho",
	"machine":  "mash",
}

// Uncalque returns the names that a name translated word for word may
// stand for: "Great Novosilka" may be Velyka Novosilka, Velykyi
// Novosilka … or Velykonovosilka; "Azov Steel" may be Azovstal. The
// first word must be a name word's meaning (an adjective), or the last
// a landmark word's; the other words are kept as they are. Nil when
// neither.
func Uncalque(words []string) []string {
	if len(words) < 2 {
		return nil
	}
	var out []string
	if m, ok := nameWordMeanings[strings.ToLower(words[0])]; ok {
		rest := strings.Join(words[1:], " ")
		for _, f := range m.forms {
			out = append(out, f+" "+rest)
		}
		if len(words) == 2 {
			out = append(out, m.stem+strings.ToLower(words[1]))
		}
	}
	if stem, ok := nameNounMeanings[strings.ToLower(words[len(words)-1])]; ok && len(words) == 2 {
		base := words[0]
		out = append(out, base+stem)
		// "Zaporozhye Steel": the compound takes the name's stem.
		if t := strings.TrimRight(base, "aeiouyAEIOUY"); t != base && len(t) >= 3 {
			out = append(out, t+stem)
		}
	}
	return out
}
