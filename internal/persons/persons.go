// Package persons holds the words that mark a capitalized word as a
// person's name in English news: titles before a name ("Gen. Syrskyi",
// "Princess Lumana"), the roles and kin reporters put before a first name
// ("his wife Olena", "the analyst Kofman") and the verbs of speech next to
// a speaker ("Peskov told", "said Oleksandr"). lingua's name detection and
// the place checks share these one lists.
package persons

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// titles are the titles, honorifics and offices English puts before a
// person's name, without their full stops. The plural abbreviations
// ("Messrs.", "Drs.") head lists of names.
var titles = set(
	"mr", "mrs", "ms", "miss", "messrs", "mmes", "mme", "mlle", "dr", "drs", "prof", "professor",
	"sir", "dame", "lady", "lord", "prince", "princess", "king", "queen", "emperor", "empress",
	"sheikh", "judge", "justice", "gen", "general", "col", "colonel", "maj", "major", "capt",
	"captain", "lt", "lieutenant", "sgt", "sergeant", "adm", "admiral", "cmdr", "commander",
	"marshal", "brigadier", "sen", "senator", "rep", "representative", "gov", "governor", "rev",
	"reverend", "father", "sister", "brother", "saint", "st", "minister", "president", "premier",
	"chairman", "chairwoman", "ambassador", "secretary", "mayor", "chancellor", "pope", "bishop",
	"patriarch", "cardinal", "rabbi", "imam", "coach", "manager", "uncle", "aunt", "signor",
	"signora", "senor", "senora", "herr", "frau", "monsieur", "madame", "mademoiselle", "jr", "sr",
)

// roles are the people nouns reporters put before a name, often a first
// name alone: occupations, kin and the people a story quotes.
var roles = set(
	"spokesman", "spokeswoman", "spokesperson", "envoy", "analyst", "expert", "researcher",
	"journalist", "correspondent", "reporter", "author", "chair", "director", "head", "leader",
	"deputy", "officer", "colleague", "by",
	"wife", "husband", "son", "daughter", "mother", "grandmother", "grandfather", "grandson",
	"granddaughter", "cousin", "nephew", "niece", "friend", "neighbour", "neighbor", "boyfriend",
	"girlfriend", "widow", "soldier", "volunteer", "medic", "nurse", "doctor", "farmer",
	"teacher", "driver", "pensioner", "priest",
)

// personNouns name a person without saying what the person does: "a man
// named …", "a girl called …".
var personNouns = set("man", "men", "woman", "women", "boy", "boys", "girl", "girls", "person",
	"people", "guy", "fellow", "lady", "gentleman", "child", "baby", "someone", "somebody",
	"character", "stranger", "youngster", "kid")

// speechVerbs next to a capitalized word make it whoever speaks or acts
// as a person does.
var speechVerbs = set("said", "says", "told", "tells", "added", "adds", "asked", "asks",
	"explained", "explains", "recalled", "recalls", "wrote", "writes", "insisted", "insists",
	"stated", "noted", "notes", "believes", "thinks", "knows", "smiled", "laughed", "shrugged",
	"remembers", "whispered", "shouted", "sighed", "admitted", "admits", "replied", "replies",
	"argued", "argues", "warned", "warns", "tweeted", "posted", "declared", "declares",
	"denied", "denies", "dismissed", "rejected", "urged", "urges", "accused", "accuses", "vowed",
	"vows", "promised", "pledged", "praised", "criticized", "criticised", "blamed", "ordered",
	"met", "meets", "visited", "spoke", "speaks", "thanked", "condemned", "welcomed")

// IsTitle reports whether w, a lower-case word without its full stop, is
// a title English puts before a person's name ("gen", "princess").
func IsTitle(w string) bool { return titles[w] }

// IsTitleOrRole reports whether w, lower case, is a title or a people noun
// that stands before a person's name ("wife", "analyst").
func IsTitleOrRole(w string) bool { return titles[w] || roles[w] }

// IsSpeechVerb reports whether w, lower case, is a verb of speech or of
// what people do that marks the capitalized word beside it as a person
// ("said", "told", "met").
func IsSpeechVerb(w string) bool { return speechVerbs[w] }

// IsPersonNoun reports whether w, lower case, is a noun that names a
// person (or people) as such: "man", "girl", "someone". With IsTitleOrRole
// it tells "a man named X" from "a village named X".
func IsPersonNoun(w string) bool { return personNouns[w] || titles[w] || roles[w] }
