package rules

import "github.com/transcheck/transcheck/report"

// Garbled passages: machine translation broke the sentence.
var (
	// GarbledCapitalizedFunctionWord is a function word capitalized inside
	// a clause, where a sentence was cut in two.
	GarbledCapitalizedFunctionWord = define(Rule{
		ID: "garbled/capitalized-function-word", Category: report.Garbled, Severity: report.Warning, Owner: OwnerBoundary,
		Summary:     "Rejoin a sentence that was cut in two before a capitalized function word.",
		Description: "A capitalized function word (“The”, “And”, “Of”) follows a full stop inside what is one clause: the translation broke the sentence where the source had no break.",
		Bad:         "Troops moved toward the. River before dawn.",
		Good:        "Troops moved toward the river before dawn.",
	})
	// GarbledLowercaseStart is a sentence that starts in lower case.
	GarbledLowercaseStart = define(Rule{
		ID: "garbled/lowercase-start", Category: report.Garbled, Severity: report.Warning, Owner: OwnerBoundary,
		Summary:     "Rejoin a sentence that starts in lower case after a full stop.",
		Description: "A sentence starts with a lower-case word after a full stop: machine translation split a sentence or lost the word that opened it.",
		Bad:         "The council met on Monday. and decided to delay the vote.",
		Good:        "The council met on Monday and decided to delay the vote.",
	})
	// GarbledRepeatedClause is a clause repeated across a sentence break.
	GarbledRepeatedClause = define(Rule{
		ID: "garbled/repeated-clause", Category: report.Garbled, Severity: report.Warning, Owner: OwnerBoundary,
		Summary:     "Remove a clause the translation repeated across a sentence break.",
		Description: "The same run of words ends one sentence and starts the next: segment-by-segment translation duplicated a clause at a segment boundary.",
		Bad:         "The mayor said the bridge was closed. The bridge was closed until further notice.",
		Good:        "The mayor said the bridge was closed until further notice.",
	})
	// GarbledCalque is a source-language term rendered word for word.
	GarbledCalque = define(Rule{
		ID: "garbled/calque", Category: report.Garbled, Severity: report.Warning, Owner: OwnerPhrase,
		Summary:     "Replace a word-for-word rendering of a name, title or administrative term with its English form.",
		Description: "A name, title or administrative term of the source language is rendered word for word (a calque) instead of by its established English form.",
		Bad:         "The Institute for War Studies said the offensive had stalled.",
		Good:        "The Institute for the Study of War said the offensive had stalled.",
	})
	// GarbledIdiom is an idiom or construction rendered word for word.
	GarbledIdiom = define(Rule{
		ID: "garbled/idiom", Category: report.Garbled, Severity: report.Warning, Owner: OwnerPhrase,
		Summary:     "Rewrite an idiom or construction translated word for word.",
		Description: "An idiom or construction of the source language is rendered word for word; English readers meet an expression English does not use.",
		Bad:         "The minister said the plan stands on clay feet.",
		Good:        "The minister said the plan has feet of clay.",
	})
	// GarbledWordOrder is a clause in the source language's word order.
	GarbledWordOrder = define(Rule{
		ID: "garbled/word-order", Category: report.Garbled, Severity: report.Warning, Owner: OwnerPhrase,
		Summary:     "Put the clause in English word order.",
		Description: "A clause keeps the word order of the source language: the verb last, a modifier after its noun, a reporting verb before its subject.",
		Bad:         "As the ministry reported, have the troops the village left.",
		Good:        "The troops have left the village, the ministry reported.",
	})
	// GarbledClause is a clause that no longer parses in English.
	GarbledClause = define(Rule{
		ID: "garbled/clause", Category: report.Garbled, Severity: report.Warning, Owner: OwnerPhrase,
		Summary:     "Rebuild a clause whose parts the translation moved where English cannot parse them.",
		Description: "A preposition or a clause was moved the way the source language allows, and the sentence no longer parses in English.",
		Bad:         "They lost a bridgehead on which they believed they could rely on.",
		Good:        "They lost a bridgehead they believed they could rely on.",
	})
	// GarbledRelativeClause is a relative clause attached in the source's way.
	GarbledRelativeClause = define(Rule{
		ID: "garbled/relative-clause", Category: report.Garbled, Severity: report.Warning, Owner: OwnerClauses,
		Summary:     "Attach the relative clause to the noun it describes.",
		Description: "A relative clause stands where the source language puts it, so in English it describes the wrong noun or none.",
		Bad:         "The report of the commission, which was published on Monday, that criticized the army.",
		Good:        "The commission's report, published on Monday, criticized the army.",
	})
	// GarbledReportedConditional is a conditional reported in the source's mood.
	GarbledReportedConditional = define(Rule{
		ID: "garbled/reported-conditional", Category: report.Garbled, Severity: report.Warning, Owner: OwnerClauses,
		Summary:     "Report the statement in English indirect speech.",
		Description: "Reported speech keeps the source language's subjunctive or conditional (German Konjunktiv I), which English reads as a hypothetical.",
		Bad:         "The spokesman said the talks would be going well.",
		Good:        "The spokesman said the talks were going well.",
	})
	// GarbledNoFiniteVerb is a sentence without a finite verb.
	GarbledNoFiniteVerb = define(Rule{
		ID: "garbled/no-finite-verb", Category: report.Garbled, Severity: report.Warning, Owner: OwnerVerb,
		Summary:     "Give the sentence a finite verb, or join it to the next.",
		Description: "A prose sentence has no finite verb: a fragment where the translation dropped or split the verb.",
		Bad:         "The shelling of the city center in the early morning hours.",
		Good:        "The shelling of the city center began in the early morning hours.",
	})
	// GarbledFluency is a sentence whose word order is unusual for edited English.
	GarbledFluency = define(Rule{
		ID: "garbled/fluency", Category: report.Garbled, Severity: report.Warning, Owner: OwnerFluency,
		Summary:     "Reread a sentence whose word order is unusual for edited English.",
		Description: "A statistical model of edited English finds the order of the sentence's function words and word classes unusual; read it against the source.",
		Bad:         "Of the city the mayor yesterday to the press the plan presented.",
		Good:        "The city's mayor presented the plan to the press yesterday.",
	})
	// GarbledUnusualPhrase is a phrase that annotators of machine
	// translation would likely mark as a major error.
	GarbledUnusualPhrase = define(Rule{
		ID: "garbled/unusual-phrase", Category: report.Garbled, Severity: report.Warning, Owner: OwnerLearnedSpans,
		Summary:     "Reread a phrase that reads like a machine-translation error.",
		Description: "A model trained on professional annotators' marks of major errors in machine-translated news finds the phrase likely to be one: its words are rarely seen together in edited English, or its word order is unexpected. Read it against the source.",
		Bad:         "The city held a meeting to deploy the work of epidemic prevention.",
		Good:        "The city held a meeting to organize its epidemic response.",
	})
	// GarbledMergedWords is two words run together without a space.
	GarbledMergedWords = define(Rule{
		ID: "garbled/merged-words", Category: report.Garbled, Severity: report.Warning, Owner: OwnerSlips,
		Summary:     "Put back the space between two words run together.",
		Description: "A word that edited English does not have splits into two common words that it often writes side by side, or into a name the text writes alone elsewhere and a common word; or a quotation mark (or a per cent sign after a number) is glued to the letters after it: the translation or the page's extraction dropped the space between two words.",
		Bad:         "The talks ended withouta deal.",
		Good:        "The talks ended without a deal.",
	})
	// GarbledSplitCompound is a hyphenated compound with a space before
	// its hyphen.
	GarbledSplitCompound = define(Rule{
		ID: "garbled/split-compound", Category: report.Garbled, Severity: report.Warning, Owner: OwnerSlips,
		Summary:     "Close the space inside a hyphenated compound.",
		Description: "A space stands before the hyphen of a compound that edited English writes joined: the translation split the compound (a source language's spacing rules, or a compound assembled from two renderings).",
		Bad:         "The long -term plan was approved.",
		Good:        "The long-term plan was approved.",
	})
	// GarbledRepeatedWord is a word doubled where edited English never
	// doubles it.
	GarbledRepeatedWord = define(Rule{
		ID: "garbled/repeated-word", Category: report.Garbled, Severity: report.Warning, Owner: OwnerSlips,
		Summary:     "Delete the doubled word.",
		Description: "A word follows itself (directly or after a comma) where edited English never doubles it: a slip of the translation, often where two renderings of one source word were kept.",
		Bad:         "The central bank sold foreign exchange exchange reserves.",
		Good:        "The central bank sold foreign exchange reserves.",
	})
	// GarbledRomanized is a source word left romanized in the text.
	GarbledRomanized = define(Rule{
		ID: "garbled/romanized", Category: report.Garbled, Severity: report.Warning, Owner: OwnerRomanized,
		Summary:     "Translate a source word that was left romanized.",
		Description: "A word that is not English reads as a romanized source word (pinyin, for example): the translation transcribed it instead of translating it.",
		Bad:         "The Jiefangjun units withdrew on Tuesday.",
		Good:        "The People's Liberation Army units withdrew on Tuesday.",
	})
)

