package lingua

import (
	"github.com/transcheck/transcheck/internal/rules"
	"slices"
	"strings"

	"github.com/transcheck/transcheck/internal/segment"
)

// The data below was written for transcheck from general knowledge of
// news usage and translation conventions; each phrase rule carries examples
// and counter-examples that the tests run.

var nationalities = []string{
	"american", "british", "chinese", "french", "german", "indian", "israeli",
	"italian", "japanese", "russian", "spanish", "ukrainian", "us", "u.s.",
	"uk", "u.k.", "canadian", "australian", "polish", "turkish", "korean",
}

// newspaperTitles are titles of newspapers and magazines news cites, without
// a leading "The".
var newspaperTitles = []string{
	"times", "guardian", "new york times", "washington post", "wall street journal",
	"financial times", "telegraph", "daily telegraph", "independent", "economist",
	"daily mail", "observer", "los angeles times", "usa today", "politico",
	"le monde", "le figaro", "spiegel", "der spiegel", "bild", "die welt",
	"frankfurter allgemeine", "süddeutsche zeitung", "kommersant", "izvestia",
	"pravda", "novaya gazeta", "vedomosti", "kyiv independent", "kyiv post",
	"nikkei", "asahi shimbun", "yomiuri shimbun", "south china morning post",
	"global times", "people's daily", "newsweek", "atlantic", "new yorker",
}

