package lingua

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	lg "github.com/pemistahl/lingua-go"

	"github.com/transcheck/transcheck/internal/fluency"
	"github.com/transcheck/transcheck/internal/langid"
	"github.com/transcheck/transcheck/internal/lexicon"
	"github.com/transcheck/transcheck/internal/mtmodel"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/internal/spantag"
)

// DefaultLanguages are the candidate languages when Options.Languages is
// empty: English and the languages news about Europe and Asia is most often
// machine-translated from. Seven models cost about 6 ms per article.
var DefaultLanguages = []string{"en", "de", "fr", "es", "ru", "uk", "zh"}

// Options configure a Detector. The zero value is ready to use.
type Options struct {
	// Languages are the ISO 639-1 codes of the candidate languages; empty
	// means DefaultLanguages. English must be among them.
	Languages []string
	// LowAccuracy uses only trigram models: faster and smaller, less exact
	// on short sentences.
	LowAccuracy bool
	// KnownNames reports whether a word is a known name (from a gazetteer,
	// from coverage of the same story). Known names never count as
	// romanized source-language words or source-language spellings. May
	// be nil. It must be safe for concurrent use.
	KnownNames func(word string) bool
}

// Detector identifies languages and assesses machine translation. Build one
// with New and share it: it is safe for concurrent use.
type Detector struct {
	// trigram holds lingua-go's trigram models only: the models it uses
	// anyway for text of 120 letters or more, cheap to decode (about
	// 0.03 s and 11 MiB for the default seven languages).
	trigram lg.LanguageDetector
	// full adds the unigram to fivegram models lingua-go uses for short
	// text (about 0.7 s and 250 MiB to decode), built on first use: only
	// short text that is not plainly English needs them.
	full      func() lg.LanguageDetector
	languages []lg.Language
	opts      Options
	fluency   *fluency.Model
	mt        *mtmodel.Model
	// table answers the trigram detector's question for text whose
	// letters are a–z, without lingua-go (nil when a candidate language is
	// one the table does not cover); tableLangs are the candidates it
	// scores, by column tableCols.
	table      *langid.Table
	tableLangs []lg.Language
	tableCols  []int
}

// New builds a Detector. It decodes the trigram models of every candidate
// language up front, and the models for short text on first need, once
// (concurrent first calls wait for one decoding). An unknown language code, a list without English or with fewer than two
// languages is an error.
func New(opts Options) (d *Detector, err error) {
	codes := opts.Languages
	if len(codes) == 0 {
		codes = DefaultLanguages
	}
	byCode := make(map[string]lg.Language, 80)
	for _, l := range lg.AllLanguages() {
		byCode[strings.ToLower(l.IsoCode639_1().String())] = l
	}
	var langs []lg.Language
	for _, c := range codes {
		l, ok := byCode[strings.ToLower(strings.TrimSpace(c))]
		if !ok {
			return nil, fmt.Errorf("lingua: unknown language code %q", c)
		}
		if !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	if !slices.Contains(langs, lg.English) {
		return nil, fmt.Errorf("lingua: languages %v do not include English (en)", codes)
	}
	if len(langs) < 2 {
		return nil, fmt.Errorf("lingua: need at least two languages, got %v", codes)
	}
	if _, err := spantag.Default(); err != nil {
		return nil, fmt.Errorf("lingua: loading the span tagger: %w", err)
	}
	fm, err := fluency.Default()
	if err != nil {
		return nil, fmt.Errorf("lingua: loading the fluency model: %w", err)
	}
	mt, err := mtmodel.Default()
	if err != nil {
		return nil, fmt.Errorf("lingua: loading the machine-translation model: %w", err)
	}
	defer func() {
		// The lingua-go builder panics on input it rejects; report it.
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("lingua: building detector for %v: %v", codes, r)
		}
	}()
	d = &Detector{languages: langs, opts: opts, fluency: fm, mt: mt}
	d.trigram = lg.NewLanguageDetectorBuilder().FromLanguages(langs...).WithLowAccuracyMode().WithPreloadedLanguageModels().Build()
	d.full = func() lg.LanguageDetector { return d.trigram }
	d.useTable()
	if !opts.LowAccuracy {
		// The same languages built once already: this Build does not panic.
		d.full = sync.OnceValue(func() lg.LanguageDetector {
			return lg.NewLanguageDetectorBuilder().FromLanguages(langs...).WithPreloadedLanguageModels().Build()
		})
	}
	return d, nil
}

// otherScripts are the candidate languages lingua-go writes in a script
// other than Latin only: for text in the letters a–z its script rules rule
// them out, and the table needs no column for them.
var otherScripts = []lg.Language{lg.Russian, lg.Ukrainian, lg.Chinese}

// useTable sets the table up when it covers every candidate language: the
// Latin-script ones by a column, the others by their script.
func (d *Detector) useTable() {
	t, err := langid.Default()
	if err != nil {
		return // lingua-go answers everything
	}
	var langs []lg.Language
	var cols []int
	for _, l := range d.languages {
		col := slices.Index(t.Codes(), isoCode(l))
		switch {
		case col >= 0:
			langs, cols = append(langs, l), append(cols, col)
		case !slices.Contains(otherScripts, l):
			return
		}
	}
	d.table, d.tableLangs, d.tableCols = t, langs, cols
}

// identifyTrigram is identify with the trigram detector: from the table
// when it covers the text, which gives lingua-go's answer.
func (d *Detector) identifyTrigram(text string) Language {
	if d.table != nil {
		if conf, ok := d.table.Identify(text, d.tableCols); ok {
			return mostLikely(d.tableLangs, conf)
		}
	}
	return identify(d.trigram, text)
}

