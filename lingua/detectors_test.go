package lingua

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
)

// ids returns the ids of hits, and the text each covers, keyed by id.
func hitTexts(doc *segment.Document, hits []hit) map[string][]string {
	m := map[string][]string{}
	for _, h := range hits {
		key := h.id
		if key == "" {
			key = h.rule.ID
		}
		m[key] = append(m[key], doc.Slice(h.span))
	}
	return m
}

func TestPhraseRules(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range phraseRules {
		t.Run(r.id, func(t *testing.T) {
			require.False(t, seen[r.id], "duplicate id")
			seen[r.id] = true
			require.NotEmpty(t, r.examples, "every row needs an example")
			require.NotEmpty(t, r.counter, "every row needs a counter-example")
			for _, ex := range r.examples {
				doc := segment.Split(ex)
				got := hitTexts(doc, phraseHits(doc))
				assert.NotEmpty(t, got[r.id], "should fire on %q", ex)
			}
			for _, ex := range r.counter {
				doc := segment.Split(ex)
				got := hitTexts(doc, phraseHits(doc))
				assert.Empty(t, got[r.id], "should not fire on %q", ex)
			}
		})
	}
}

func TestBoundaryHits(t *testing.T) {
	tests := []struct {
		name string
		text string
		rule string // "" = nothing fires
		want string // text of the hit
	}{
		{"capitalized preposition mid-clause", "The army regrouped near the river in order to hold For the third week in a row, the line held.",
			"garbled/capitalized-function-word", "to hold For the third week"},
		{"capitalized conjunction after semicolon", "The plan might work; When the rains came the roads closed.",
			"garbled/capitalized-function-word", "might work; When the rains came"},
		{"lower-case start", "Officials said the bridge was repaired. will reopen next week.",
			"garbled/lowercase-start", "the bridge was repaired. will reopen next week."},
		{"repeated clause", "The talks in Geneva could be delayed. could be cancelled.",
			"garbled/repeated-clause", "could be delayed. could be cancelled."},
		{"title after called", "She starred in a film called For the Love of Money.", "", ""},
		{"name with The", "He told The Times that nothing had changed.", "", ""},
		{"anaphora", "We fight for peace. We fight for freedom.", "", ""},
		{"anadiplosis", "The bank sold convertible preferred shares. Convertible preferred shares pay a fixed dividend.", "", ""},
		{"capitalized second rendering", "Officials said that the talks will be delayed. Talks will be cancelled outright.",
			"garbled/repeated-clause", "talks will be delayed. Talks will be cancelled outright."},
		{"abbreviation", "The U.S. army and the U.K. navy met.", "", ""},
		{"brand name", "He uses a phone. iPhones are popular.", "", ""},
		{"ellipsis", "Wait for it... then go.", "", ""},
		{"heading then text", "Culture shock\nWestern soldiers have retrained the army.", "", ""},
		{"capitalized preposition after a name", "The allies will arm Poland In the coming years, more jets will follow.",
			"garbled/capitalized-function-word", "will arm Poland In the coming years"},
		{"title after a name", "He fought in the War Between the States as a boy.", "", ""},
		{"glued page furniture", "Predictions and eventsIn Depth The new year could bring peace.", "", ""},
		{"capitalized modal mid-clause", "The allies disagree, so they only Can offer a vague promise.",
			"garbled/capitalized-function-word", "they only Can offer a vague"},
		{"title with a capitalized verb", "She read What Is Love by the fire.", "", ""},
		// A full stop after an abbreviation, or "!" and "?", before a
		// lower-case word is no broken boundary ...
		{"initials", "Officials from the U. S. and its allies met in St. Louis.", "", ""},
		{"state after a town", "The Wichita, Kan. plant will reopen in the fall.", "", ""},
		{"unit after a number", "The new baler weighs 1,200 lbs. less than the old one.", "", ""},
		{"unit glued to a number", "A soda costs a dime per 8-oz. glass at the fair.", "", ""},
		{"abbreviation without vowels", "The Hollister Mfg. plant will reopen soon.", "", ""},
		{"common abbreviation", "Bring tents, stoves, lamps, etc. and enough food.", "", ""},
		{"title abbreviations", "Among the guests were Messrs. and Mmes. Benton and Ruiz.", "", ""},
		{"exclamation in a title", "The season runs from Oklahoma! and Carousel to a revue.", "", ""},
		{"dotted initialism", "Bonds will sell in non-U.S. markets, the bank said.", "", ""},
		{"clipped words in an advert", "Tall guy, self emp. builder, seeks an Aust. lady, pref. a reader.", "", ""},
		// A text written without capitals (a speech-to-text transcript)
		// starts its sentences in lower case throughout.
		{"lower-case transcript", "the council met tonight. the budget passed. mayor lee says it is balanced. he thanked staff.", "", ""},
		// ... a full stop after a word, capitalized or not, is.
		{"lower-case start after a name", "The army withdrew from Dongxi. will regroup in the east.",
			"garbled/lowercase-start", "army withdrew from Dongxi. will regroup in the east."},
		{"lower-case start after a name without vowels", "The delegates stayed in Brno. will meet again in May.",
			"garbled/lowercase-start", "delegates stayed in Brno. will meet again in May."},
		// A capital after a comma (verse, a quoted question), after a
		// word no clause ends with, or in reverential style is no lost
		// boundary; a single capitalized pronoun mid-clause is.
		{"capital after a comma", "The question arises, On whose side would the army fight?", "", ""},
		{"capital after a conjunction", "The mercy and His patience endure for ever.", "", ""},
		{"reverential capitals", "The psalmist trusts in His mercy and rests in His care.", "", ""},
		{"capitalized pronoun mid-clause", "The meeting ended without a statement He said nothing more.",
			"garbled/capitalized-function-word", "a statement He said nothing more"},
		// A headline run into the text has no verb before the capital.
		{"headline run in", "Lavender under threat from drought It has become a symbol of the region.", "", ""},
		{"lost boundary after a verb at paragraph start", "The meeting ended without a statement He said nothing more.\nThe talks went on.",
			"garbled/capitalized-function-word", "a statement He said nothing more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := segment.Split(tt.text)
			got := hitTexts(doc, boundaryHits(doc))
			if tt.rule == "" {
				assert.Empty(t, got)
				return
			}
			assert.Contains(t, got[tt.rule], tt.want)
		})
	}
}