var months = set("january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan", "feb",
	"mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// sourceSpellings are spellings that follow a source language where English
// news uses another form, for names that neither the gazetteer's variants
// nor the transliteration shapes of spellingHits cover.
var sourceSpellings = []struct {
	spelling, english string
	langs             []string
}{
	{"mariupolj", "Mariupol", []string{"ru"}},
	{"nikolajew", "Mykolaiv", []string{"de"}},
}

func suggestFixed(s ...string) func([]segment.Token) []string {
	return func([]segment.Token) []string { return s }
}

// phraseRules is the table of calques, literal idioms, source conventions,
// source spellings and page chrome that a word pattern finds.
var phraseRules = append([]phraseRule{

	{
		// English uses "the Russian side" of negotiating parties too, so
		// the row counts as translationese, a weak signal: it takes
		// several to move the verdict.
		id: "nationality-side", rule: rules.GarbledCalque, signal: "translationese",
		pattern:    "?the {nationality} side|sides said|says|stated|expressed|insisted|claimed|denied|believes|believed|also|has|had|will|would|is|was|hopes|hoped|noted|pointed|emphasized|stressed",
		langs:      []string{"zh"},
		message:    "“%s”: “the Russian side” and the like render Chinese 俄方 word for word; English names the government or the officials",
		confidence: 0.55,
		examples:   []string{"The Ukrainian side said it had not received the proposal.", "After the talks the Russian side expressed regret.", "Chinese side says trade will grow"},
		counter:    []string{"Shells landed on the Russian side of the border.", "The Ukrainian side of the river was flooded."},
	},
	{
		id: "nationality-side-object", rule: rules.GarbledCalque, signal: "translationese",
		pattern:    "of|by|with the {nationality} side|sides $",
		langs:      []string{"zh"},
		message:    "“%s”: “the Russian side” and the like render Chinese 俄方 word for word; English names the government or the officials",
		confidence: 0.5,
		examples:   []string{"The proposal met the opposition of the Russian side.", "The ministry held talks with the Chinese side."},
		counter:    []string{"Shells landed on the Russian side.", "The guns of the Russian side of the river fell silent."},
	},
	{
		id: "foreign-media-reported", rule: rules.GarbledCalque, signal: "calque",
		pattern:    "according to foreign media|reports",
		langs:      []string{"zh"},
		message:    "“%s” renders Chinese 据外媒 word for word; English names the outlet",
		confidence: 0.6,
		examples:   []string{"According to foreign media, the talks failed.", "The army has withdrawn, according to foreign media reports."},
		counter:    []string{"According to foreign ministry officials, the talks failed."},
	},
	// Literal idioms and constructions.
	{
		id: "speaks-for", rule: rules.GarbledIdiom, signal: "literal-idiom",
		pattern:    "speak|speaks|spoke|speaking for the|a|an !{person-group}",
		langs:      []string{"de"},
		message:    "“%s”: “speaks for” renders German “spricht für” (points to, suggests) word for word",
		suggest:    suggestFixed("points to", "suggests"),
		confidence: 0.75,
		examples:   []string{"The retreat speaks for a lack of reserves.", "That the army waited speaks “for the weakness of its supply lines”."},
		counter:    []string{"She speaks for the government.", "He spoke for the whole family.", "The result speaks for itself."},
	},
	{
		id: "play-abstract-games", rule: rules.GarbledIdiom, signal: "literal-idiom",
		pattern:    "play|plays|played|playing ?more|a|the|some {abstract} game|games",
		langs:      []string{"zh"},
		message:    "“%s”: an abstract noun before “games” reads as a Chinese idiom (玩…游戏) rendered word for word",
		confidence: 0.7,
		examples:   []string{"Beijing played more leadership games with its neighbours.", "The ministry is playing dependence games again."},
		counter:    []string{"Russia is playing a waiting game.", "They played more video games.", "Stop playing mind games."},
	},
	{
		id: "kill-chicken", rule: rules.GarbledIdiom, signal: "literal-idiom",
		pattern:    "kill|kills|killed|killing the|a chicken|chickens to scare|warn|frighten|deter the|a monkey|monkeys",
		langs:      []string{"zh"},
		message:    "“%s” is the Chinese idiom 杀鸡儆猴 rendered word for word: “make an example of someone”",
		suggest:    suggestFixed("make an example of"),
		confidence: 0.9,
		examples:   []string{"The purge was meant to kill the chicken to scare the monkey."},
		counter:    []string{"They killed a chicken for dinner."},
	},
	{
		id: "cross-river-stones", rule: rules.GarbledIdiom, signal: "literal-idiom",
		pattern:    "cross|crossing|crossed the river by feeling|touching the stones",
		langs:      []string{"zh"},
		message:    "“%s” is the Chinese idiom 摸着石头过河 rendered word for word: “proceed by trial and error”",
		suggest:    suggestFixed("proceed by trial and error"),
		confidence: 0.9,
		examples:   []string{"Reform means crossing the river by feeling the stones."},
		counter:    []string{"The troops were crossing the river by boat."},
	},
	{
		id: "draw-a-pie", rule: rules.GarbledIdiom, signal: "literal-idiom",
		pattern:    "draw|draws|drew|drawing|paint|paints|painted|painting a ?big pie|cake",
		langs:      []string{"zh"},
		message:    "“%s” is the Chinese idiom 画大饼 rendered word for word: “make empty promises”",
		suggest:    suggestFixed("make empty promises"),
		confidence: 0.8,
		examples:   []string{"The minister is drawing a big pie for the farmers."},
		counter:    []string{"She drew a picture of the river."},
	},
	{
		id: "pour-dirty-water", rule: rules.GarbledIdiom, signal: "literal-idiom",
		pattern:    "pour|pours|poured|pouring|splash|splashed|splashing dirty water",
		langs:      []string{"zh"},
		message:    "“%s” is the Chinese idiom 泼脏水 rendered word for word: “smear”",
		suggest:    suggestFixed("smear"),
		confidence: 0.8,
		examples:   []string{"Washington keeps pouring dirty water on Chinese firms."},
		counter:    []string{"They poured clean water into the tank."},
	},
	{
		id: "edge-ball", rule: rules.GarbledIdiom, signal: "literal-idiom",
		pattern:    "edge ball|balls",
		langs:      []string{"zh"},
		message:    "“%s” is the Chinese idiom 打擦边球 rendered word for word: “exploit a loophole”",
		suggest:    suggestFixed("exploit a loophole"),
		confidence: 0.8,
		examples:   []string{"The company played edge ball with the export rules."},
		counter:    []string{"The ball rolled to the edge of the table."},
	},
	{
		id: "end-effect", rule: rules.GarbledIdiom, signal: "literal-idiom",
		pattern:    "in the end effect",
		langs:      []string{"de"},
		message:    "“%s” renders German “im Endeffekt” word for word: “in the end”",
		suggest:    suggestFixed("in the end", "ultimately"),
		confidence: 0.9,
		examples:   []string{"In the end effect the offensive stalled."},
		counter:    []string{"In the end the offensive stalled."},
	},
	{
		id: "already-since", rule: rules.GarbledIdiom, signal: "literal-idiom",
		pattern:    "already since",
		langs:      []string{"de"},
		message:    "“%s” renders German “schon seit” word for word: “for … now” or “since”",
		confidence: 0.7,
		examples:   []string{"The talks have been stalled already since March."},
		counter:    []string{"They had already left.", "It has been raining ever since."},
	},
	{
		id: "pied-piped-reported-clause", rule: rules.GarbledClause, signal: "literal-idiom",
		pattern:    "from|in|on|at|under|with|by|for|through which {subject} ?{adverb} {think} ?that {subject}",
		langs:      []string{"de"},
		message:    "“%s”: a preposition moved out of a reported clause (“from which they thought they …”) follows German word order; the clause no longer parses in English",
		confidence: 0.6,
		examples:   []string{"They lost a bridgehead on which they evidently believed they could rely."},
		counter:    []string{"They lost a bridgehead on which they had relied.", "The road by which they came was mined."},
	},
	// Source-language conventions.
	{
		id: "nationality-newspaper", rule: rules.GarbledCalque, signal: "source-convention",
		pattern: "{nationality} {newspaper} !newspaper|daily|magazine|{cap}",
		langs:   []string{"de", "zh"},
		message: "“%s”: a nationality before a newspaper's title follows the source language's convention (German „die britische Times“, Chinese 英国《泰晤士报》); English writes the title alone",
		suggest: func(m []segment.Token) []string {
			var title []string
			for _, t := range m[1:] {
				title = append(title, t.Text)
			}
			return []string{"The " + strings.Trim(strings.Join(title, " "), "\"“”")}
		},
		confidence: 0.7,
		examples:   []string{"According to the American Washington Post, the talks failed.", "The German “Spiegel” reported the deal."},
		counter:    []string{"The British newspaper The Guardian reported it.", "He told the British Army's chief.", "The Times reported it."},
	},
	{
		id: "date-without-month", rule: rules.StyleDateWithoutMonth, signal: "source-convention",
		pattern:    "on|since|until|by|from|before|after|of the {day-ordinal} !of|{adjacent-content}|{adjacent-cap}|{month} !~and|or",
		langs:      []string{"zh", "ja"},
		message:    "“%s”: a day of the month without the month follows Chinese and Japanese news convention (23日); English names the month or the weekday",
		confidence: 0.7,
		examples:   []string{"Officials said on the 14th that the talks had failed.", "The ceasefire has held since the 3rd, officials said.", "The envoy arrived on the 9th local time.", "Shelling resumed on the evening of the 2nd.", "Drones struck on the 3rd, and the port burned."},
		counter:    []string{"They met on the 14th of March.", "He finished on the 3rd attempt.", "It happened on March 14th.", "By the end of the 3rd quarter, sales fell.", "Presidents of the 19th Century traveled.", "Writers of the 19th and 20th centuries agreed."},
	},
	// Page chrome.
	{
		id: "please-read-on", rule: rules.BoilerplatePageChrome, signal: "page-chrome",
		pattern: "please read|continue on|down|further|reading|to", anchor: anchorStart,
		langs:      []string{"zh"},
		message:    "“%s” is the source site's prompt to read on (Chinese 请继续往下阅读), translated with the article",
		confidence: 0.85,
		examples:   []string{"Please read on...", "Please continue reading."},
		counter:    []string{"Readers asked us to please read the rules."},
	},
	{
		id: "responsible-editor", rule: rules.BoilerplatePageChrome, signal: "page-chrome",
		pattern: "responsible editor|editors", anchor: anchorStart,
		langs:      []string{"zh"},
		message:    "“%s” is the source site's editor credit (Chinese 责任编辑), translated with the article",
		confidence: 0.85,
		examples:   []string{"Responsible editor: Li Ming"},
		counter:    []string{"The responsible editor resigned."},
	},
	{
		id: "editor-in-charge", rule: rules.BoilerplatePageChrome, signal: "page-chrome",
		pattern: "editor in charge", anchor: anchorStart,
		langs:      []string{"zh"},
		message:    "“%s” is the source site's editor credit (Chinese 责任编辑), translated with the article",
		confidence: 0.8,
		examples:   []string{"Editor in charge: Zhang Wei"},
		counter:    []string{"The editor in charge of the section resigned."},
	},
}, slices.Concat(chineseRules, europeanRules, spellingRules(), englishChromeRules())...)

// chineseRules are more renderings of Chinese news Chinese that English news
// does not use.
var chineseRules = []phraseRule{
	{
		id: "expressed-that", rule: rules.GarbledCalque, signal: "calque",
		pattern:    "expressed|expresses|expressing that the|a|an|it|he|she|they|we|there|this|{cap}",
		langs:      []string{"zh"},
		message:    "“%s”: “expressed that” renders Chinese 表示 word for word; English says “said that”",
		suggest:    suggestFixed("said that"),
		confidence: 0.75,
		examples:   []string{"The spokesman expressed that the visit would strengthen ties.", "Beijing expressed that Washington should stop interfering."},
		counter:    []string{"The spokesman expressed that hope again.", "She expressed concern that the visit would fail."},
	},
	{
		id: "above-mentioned", rule: rules.GarbledCalque, signal: "translationese",
		pattern:    "above-mentioned|abovementioned",
		langs:      []string{"zh", "ru", "de"},
		message:    "“%s” renders Chinese 上述, Russian „вышеупомянутый“ or German „oben genannt“; English news says “the”, “this” or “these”",
		suggest:    suggestFixed("the", "this"),
		confidence: 0.6,
		examples:   []string{"The above-mentioned official declined to comment."},
		counter:    []string{"The official mentioned above declined to comment."},
	},
	{
		id: "measure-word", rule: rules.GarbledCalque, signal: "calque",
		pattern:    "{count} frames|frame|items|item|pieces|piece of ?{content} {plural}",
		langs:      []string{"zh"},
		message:    "“%s”: a measure word before a countable noun renders a Chinese classifier (架, 项, 件, 套); English counts the noun itself",
		confidence: 0.75,
		examples:   []string{"Air defences shot down 14 frames of drones.", "The two sides signed 8 items of trade agreements."},
		counter:    []string{"The army lost 40 pieces of artillery.", "Police found 3 items of clothing.", "He kept 12 pieces of evidence."},
	},
	{
		id: "and-so-on", rule: rules.StyleListEnding, signal: "translationese",
		pattern:    "{plural} and so on $",
		langs:      []string{"zh"},
		message:    "“%s”: “and so on” closing a list in news renders Chinese 等; English news names the items or writes “and other …”",
		confidence: 0.4,
		examples:   []string{"The strikes hit schools, hospitals, bridges and so on."},
		counter:    []string{"The strikes went on and on, and so on it went."},
	},
}

// spellingRules makes one phrase rule per source spelling.
func spellingRules() []phraseRule {
	out := make([]phraseRule, 0, len(sourceSpellings))
	for _, s := range sourceSpellings {
		title := strings.ToUpper(s.spelling[:1]) + s.spelling[1:]
		out = append(out, phraseRule{
			id: "spelling-" + s.spelling, rule: rules.StyleSourceSpelling, signal: "source-spelling",
			pattern:    s.spelling,
			langs:      s.langs,
			message:    "“%s” follows the source language's spelling; English news writes “" + s.english + "”",
			suggest:    suggestFixed(s.english),
			confidence: 0.6,
			examples:   []string{"Fighting went on near " + title + " on Monday."},
			counter:    []string{"Fighting went on near " + s.english + " on Monday."},
		})
	}
	return out
}

// englishChrome are prompts of English web pages that scraped articles keep:
// page furniture, but no evidence of translation.
var englishChrome = []struct{ pattern, example, counter string }{
	{"continue reading", "Continue reading the main story", "He said to continue reading."},
	{"sign up for|to", "Sign up for our free newsletters", "They did not sign up."},
	{"read more|next", "Read more", "Read the report before you judge it."},
	{"click here|below", "Click here to subscribe", "The lock made a click."},
	{"share this article|story|page", "Share this article", "Share prices fell."},
	{"related articles|stories|coverage|content", "Related stories", "Related research suggests otherwise."},
	{"advertisement !{content}", "Advertisement", "Advertisement revenue fell."},
	{"follow ?{any} ?{any} ?live coverage|updates", "Follow our live coverage of the summit", "Follow the river north to the bridge."},
}

func englishChromeRules() []phraseRule {
	out := make([]phraseRule, 0, len(englishChrome))
	for _, c := range englishChrome {
		out = append(out, phraseRule{
			id: "english-chrome-" + strings.Fields(c.pattern)[0], rule: rules.BoilerplatePageChrome,
			signal:  "english-page-chrome",
			pattern: c.pattern, anchor: anchorStart,
			message:    "“%s” is page furniture of the web page, not part of the article",
			confidence: 0.6,
			examples:   []string{c.example},
			counter:    []string{c.counter},
		})
	}
	return out
}
