package lingua

import (
	"context"
	"fmt"
	"slices"
	"strings"

	lg "github.com/pemistahl/lingua-go"

	"github.com/transcheck/transcheck/internal/fluency"
	"github.com/transcheck/transcheck/internal/segment"
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
	detector  lg.LanguageDetector
	languages []lg.Language
	opts      Options
	fluency   *fluency.Model
}

// New builds a Detector. It decodes the language models of every candidate
// language up front, so concurrent first calls do not each decode them. An
// unknown language code, a list without English or with fewer than two
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
	fm, err := fluency.Default()
	if err != nil {
		return nil, fmt.Errorf("lingua: loading the fluency model: %w", err)
	}
	defer func() {
		// The lingua-go builder panics on input it rejects; report it.
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("lingua: building detector for %v: %v", codes, r)
		}
	}()
	b := lg.NewLanguageDetectorBuilder().FromLanguages(langs...).WithPreloadedLanguageModels()
	if opts.LowAccuracy {
		b = b.WithLowAccuracyMode()
	}
	return &Detector{detector: b.Build(), languages: langs, opts: opts, fluency: fm}, nil
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
	vals := d.detector.ComputeLanguageConfidenceValues(text)
	if len(vals) == 0 || vals[0].Value() == 0 {
		return Language{}
	}
	return Language{Code: isoCode(vals[0].Language()), Confidence: vals[0].Value()}
}

// sentenceLanguages identifies each sentence's language.
func (d *Detector) sentenceLanguages(ctx context.Context, doc *segment.Document) ([]SentenceLanguage, error) {
	out := make([]SentenceLanguage, 0, len(doc.Sentences))
	for _, s := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("lingua: %w", err)
		}
		out = append(out, SentenceLanguage{Span: s.Span, Sentence: s.Index, Language: d.Identify(doc.Slice(s.Span))})
	}
	return out, nil
}

func isoCode(l lg.Language) string {
	if l == lg.Unknown {
		return ""
	}
	return strings.ToLower(l.IsoCode639_1().String())
}