// Untranslated text.
var (
	// UntranslatedForeignScript is text in a non-Latin script.
	UntranslatedForeignScript = define(Rule{
		ID: "untranslated/foreign-script", Category: report.Untranslated, Severity: report.Warning, Owner: OwnerScript,
		Summary:     "Translate or remove text left in a non-Latin script.",
		Description: "A run of letters in a script other than Latin (Han, Cyrillic, Arabic, …) was left in the English text.",
		Bad:         "The ministry (国防部) denied the report.",
		Good:        "The ministry denied the report.",
	})
	// UntranslatedForeignLanguage is a sentence identified as another language.
	UntranslatedForeignLanguage = define(Rule{
		ID: "untranslated/foreign-language", Category: report.Untranslated, Severity: report.Warning, Owner: OwnerScript,
		Summary:     "Translate a sentence left in the source language.",
		Description: "The language identifier reads the sentence as another language: it was left untranslated.",
		Bad:         "Die Regierung hat den Plan abgelehnt.",
		Good:        "The government rejected the plan.",
	})
)

// Page furniture of the source site.
var (
	// BoilerplatePageChrome is page furniture translated with the article.
	BoilerplatePageChrome = define(Rule{
		ID: "boilerplate/page-chrome", Category: report.Boilerplate, Severity: report.Info, Owner: OwnerChrome,
		Summary:     "Remove page furniture of the source site.",
		Description: "Navigation, prompts and editor credits of the source web page (“please read on”, “responsible editor”) were translated along with the article.",
		Bad:         "Responsible editor: Wang Li",
		Good:        "(removed)",
	})
	// BoilerplateByline is a byline or agency credit in the source's form.
	BoilerplateByline = define(Rule{
		ID: "boilerplate/byline", Category: report.Boilerplate, Severity: report.Info, Owner: OwnerChrome,
		Summary:     "Rewrite or remove a byline in the source site's form.",
		Description: "A byline or agency credit keeps the source site's form (“(dpa) Berlin –”, “Xinhua News Agency, Beijing, 3 March”).",
		Bad:         "Our reporter Li Ming reports from Beijing:",
		Good:        "By Li Ming, Beijing",
	})
	// BoilerplatePhotoCredit is a photo credit left in the text.
	BoilerplatePhotoCredit = define(Rule{
		ID: "boilerplate/photo-credit", Category: report.Boilerplate, Severity: report.Info, Owner: OwnerChrome,
		Summary:     "Remove a photo credit left in the running text.",
		Description: "A photo caption or credit of the source page stands in the running text.",
		Bad:         "Photo: picture alliance/dpa",
		Good:        "(removed)",
	})
)