func TestNoFiniteVerb(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"The long and winding road to the old mountain village near the border.", true},
		{"The road winds to the village.", false},
		{"They fight on in the old mountain village near the border.", false},
		{"Short fragment here.", false}, // too short to judge
		{"But far cheaper than any of the alternatives on offer.", false},
		{"Not the jets, not the tanks, not the long-range missiles.", false},
		{"A: Planning for a long war instead of a short one.", false},
		{"Q: The million shells promised to Kyiv by March?", false},
		{"MR. SMITH: The long and winding road to the old village near the border.", true},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := segment.Split(tt.text)
			assert.Equal(t, tt.want, len(noFiniteVerbHits(doc)) > 0)
		})
	}
}

// rulesOf returns the text of the hits of one passage rule.
func rulesOf(doc *segment.Document, hits []hit, rule string) []string {
	var out []string
	for _, h := range hits {
		if h.rule.ID == rule {
			out = append(out, doc.Slice(h.span))
		}
	}
	return out
}

func TestRomanizedHits(t *testing.T) {
	known := func(w string) bool { return w == "Odesa" }
	tests := []struct {
		text string
		want []string
	}{
		{"Russian troops retreated from Wubei after the shelling.", []string{"Wubei"}},
		{"The Zhongmei talks resumed in the capital.", []string{"Zhongmei"}},
		{"Analysts see Mei E relations improving.", []string{"Mei"}},
		{"Xi Jinping met officials in Wuhan on Monday.", nil},
		{"Foreign minister Wang Yi and reporter Sun Yuqing arrived.", nil},
		{"Fighting near Kherson, Kharkiv, Mariupol and Bilohorivka continued.", nil},
		{"General Gerasimov crossed the Siverskyi Donets at night.", nil},
		{"A human shine on a long banana.", nil},
		{"Ships left Odesa at dawn.", nil}, // known name via the hook
		{"The CNA and NATO met.", nil},
		{"Foreign minister Dmytro Kouleba and Denis Pushilin spoke.", nil},
		{"The anti-American and Cuban-American groups met.", nil},
		{"Russian Wubei troops retreated.", []string{"Wubei"}},
		// Words with a Chinese reading count wherever they stand, even
		// where a name could: before a verb of speech, with three
		// syllables when they are a place's Chinese name.
		{"Zhongfang said the talks were useful.", []string{"Zhongfang"}},
		{"Fighting in Wukelan continued overnight.", []string{"Wukelan"}},
		// Words with only the shape of pinyin count in running text ...
		{"The army lost a stronghold in Dongxi last week.", []string{"Dongxi"}},
		{"Mr. Zhao met officials from Beixin on Monday.", []string{"Beixin"}},
		// ... not where English puts a person's name: after a title, an
		// initial or a given name, before a surname or a verb of speech,
		// or anywhere once the text has used the word as a name.
		{"Mr. Nishi met me at the station.", nil},
		{"Judge Kenji Tanabe ruled on Friday.", nil},
		{"The ruling was read by Mary K. Renzi of the appeals court.", nil},
		{"The club signed Anna Renzi in May. Renzi scored twice on Sunday.", nil},
		{"Suzi Benton wrote the score.", nil},
		{"The vote was close, Zeni said.", nil},
		{"Zeni said the vote was close.", nil},
		{"We walked down the Via Dei Tessari to the church.", nil},
		// Nor with three syllables or more and no Chinese reading:
		// European and Japanese names of plain syllables.
		{"Nishizawa opened a school in the hills.", nil},
		// A romanized name followed by its original spelling is a name;
		// so is one followed by the kind of place it is.
		{"Legislator Chao Tian-lin (趙天麟) quit. Chao will not run.", nil},
		{"She opened an office in Changhua and in Changhua County.", nil},
		{"She opened an office in Fengshan District (鳳山) last year.", nil},
		{"The bonds were sold via Daiwa Europe Ltd. last week.", nil},
		{"Prices rose outside the districts of Gangnam, Seocho and Songpa.", nil},
		{"Prices rose outside the offices of Gangnam and Songpa.", []string{"Songpa"}},
		{"The festival of Mizushima drew a crowd.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := segment.Split(tt.text)
			got := rulesOf(doc, romanizedHits(doc, known), "garbled/romanized")
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestInstitutionHits(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"According to the Institute of War Studies, the offensive stalled.", "Institute of War Studies"},
		{"Experts at the Centre for Strategic and International Study disagreed.", "Centre for Strategic and International Study"},
		{"The Institute for the Study of War (ISW) disagreed.", ""},
		{"The Council on Foreign Relations said so.", ""},
		{"The Institute for Fiscal Studies said so.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := segment.Split(tt.text)
			got := hitTexts(doc, institutionHits(doc))["institution-name"]
			if tt.want == "" {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, []string{tt.want}, got)
		})
	}
}

