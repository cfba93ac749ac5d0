package segment

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sentences(d *Document) []string {
	out := make([]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = d.Slice(s.Span)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "One thing. Another thing! A third? Yes.",
			[]string{"One thing.", "Another thing!", "A third?", "Yes."}},
		{"U.S. inside", "U.S. officials said so. They left.",
			[]string{"U.S. officials said so.", "They left."}},
		{"U.S. at end before a new sentence", "He went to the U.S. The trip was long.",
			[]string{"He went to the U.S.", "The trip was long."}},
		{"U.K. before a name", "Reporting on the U.K. Europe is next.",
			[]string{"Reporting on the U.K. Europe is next."}},
		{"month abbreviation", "It was Nov. 28, 2025. Then it rained.",
			[]string{"It was Nov. 28, 2025.", "Then it rained."}},
		{"month abbreviation ending a sentence", "He came in Nov. Then he left.",
			[]string{"He came in Nov.", "Then he left."}},
		{"titles", "Mr. Smith met Dr. Jones and Gen. Milley. They talked.",
			[]string{"Mr. Smith met Dr. Jones and Gen. Milley.", "They talked."}},
		{"initial", "General Mark A. Milley told a Senate panel.",
			[]string{"General Mark A. Milley told a Senate panel."}},
		{"e.g.", "Some words, e.g. this one, are short. Fine.",
			[]string{"Some words, e.g. this one, are short.", "Fine."}},
		{"closing quote stays", "He said: “It is over.” Then he left.",
			[]string{"He said: “It is over.”", "Then he left."}},
		{"quote then lower case", "“Why?” he asked. “Because.”",
			[]string{"“Why?” he asked.", "“Because.”"}},
		{"straight quotes", `"We think so," she said. "It is."`,
			[]string{`"We think so," she said.`, `"It is."`}},
		{"lower-case start splits", "The corridor will be destroyed. will be threatened.",
			[]string{"The corridor will be destroyed.", "will be threatened."}},
		{"ellipsis mid-sentence", "He paused... and went on. Next.",
			[]string{"He paused... and went on.", "Next."}},
		{"ellipsis at end", "Please read on... The end.",
			[]string{"Please read on...", "The end."}},
		{"decimal and thousands", "It cost 12.5 million, or 300,000 each. Fine.",
			[]string{"It cost 12.5 million, or 300,000 each.", "Fine."}},
		{"domain", "Read it on TheWeek.com today. Fine.",
			[]string{"Read it on TheWeek.com today.", "Fine."}},
		{"no space after stop", "It ended.Next came.",
			[]string{"It ended.Next came."}},
		{"paragraphs", "First line\nSecond line.\n\nThird.",
			[]string{"First line", "Second line.", "Third."}},
		{"CRLF", "One.\r\nTwo.\r\n", []string{"One.", "Two."}},
		{"BOM", "\uFEFFOne. Two.", []string{"One.", "Two."}},
		{"hard-wrapped", "This line is wrapped\nin the middle. Yes.\n",
			[]string{"This line is wrapped\nin the middle.", "Yes."}},
		{"company abbreviation in a name", "Ford Motor Co. President Smith spoke. He left.",
			[]string{"Ford Motor Co. President Smith spoke.", "He left."}},
		{"company abbreviation ending a sentence", "He joined Apple Inc. The move surprised many.",
			[]string{"He joined Apple Inc.", "The move surprised many."}},
		{"etc. mid-sentence", "Tanks, guns, etc. were lost. Then peace.",
			[]string{"Tanks, guns, etc. were lost.", "Then peace."}},
		{"empty", "", []string{}},
		{"only space", " \n\t\r\n", []string{}},
		{"CJK stops", "乌南。乌东！", []string{"乌南。乌东！"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Split(tt.in)
			assert.Equal(t, tt.want, sentences(d))
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in    string
		texts []string
		kinds []Kind
	}{
		{"Putin’s decision-making", []string{"Putin’s", "decision-making"}, []Kind{Word, Word}},
		{"U.S. and U.K.", []string{"U.S.", "and", "U.K."}, []Kind{Word, Word, Word}},
		{"300,000 on the 23rd", []string{"300,000", "on", "the", "23rd"}, []Kind{Number, Word, Word, Number}},
		{"Covid-19 in 2014.", []string{"Covid-19", "in", "2014", "."}, []Kind{Word, Word, Number, Punct}},
		{"(CNA), a “test”", []string{"(", "CNA", ")", ",", "a", "“", "test", "”"},
			[]Kind{Punct, Word, Punct, Punct, Word, Punct, Word, Punct}},
		{"on...", []string{"on", "..."}, []Kind{Word, Punct}},
		{"Xi'an – 乌南 €5", []string{"Xi'an", "–", "乌南", "€", "5"}, []Kind{Word, Punct, Word, Symbol, Number}},
		{"end-", []string{"end", "-"}, []Kind{Word, Punct}},
		{"Wūdōng", []string{"Wūdōng"}, []Kind{Word}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d := Split(tt.in)
			var texts []string
			var kinds []Kind
			for _, tok := range d.Tokens {
				texts = append(texts, tok.Text)
				kinds = append(kinds, tok.Kind)
				assert.Equal(t, tok.Text, tt.in[tok.Start:tok.End])
			}
			assert.Equal(t, tt.texts, texts)
			assert.Equal(t, tt.kinds, kinds)
		})
	}
}