// Source-language conventions an editor may want to change.
var (
	// StyleSourceDateline is a dateline in the source's convention.
	StyleSourceDateline = define(Rule{
		ID: "style/source-dateline", Category: report.Style, Severity: report.Info, Owner: OwnerChrome,
		Summary:     "Write the dateline the English way.",
		Description: "The dateline follows the source outlet's convention rather than English news style.",
		Bad:         "Kyiv, 3 March (Xinhua) –",
		Good:        "KYIV, March 3 (Xinhua) —",
	})
	// StyleQuotedNewspaper is a newspaper's name in quotation marks.
	StyleQuotedNewspaper = define(Rule{
		ID: "style/quoted-newspaper", Category: report.Style, Severity: report.Info, Owner: OwnerChrome,
		Summary:     "Write a newspaper's name without quotation marks.",
		Description: "A newspaper or broadcaster is named in quotation marks, as German and Russian do; English news writes the name plain or in italics.",
		Bad:         "the “Guardian” reported",
		Good:        "the Guardian reported",
	})
	// StyleSourceQuotes is quotation marks of the source language.
	StyleSourceQuotes = define(Rule{
		ID: "style/source-quotes", Category: report.Style, Severity: report.Info, Owner: OwnerConventions,
		Summary:     "Use English quotation marks.",
		Description: "Quotation marks of the source language („…“, «…», 「…」) were carried into the English text.",
		Bad:         "He called it „a disaster“.",
		Good:        "He called it “a disaster”.",
	})
	// StyleNumberFormat is a number written in the source's format.
	StyleNumberFormat = define(Rule{
		ID: "style/number-format", Category: report.Style, Severity: report.Info, Owner: OwnerConventions,
		Summary:     "Write the number in English format.",
		Description: "A number keeps the source language's separators (a decimal comma, a dot or space between thousands), which English readers misread.",
		Bad:         "The fund holds 2,5 billion euros.",
		Good:        "The fund holds 2.5 billion euros.",
	})
	// StyleSourceSpelling is a spelling that follows the source language.
	StyleSourceSpelling = define(Rule{
		ID: "style/source-spelling", Category: report.Style, Severity: report.Info, Owner: OwnerConventions,
		Summary:     "Use the English spelling of the name.",
		Description: "A name is spelled the way the source language spells it, not the way English news does.",
		Bad:         "Talks in Moskau ended without agreement.",
		Good:        "Talks in Moscow ended without agreement.",
	})
	// StyleDateWithoutMonth is a day of the month named without its month.
	StyleDateWithoutMonth = define(Rule{
		ID: "style/date-without-month", Category: report.Style, Severity: report.Info, Owner: OwnerPhrase,
		Summary:     "Name the month, or the weekday.",
		Description: "A day of the month stands without its month, as Chinese and Japanese news write dates; English names the month or the weekday.",
		Bad:         "Officials said on the 14th that the talks had failed.",
		Good:        "Officials said on Tuesday that the talks had failed.",
	})
	// StyleSourceDate is a date in the source language's form.
	StyleSourceDate = define(Rule{
		ID: "style/source-date", Category: report.Style, Severity: report.Info, Owner: OwnerPhrase,
		Summary:     "Write the date the English way.",
		Description: "A date keeps the source language's form or order.",
		Bad:         "The law takes effect on 1. March.",
		Good:        "The law takes effect on March 1.",
	})
	// StyleListEnding is a list closed by “and so on”.
	StyleListEnding = define(Rule{
		ID: "style/list-ending", Category: report.Style, Severity: report.Info, Owner: OwnerPhrase,
		Summary:     "Name the items, or close the list with “and other …”.",
		Description: "“And so on” closing a list renders a source-language list marker (Chinese 等); English news names the items or writes “and other …”.",
		Bad:         "The strikes hit schools, hospitals, bridges and so on.",
		Good:        "The strikes hit schools, hospitals, bridges and other infrastructure.",
	})
	// StyleSourceAbbreviation is an abbreviation of the source language.
	StyleSourceAbbreviation = define(Rule{
		ID: "style/source-abbreviation", Category: report.Style, Severity: report.Info, Owner: OwnerPhrase,
		Summary:     "Spell out an abbreviation English readers do not know.",
		Description: "An abbreviation of the source language was kept or rendered letter for letter; English news spells the name out.",
		Bad:         "Units of the AFU left the village.",
		Good:        "Units of Ukraine's armed forces left the village.",
	})
	// StyleSourceTitle is a title rendered in the source's form.
	StyleSourceTitle = define(Rule{
		ID: "style/source-title", Category: report.Style, Severity: report.Info, Owner: OwnerPhrase,
		Summary:     "Give the title in its English form.",
		Description: "A title keeps the source language's form (the German „Bundes…“ titles rendered word for word).",
		Bad:         "Federal President Steinmeier visited Kyiv.",
		Good:        "German President Steinmeier visited Kyiv.",
	})
)

