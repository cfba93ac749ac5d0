package lingua

import (
	"github.com/transcheck/transcheck/internal/rules"
	"slices"
	"strings"

	"github.com/transcheck/transcheck/internal/segment"
)

// bylineMarkers are words of a bracketed byline that news sites in Chinese
// put before the text (【编译…/综合报导】, [Reporter … / Taipei], (…综合外电报导)).
var bylineMarkers = []string{
	"compiled by", "edited by", "reported by", "translated by", "written by",
	"comprehensive report", "special report", "combined report", "reporter",
	"correspondent", "dispatch", "comprehensive foreign", "comprehensive news", "foreign news report",
}

// chromeHits finds bracketed bylines at the start of a sentence,
// parenthesized photo credits standing as paragraphs of their own, the
// reporter credits of Chinese agency datelines and the dateline dash of
// Spanish agencies.
func chromeHits(doc *segment.Document) []hit {
	out := quotedNewspapers(doc)
	for _, s := range doc.Sentences {
		if len(s.Tokens) == 0 {
			continue
		}
		first := s.Tokens[0]
		switch first.Text {
		case "[", "【", "〔":
			if h, ok := byline(doc, s); ok {
				out = append(out, h)
			}
		case "(", "（":
			if h, ok := photoCredit(doc, s); ok {
				out = append(out, h)
			} else if h, ok := byline(doc, s); ok {
				out = append(out, h)
			}
		}
		if h, ok := reporterCredit(doc, s); ok {
			out = append(out, h)
		}
		if h, ok := spanishDateline(doc, s); ok {
			out = append(out, h)
		}
	}
	return out
}

// reporterMarkers open the reporter credit of a Chinese agency dateline:
// 新华社莫斯科3月12日电（记者…） becomes "Xinhua News Agency, Moscow, March
// 12 (Reporter …)".
var reporterMarkers = set("reporter", "reporters", "correspondent", "correspondents")

// reporterCredit finds a parenthesized reporter credit among the first
// words of a sentence: the dateline of a Chinese agency, translated. The
// passage runs from the sentence start, where the dateline stands, to the
// closing parenthesis.
func reporterCredit(doc *segment.Document, s segment.Sentence) (hit, bool) {
	words := 0
	for k, t := range s.Tokens {
		if t.Kind == segment.Word || t.Kind == segment.Number {
			words++
		}
		if words > 12 {
			break
		}
		if t.Text != "(" && t.Text != "（" || k+2 >= len(s.Tokens) || !reporterMarkers[s.Tokens[k+1].Norm] || !s.Tokens[k+1].IsCapitalized() {
			continue
		}
		// "(Reporter Li Dongxu)", "(Reporters Wang Wei and Li Na)": names.
		for j := k + 2; j < len(s.Tokens) && j < k+10; j++ {
			tk := s.Tokens[j]
			if tk.Kind == segment.Word && !tk.IsCapitalized() && tk.Norm != "and" {
				break
			}
			if tk.Text == ")" || tk.Text == "）" {
				return hit{
					id:         "reporter-credit",
					signal:     "page-chrome",
					rule:       rules.BoilerplateByline,
					span:       segment.Span{Start: s.Start, End: s.Tokens[j].End},
					message:    "an agency dateline with its reporter credit in the Chinese agencies' style (记者), translated with the article",
					confidence: 0.8,
					langs:      []string{"zh"},
				}, true
			}
		}
	}
	return hit{}, false
}

// spanishDateline finds the dateline of Spanish agencies, closed by a full
// stop and a dash after the agency: "Kyiv, 18 Jun (EFE).-".
func spanishDateline(doc *segment.Document, s segment.Sentence) (hit, bool) {
	if s.Index > 0 && doc.Sentences[s.Index-1].Paragraph == s.Paragraph {
		return hit{}, false // a dateline opens its paragraph
	}
	for k := 0; k+2 < len(s.Tokens) && k < 12; k++ {
		a, b, c := s.Tokens[k], s.Tokens[k+1], s.Tokens[k+2]
		if a.Text == ")" && b.Text == "." && (c.Text == "-" || c.Text == "–") && b.Start == a.End && c.Start == b.End {
			return hit{
				id:         "spanish-dateline",
				signal:     "source-convention",
				rule:       rules.StyleSourceDateline,
				span:       segment.Span{Start: s.Start, End: c.End},
				message:    "a dateline closed by “.-” after the agency follows Spanish agencies (EFE, Europa Press); English wires write “KYIV (Reuters) -”",
				confidence: 0.7,
				langs:      []string{"es"},
			}, true
		}
	}
	return hit{}, false
}

var closers = map[string]string{"[": "]", "【": "】", "〔": "〕", "(": ")", "（": "）"}

// bracketEnd returns the index of the token closing s.Tokens[0], or -1.
func bracketEnd(s segment.Sentence) int {
	want := closers[s.Tokens[0].Text]
	for i, t := range s.Tokens[1:] {
		if t.Text == want {
			return i + 1
		}
	}
	return -1
}

func byline(doc *segment.Document, s segment.Sentence) (hit, bool) {
	end := bracketEnd(s)
	if end < 0 {
		return hit{}, false
	}
	span := segment.Span{Start: s.Tokens[0].Start, End: s.Tokens[end].End}
	inner := strings.ToLower(doc.Slice(span))
	for _, m := range bylineMarkers {
		if strings.Contains(inner, m) {
			return hit{
				id:         "bracketed-byline",
				signal:     "page-chrome",
				rule:       rules.BoilerplateByline,
				span:       span,
				message:    "a bracketed byline (“" + m + "”) in the source site's style, translated with the article",
				confidence: 0.85,
				langs:      []string{"zh"},
			}, true
		}
	}
	return hit{}, false
}

// photoCredit matches a paragraph that is only a short parenthesized name,
// such as "(Associated Press)" under a picture.
func photoCredit(doc *segment.Document, s segment.Sentence) (hit, bool) {
	p := doc.Paragraphs[s.Paragraph]
	if p.End-p.First != 1 {
		return hit{}, false
	}
	end := bracketEnd(s)
	if end != len(s.Tokens)-1 {
		return hit{}, false
	}
	words := s.Words()
	if len(words) == 0 || len(words) > 6 {
		return hit{}, false
	}
	for _, w := range words {
		if !w.IsCapitalized() && !nameConnectors[w.Norm] {
			return hit{}, false
		}
	}
	return hit{
		id:         "photo-credit",
		signal:     "english-page-chrome",
		rule:       rules.BoilerplatePhotoCredit,
		span:       s.Span,
		message:    "a picture credit left in the text",
		confidence: 0.6,
	}, true
}

// quotedNewspapers finds newspaper titles set in quotation marks (“Guardian”),
// the German and Chinese (《》) convention; English italicizes or leaves
// them plain.
func quotedNewspapers(doc *segment.Document) []hit {
	var out []hit
	for _, q := range doc.Quotes {
		inner := strings.ToLower(strings.TrimSpace(doc.Slice(q.Inner)))
		inner = strings.TrimPrefix(inner, "the ")
		if !slices.Contains(newspaperTitles, inner) {
			continue
		}
		out = append(out, hit{
			id:         "quoted-newspaper",
			signal:     "source-convention",
			rule:       rules.StyleQuotedNewspaper,
			span:       q.Span,
			message:    "a newspaper's title in quotation marks follows German and Chinese convention; English news writes it plain",
			suggest:    []string{doc.Slice(q.Inner)},
			confidence: 0.6,
			langs:      []string{"de", "zh"},
		})
	}
	return out
}