func TestChromeHits(t *testing.T) {
	tests := []struct {
		text string
		id   string
		want string
	}{
		{"[Reported by Li Ming/Taipei Special Report] Troops moved north.", "bracketed-byline", "[Reported by Li Ming/Taipei Special Report]"},
		{"The view.\n\n(Reuters)\n\nTroops moved north.", "photo-credit", "(Reuters)"},
		{"As the “Washington Post” reported, troops moved.", "quoted-newspaper", "“Washington Post”"},
		{"[Note: this is an update] Troops moved north.", "bracketed-byline", ""},
		{"Troops moved north (Reuters reported).", "photo-credit", ""},
		{"China News Service, Beijing, May 3 (Reporter Zhang Li) The talks ended.", "reporter-credit", "China News Service, Beijing, May 3 (Reporter Zhang Li)"},
		{"Officials met reporters (reporters from six countries) on Monday in the capital of the region.", "reporter-credit", ""},
		{"Madrid, 3 Mar (EFE).- The talks ended.", "spanish-dateline", "Madrid, 3 Mar (EFE).-"},
		{"(Taipei, comprehensive report) The talks ended.", "bracketed-byline", "(Taipei, comprehensive report)"},
		{"(The talks were comprehensive.) They ended.", "bracketed-byline", ""},
		{"KYIV, Ukraine (AP) — The talks ended.", "spanish-dateline", ""},
		{"By Jane Smith, Reuters\n\nKYIV, Nov 14 (Reuters) - The talks ended.", "reporter-credit", ""},
		{"He said “times are hard” again.", "quoted-newspaper", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := segment.Split(tt.text)
			got := hitTexts(doc, chromeHits(doc))[tt.id]
			if tt.want == "" {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, []string{tt.want}, got)
		})
	}
}