// Place names the translation got wrong.
var (
	// PlaceRomanizedAbbreviation is a romanized Chinese geographic abbreviation.
	PlaceRomanizedAbbreviation = define(Rule{
		ID: "place-name/romanized-abbreviation", Category: report.PlaceName, Severity: report.Error, Owner: OwnerPlaceNames,
		Summary:     "Translate a Chinese geographic abbreviation that was romanized.",
		Description: "A Chinese geographic abbreviation (one syllable for a country, one for a direction) was romanized as a word instead of translated.",
		Bad:         "Heavy fighting continued in Wubei.",
		Good:        "Heavy fighting continued in northern Ukraine.",
	})
	// PlaceRomanized is a place name read out in a romanization.
	PlaceRomanized = define(Rule{
		ID: "place-name/romanized", Category: report.PlaceName, Severity: report.Error, Owner: OwnerPlaceNames,
		Summary:     "Replace the romanized transcription with the place's English name.",
		Description: "A place name was read out syllable by syllable from its Chinese (or other) transcription instead of given its English name.",
		Bad:         "Missiles struck Haerkefu overnight.",
		Good:        "Missiles struck Kharkiv overnight.",
	})
	// PlaceTransliteration is an unknown word close to a known place.
	PlaceTransliteration = define(Rule{
		ID: "place-name/transliteration", Category: report.PlaceName, Severity: report.Warning, Owner: OwnerPlaceNames,
		Summary:     "Check a place name the translation transliterated wrongly.",
		Description: "A word nobody knows is close, by spelling or sound, to a known place: a garbled or foreign transliteration of its name.",
		Bad:         "Shelling hit Chersone on Friday.",
		Good:        "Shelling hit Kherson on Friday.",
	})
	// PlaceVariant is a spelling the style does not prefer.
	PlaceVariant = define(Rule{
		ID: "place-name/variant", Category: report.PlaceName, Severity: report.Warning, Owner: OwnerPlaceNames,
		Summary:     "Use the preferred spelling of the place.",
		Description: "A place is spelled in a form the house style does not prefer: derived from Russian, German, historic, or left in the local language.",
		Bad:         "The delegation flew to Kiev.",
		Good:        "The delegation flew to Kyiv.",
	})
	// PlaceInconsistent is a place spelled two ways in one text.
	PlaceInconsistent = define(Rule{
		ID: "place-name/inconsistent", Category: report.PlaceName, Severity: report.Warning, Owner: OwnerPlaceNames,
		Summary:     "Spell the place the same way throughout.",
		Description: "The text spells the same place in two ways; a reader may take them for two places.",
		Bad:         "Shelling hit Lviv on Monday. … Residents of Lvov said …",
		Good:        "Shelling hit Lviv on Monday. … Residents of Lviv said …",
	})
	// PlaceAdminCalque is an administrative unit rendered word for word.
	PlaceAdminCalque = define(Rule{
		ID: "place-name/admin-calque", Category: report.PlaceName, Severity: report.Warning, Owner: OwnerPlaceNames,
		Summary:     "Name the administrative unit the English way.",
		Description: "An administrative unit was rendered by the word of another system (“state”, “prefecture”) instead of its English name (“oblast”, “region”).",
		Bad:         "Fighting spread across Kharkiv state.",
		Good:        "Fighting spread across the Kharkiv region.",
	})
	// PlaceCoverage is a place the aligned coverage names differently.
	PlaceCoverage = define(Rule{
		ID: "place-name/coverage", Category: report.PlaceName, Severity: report.Warning, Owner: OwnerAlignPlaces,
		Summary:     "Check the place name against the coverage that names it differently.",
		Description: "Where the text names an unknown place, aligned coverage of the same story names a known place it resembles.",
		Bad:         "Shelling hit Chersone (coverage: “Shelling hit Kherson”).",
		Good:        "Shelling hit Kherson.",
	})
)