// mostLikely is the language of highest confidence, the first in
// lingua-go's order of languages among equals, or unknown when every
// confidence is zero.
func mostLikely(langs []lg.Language, conf []float64) Language {
	best := -1
	for i, c := range conf {
		if best < 0 || c > conf[best] || c == conf[best] && langs[i] < langs[best] {
			best = i
		}
	}
	if best < 0 || conf[best] == 0 {
		return Language{}
	}
	return Language{Code: isoCode(langs[best]), Confidence: conf[best]}
}

// trigramOnly is the number of letters from which lingua-go's high-accuracy
// mode uses the trigram models alone (120), with a margin for how it
// counts letters: from there on the trigram detector gives the same result.
const trigramOnly = 128

// letters counts the letters of text, stopping at trigramOnly.
func letters(text string) int {
	n := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			if n++; n >= trigramOnly {
				break
			}
		}
	}
	return n
}

// Languages returns the ISO 639-1 codes the Detector chooses among.
func (d *Detector) Languages() []string {
	out := make([]string, len(d.languages))
	for i, l := range d.languages {
		out[i] = isoCode(l)
	}
	return out
}

// Language is an identified language.
type Language struct {
	// Code is the ISO 639-1 code, or "" when the language is unknown.
	Code string `json:"code"`
	// Confidence is lingua-go's confidence, 0 to 1.
	Confidence float64 `json:"confidence"`
}

// Identify returns the most likely language of text and its confidence.
// Text without letters is unknown ("" code, zero confidence).
func (d *Detector) Identify(text string) Language {
	if d.opts.LowAccuracy || letters(text) >= trigramOnly {
		return d.identifyTrigram(text)
	}
	return identify(d.full(), text)
}

// sampleWindows and sampleWindow bound the text identifyDocument reads:
// a document up to sampleWindows × sampleWindow bytes is read whole, a
// longer one in sampleWindows windows spread evenly over it, so that the
// document's language costs the same from there on, whatever its size.
const (
	sampleWindows = 16
	sampleWindow  = 4 << 10
)

// identifyDocument identifies the language of a whole document: Identify
// of the text, or of evenly spread windows of a long one.
func (d *Detector) identifyDocument(text string) Language {
	if len(text) <= sampleWindows*sampleWindow {
		return d.Identify(text)
	}
	var b strings.Builder
	b.Grow(sampleWindows * (sampleWindow + 1))
	step := len(text) / sampleWindows
	for i := range sampleWindows {
		w := text[i*step : i*step+sampleWindow]
		// cut at white space, so that no word is split
		if j := strings.IndexAny(w, " \n"); j >= 0 {
			w = w[j+1:]
		}
		if j := strings.LastIndexAny(w, " \n"); j >= 0 {
			w = w[:j]
		}
		b.WriteString(w)
		b.WriteByte('\n')
	}
	return d.Identify(b.String())
}

func identify(det lg.LanguageDetector, text string) Language {
	vals := det.ComputeLanguageConfidenceValues(text)
	if len(vals) == 0 || vals[0].Value() == 0 {
		return Language{}
	}
	return Language{Code: isoCode(vals[0].Language()), Confidence: vals[0].Value()}
}

// sentenceLanguages identifies each sentence's language. A sentence in
// Latin script whose words (names left out) the English lexicon mostly
// knows is plainly English: in a document identified as English it takes
// the document's identification, and elsewhere it is identified with the
// trigram models, as a long sentence is. Only the other short sentences
// (another script, unknown words) need the models for short text, and a
// sentence without letters is unknown without asking.
func (d *Detector) sentenceLanguages(ctx context.Context, doc *segment.Document, docLang Language) ([]SentenceLanguage, error) {
	out := make([]SentenceLanguage, 0, len(doc.Sentences))
	for i, s := range doc.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("lingua: %w", err)
			}
		}
		text := doc.Slice(s.Span)
		var lang Language
		n := letters(text)
		plain := n > 0 && plainlyEnglish(s.Words())
		switch {
		case plain && docLang.Code == "en":
			lang = docLang
		case n >= trigramOnly || plain || n > 0 && d.opts.LowAccuracy:
			lang = d.identifyTrigram(text)
		case n > 0:
			lang = identify(d.full(), text)
		}
		out = append(out, SentenceLanguage{Span: s.Span, Sentence: s.Index, Language: lang})
	}
	return out, nil
}

// plainEnglishShare is the share of a sentence's words the English lexicon
// must know for the sentence to be plainly English.
const plainEnglishShare = 0.75

// plainlyEnglish reports whether a sentence's words are written in Latin
// script and mostly English words: three quarters of them, names (words
// capitalized inside the sentence) left out, or all of them in a sentence
// of one or two words.
func plainlyEnglish(words []segment.Token) bool {
	known, counted := 0, 0
	for i, w := range words {
		for _, r := range w.Text {
			if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
				return false
			}
		}
		if w.Kind == segment.Number || lexicon.IsWord(w.Text) {
			known++
		} else if i > 0 && unicode.IsUpper(firstRune(w.Text)) {
			continue // a name: English text is full of foreign ones
		}
		counted++
	}
	switch {
	case counted == 0:
		return false
	case counted < 3:
		return known == counted
	}
	return float64(known) >= plainEnglishShare*float64(counted)
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func isoCode(l lg.Language) string {
	if l == lg.Unknown {
		return ""
	}
	return strings.ToLower(l.IsoCode639_1().String())
}