func TestForeignScripts(t *testing.T) {
	tests := []struct {
		text   string
		script []string
		lang   []string
		spans  []string
	}{
		{"Troops left 乌北 (Wubei) at night.", []string{"Han"}, []string{"zh"}, []string{"乌北"}},
		{"The sign read Харків, Київ in blue.", []string{"Cyrillic"}, []string{"uk"}, []string{"Харків, Київ"}},
		{"He said Москва twice and 서울 once.", []string{"Cyrillic", "Hangul"}, []string{"ru", "ko"}, []string{"Москва", "서울"}},
		{"Plain English, café and naïve.", nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var scripts, langs, spans []string
			for _, s := range foreignScripts(tt.text) {
				scripts = append(scripts, s.Script)
				langs = append(langs, s.Language)
				spans = append(spans, tt.text[s.Span.Start:s.Span.End])
			}
			assert.Equal(t, tt.script, scripts)
			assert.Equal(t, tt.lang, langs)
			assert.Equal(t, tt.spans, spans)
		})
	}
}

func TestScriptHitsSkipGlosses(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Chairman Ko Wen-je (柯文哲) spoke.", nil},
		{"Xinyi District ( 信義 ) voted.", nil},
		{"Troops left 乌北 (Wubei) at night.", []string{"乌北"}},
		{"He said (柯文哲) twice.", []string{"柯文哲"}}, // no name before it
		{"The sign read (Київ, Харків) in blue.", []string{"Київ, Харків"}},
		{"Ko Wen-je (柯文哲 said) so.", []string{"柯文哲"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := segment.Split(tt.text)
			var got []string
			for _, h := range scriptHits(doc, foreignScripts(tt.text)) {
				got = append(got, doc.Slice(h.span))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestInstitutionStem(t *testing.T) {
	for _, p := range [][2]string{{"studies", "study"}, {"analyses", "analysis"}, {"centre", "center"}, {"relations", "relation"}, {"affairs", "affair"}, {"strategic", "strategy"}} {
		assert.Equal(t, institutionStem(p[0]), institutionStem(p[1]), "%q and %q", p[0], p[1])
	}
	for _, p := range [][2]string{{"war", "ward"}, {"study", "state"}} {
		assert.NotEqual(t, institutionStem(p[0]), institutionStem(p[1]), "%q and %q", p[0], p[1])
	}
}

// FuzzDetectors runs every detector that does not need lingua-go on
// arbitrary text: none may panic, and every span must lie inside the text.
func FuzzDetectors(f *testing.F) {
	for _, s := range []string{
		"Troops left Wubei. will return.", "[Compiled by X/Y Report] The US \"Times\" said on the 3rd",
		"to hold For the third week", "乌北 Харків", "(Reuters)", "", "\xff\xfe", "the 31st, the 99th",
		"International Institute of Strategic Studies", "Please read on...",
		"„Zitat“ und «citation» 5,4 billion 1.200 soldiers 24.2.2022", "Madrid, 3 Mar (EFE).- x",
		"The war, that began, would have killed according to", "(Reporter Li", "„", "«»", "1.",
		"Mr. Nishi met Anna Renzi. Renzi said so.", "The Wichita, Kan. plant and 8-oz. glass, 4 in. right",
		"in His mercy and His care", "Mei E", "Via Dei Tessari", "Seymour Krim. Krim",
		"months”notes", "70%of", "the long -term plan", "exchange exchange", "Zorvik. Zorvikpress", "withouta",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := segment.Split(text)
		var hits []hit
		hits = append(hits, scriptHits(doc, foreignScripts(text))...)
		hits = append(hits, boundaryHits(doc)...)
		hits = append(hits, noFiniteVerbHits(doc)...)
		hits = append(hits, romanizedHits(doc, nil)...)
		hits = append(hits, phraseHits(doc)...)
		hits = append(hits, institutionHits(doc)...)
		hits = append(hits, chromeHits(doc)...)
		hits = append(hits, quoteMarkHits(doc)...)
		hits = append(hits, numberFormatHits(doc)...)
		hits = append(hits, spellingHits(doc, nil)...)
		hits = append(hits, relativeThatHits(doc)...)
		hits = append(hits, reportedConditionalHits(doc)...)
		hits = append(hits, mergedHits(doc)...)
		hits = append(hits, repeatedWordHits(doc)...)
		hits = append(hits, splitCompoundHits(doc)...)
		for _, h := range hits {
			if h.span.Start < 0 || h.span.End > len(text) || h.span.Start >= h.span.End {
				t.Fatalf("hit %s has span %v outside text of %d bytes", h.rule, h.span, len(text))
			}
		}
		_, score, _ := summarize(hits)
		if score < 0 || score > 1 {
			t.Fatalf("score %v", score)
		}
		for _, p := range passages(doc.Text, hits, Uncertain) {
			if p.Span.Start < 0 || p.Span.End > len(text) {
				t.Fatalf("passage %s span %v outside text", p.Rule, p.Span)
			}
		}
	})
}

func TestForeignSentences(t *testing.T) {
	d, err := sharedDetector()
	require.NoError(t, err)
	tests := []struct {
		text string
		want []string // sentences reported as untranslated
	}{
		{"Die Lage bleibt angespannt. The army said the city was calm.", []string{"Die Lage bleibt angespannt."}},
		{"La situation reste tendue. The army said the city was calm.", []string{"La situation reste tendue."}},
		{"Ситуация остается напряженной. The army said the city was calm.", []string{"Ситуация остается напряженной."}},
		{"Die Bundeswehr hat heute neue Soldaten nach Litauen geschickt, sagte der Minister. It was news.", []string{"Die Bundeswehr hat heute neue Soldaten nach Litauen geschickt, sagte der Minister."}},
		// Short English sentences with foreign names stay English.
		{"Kyiv stays calm. Gerasimov was there. Putin said nothing.", nil},
		{"The Bundeswehr said so. Zelensky agreed.", nil},
		// Laughter is no language.
		{"He read the letter aloud. Heh heh heh! Then he left.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := segment.Split(tt.text)
			a, err := d.Analyze(context.Background(), doc)
			require.NoError(t, err)
			var got []string
			for _, p := range a.Passages {
				if p.Rule == "untranslated/foreign-language" {
					got = append(got, p.Text)
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestPhraseSpanClosesQuote(t *testing.T) {
	for text, want := range map[string]string{
		`The US "New York Times" quoted officials.`:        `US "New York Times"`,
		"The German “Spiegel” reported the deal.":          "German “Spiegel”",
		"According to the British Times, the talks ended.": "British Times",
	} {
		doc := segment.Split(text)
		var got []string
		for _, h := range phraseHits(doc) {
			if h.id == "nationality-newspaper" {
				got = append(got, doc.Slice(h.span))
				// The message quotes the span without doubling its marks.
				assert.NotRegexp(t, `[“”"][“”"]`, h.message, text)
			}
		}
		assert.Equal(t, []string{want}, got, text)
	}
}