func TestNorm(t *testing.T) {
	d := Split("Putin’s Decision‐Making")
	require.Len(t, d.Tokens, 2)
	assert.Equal(t, "putin's", d.Tokens[0].Norm)
	assert.Equal(t, "decision-making", d.Tokens[1].Norm)
}

func TestHeadings(t *testing.T) {
	in := "Living in a bubble\nHe said it was over. It was.\nCulture shock\nPlease read on...\n(Associated Press)\nA line that ends with a colon:\n"
	d := Split(in)
	got := map[string]bool{}
	for _, s := range d.Sentences {
		got[d.Slice(s.Span)] = s.Heading
	}
	assert.True(t, got["Living in a bubble"])
	assert.True(t, got["Culture shock"])
	assert.True(t, got["(Associated Press)"])
	assert.False(t, got["He said it was over."])
	assert.False(t, got["Please read on..."])
	assert.False(t, got["A line that ends with a colon:"])
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		in   string
		want []string // inner texts
	}{
		{"He said “it is over” and left.", []string{"it is over"}},
		{`She said "we think so," and "yes".`, []string{"we think so,", "yes"}},
		{"generals avoid ‘purge’ and it doesn’t end", []string{"purge"}},
		{"“A. B.\n“C.”", []string{"A. B.", "C."}},
		{"the soldiers’ guns and ‘quagmire’", []string{"quagmire"}},
		{"no quotes at all", nil},
		{"“unclosed", []string{"unclosed"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d := Split(tt.in)
			var got []string
			for _, q := range d.Quotes {
				assert.True(t, q.Span.Contains(q.Inner))
				got = append(got, d.Slice(q.Inner))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestSentenceAt(t *testing.T) {
	d := Split("One. Two three.\nFour.")
	require.Len(t, d.Sentences, 3)
	assert.Equal(t, 0, d.SentenceAt(0))
	assert.Equal(t, -1, d.SentenceAt(4))
	assert.Equal(t, 1, d.SentenceAt(6))
	assert.Equal(t, 2, d.SentenceAt(len(d.Text)-1))
	assert.Equal(t, -1, d.SentenceAt(len(d.Text)))
}

// checkInvariants asserts what every segmentation must satisfy.
func checkInvariants(t testing.TB, in string) {
	d := Split(in)
	prev := 0
	for _, tok := range d.Tokens {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(in) {
			t.Fatalf("bad token span %v after %d in %q", tok.Span, prev, in)
		}
		// Nothing but white space between tokens: no byte is lost.
		gap := in[prev:tok.Start]
		for _, r := range gap {
			if !isSpace(r) {
				t.Fatalf("byte %q lost before %v in %q", r, tok.Span, in)
			}
		}
		prev = tok.End
	}
	n := 0
	for pi, p := range d.Paragraphs {
		for si := p.First; si < p.End; si++ {
			s := d.Sentences[si]
			if s.Paragraph != pi || s.Index != si || !p.Span.Contains(s.Span) {
				t.Fatalf("sentence %d not inside paragraph %d in %q", si, pi, in)
			}
			n += len(s.Tokens)
		}
	}
	if n != len(d.Tokens) {
		t.Fatalf("%d tokens in sentences, %d in document, in %q", n, len(d.Tokens), in)
	}
	for _, q := range d.Quotes {
		if !q.Span.Contains(q.Inner) || q.End > len(in) {
			t.Fatalf("bad quote %v in %q", q, in)
		}
	}
}

func TestInvariantsOnTrickyText(t *testing.T) {
	for _, in := range []string{
		"", "\uFEFF", "\xff\xfe bad", "a\r\nb", "“", "”", "‘’’", `"""`, "...", "U.S.", "U.S", "A.",
		"1,", "1,000.", "e.g.x", "Mr.", "\n\n\n", "乌南。", "x'", "'x", "-a-", strings.Repeat("a. ", 50),
	} {
		checkInvariants(t, in)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"One. Two.", "U.S. officials", "“A.” b", "Nov. 28", "\uFEFFa\r\nb", "乌南 Wunan", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			// Invalid bytes must still be kept as tokens.
			checkInvariants(t, in)
			return
		}
		checkInvariants(t, in)
	})
}

func BenchmarkSplit(b *testing.B) {
	text := strings.Repeat("Russian President Vladimir Putin has recently expanded his command. U.S. officials said on Nov. 28 that “it is over.” will be threatened.\n", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Split(text)
	}
}

func ExampleSplit() {
	d := Split("U.S. officials met on Nov. 28. “It is over,” he said.")
	for _, s := range d.Sentences {
		fmt.Printf("%v %q\n", s.Span, d.Slice(s.Span))
	}
	// Output:
	// {0 30} "U.S. officials met on Nov. 28."
	// {31 57} "“It is over,” he said."
}