// Differences from coverage.
var (
	// NumberDifferentNoun is a number that counts something else in coverage.
	NumberDifferentNoun = define(Rule{
		ID: "number/different-noun", Category: report.Number, Severity: report.Warning, Owner: OwnerAlignNumbers,
		Summary:     "Check what the number counts: the coverage counts something else with it.",
		Description: "The aligned coverage gives the same number but says it counts something else.",
		Bad:         "300,000 civilians were called up (coverage: “300,000 reservists”).",
		Good:        "300,000 reservists were called up.",
	})
	// NumberDifferentValue is a count the coverage gives as another number.
	NumberDifferentValue = define(Rule{
		ID: "number/different-value", Category: report.Number, Severity: report.Warning, Owner: OwnerAlignNumbers,
		Summary:     "Check the number: the coverage gives another for the same thing.",
		Description: "The aligned coverage counts the same thing with another number.",
		Bad:         "83 people were wounded (coverage: “38 people were wounded”).",
		Good:        "38 people were wounded.",
	})
	// QuoteReworded is a quotation the coverage prints differently.
	QuoteReworded = define(Rule{
		ID: "quote/reworded", Category: report.Quote, Severity: report.Warning, Owner: OwnerAlignQuotes,
		Summary:     "Check the quotation against the wording other outlets printed.",
		Description: "The aligned coverage prints the same quotation in other words; a translated quotation may no longer be what the speaker said.",
		Bad:         "“We believe that the decisions were wrong,” she said.",
		Good:        "“We think the decision-making was wrong,” she said.",
	})
)

// Encoding damage.
var (
	// EncodingMojibake is text decoded with the wrong character encoding.
	EncodingMojibake = define(Rule{
		ID: "encoding/mojibake", Category: report.Encoding, Severity: report.Error, Owner: OwnerMojibake,
		Summary:     "Replace characters garbled by a wrong encoding with the text they stand for.",
		Description: "The passage was decoded with the wrong character encoding somewhere between its source and this copy, typically UTF-8 (or Windows-1251, KOI8-R or GBK) read as Windows-1252 or Latin-1, sometimes twice. Encoding the passage back and decoding it right gives the suggested text.",
		Bad:         "The minister didnâ€™t attend the summit in ZÃ¼rich.",
		Good:        "The minister didn’t attend the summit in Zürich.",
	})
)
