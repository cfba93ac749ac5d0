package align

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/report"
)

func TestClauses(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string // nil: one clause
	}{
		{"The ministry reported two new cases on Monday.", nil},
		{"The army withdrew from the town overnight, and the mayor asked residents to stay indoors.",
			[]string{"The army withdrew from the town overnight,", "and the mayor asked residents to stay indoors."}},
		{"Prices rose sharply in March; wages stayed flat through the spring.",
			[]string{"Prices rose sharply in March;", "wages stayed flat through the spring."}},
		// a piece with fewer than three content words stays with its neighbour
		{"He came, and she left the building quietly.", nil},
		{"The council approved the budget, but he said no.", nil},
		// a comma before a word that opens no clause does not split
		{"The council approved the budget, the mayor said on Tuesday.", nil},
	} {
		d := segment.Split(tc.text)
		require.Len(t, d.Sentences, 1, tc.text)
		parts := clauses(d.Sentences[0].Tokens)
		var got []string
		for _, p := range parts {
			got = append(got, tc.text[p[0].Start:p[len(p)-1].End])
		}
		assert.Equal(t, tc.want, got, tc.text)
	}
}

// A coverage sentence that joins two statements of the text aligns with
// both, though one of them is like it more than the other.
func TestComparableJoinedSentence(t *testing.T) {
	ctx := context.Background()
	x := NewIndex()
	cov := "Floodwater cut the northern railway line near the border town on Sunday, and engineers expect repairs to the damaged bridge to take three weeks. " +
		"Schools in the district remain closed."
	require.NoError(t, x.Add(ctx, NewDocument("cov.txt", cov)))
	// the text's two statements are apart, so the two do not read as one
	// sentence against the coverage's (a 2-1 merge)
	text := "Floodwater cut the northern railway line near the border town on Sunday. " +
		"Schools in the district remain closed. " +
		"Engineers expect repairs to the damaged bridge to take three weeks."
	doc := NewDocument("text.txt", text)
	res, err := Comparable(ctx, doc, x, Options{})
	require.NoError(t, err)
	for i, j := range []int{0, 1, 0} {
		_, ok := findAlignment(res, i, "cov.txt", j)
		assert.True(t, ok, "sentence %d aligns with coverage sentence %d", i, j)
	}
}

// A sentence reworded past recognition between two aligned neighbours
// aligns with the coverage sentence between their counterparts; the same
// pair alone does not.
func TestComparableNeighbourSupport(t *testing.T) {
	ctx := context.Background()
	first := "The regional parliament voted on Tuesday to extend the fishing ban in the northern bay until next spring. "
	last := "Fishermen's associations said they would challenge the extension of the ban in the regional court. "
	textMid := "Inspectors counted far fewer young cod this autumn than a year ago. "
	covMid := "Surveys found the stock of juvenile cod had shrunk markedly compared with last year. "
	covFirst := "On Tuesday the regional parliament voted to extend the ban on fishing in the northern bay until next spring. "
	covLast := "Associations of fishermen said they would challenge the ban's extension at the regional court. "
	with := NewIndex()
	require.NoError(t, with.Add(ctx, NewDocument("cov.txt", covFirst+covMid+covLast)))
	alone := NewIndex()
	require.NoError(t, alone.Add(ctx, NewDocument("cov.txt", covMid)))

	res, err := Comparable(ctx, NewDocument("text.txt", first+textMid+last), with, Options{})
	require.NoError(t, err)
	for i := range 3 {
		_, ok := findAlignment(res, i, "cov.txt", i)
		assert.True(t, ok, "sentence %d aligns with coverage sentence %d", i, i)
	}
	res, err = Comparable(ctx, NewDocument("text.txt", strings.TrimSpace(textMid)), alone, Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Alignments, "the reworded sentence alone aligns with nothing")
}

// A coverage sentence read on its own, whose quotation opened in the
// sentence before, holds the quotation up to its closing mark.
func TestCandidateRunOnQuote(t *testing.T) {
	for _, tc := range []struct{ text, quote string }{
		{`I will say it once more, he is my friend," the governor said.`, `I will say it once more, he is my friend,`},
		{`I will say it once more, he is my friend,” the governor said.`, `I will say it once more, he is my friend,`},
		// a quotation that opens and closes in the sentence is left alone
		{`He said: "I will say it once more, he is my friend."`, `I will say it once more, he is my friend.`},
		// an opening mark after a space opens a quotation
		{`The governor called him "a friend of the region`, `a friend of the region`},
	} {
		v := newCandidateView(Candidate{Path: "cov.txt", Text: tc.text})
		qs := v.quotes()
		require.NotEmpty(t, qs, tc.text)
		assert.Equal(t, tc.quote, v.doc.Slice(qs[0].Inner), tc.text)
	}
}

// A quotation of the text that runs over two sentences is compared with a
// coverage sentence that holds its second half.
func TestComparableQuoteAcrossSentences(t *testing.T) {
	ctx := context.Background()
	x := NewIndex()
	cov := `The governor met the protesters on Saturday. "Moscow hears you all and has sent you a new governor. ` +
		`I will repeat it once more, the party is giving him food, lawyers and support," said the governor.`
	require.NoError(t, x.Add(ctx, NewDocument("cov.txt", cov)))
	text := `The governor met the protesters on Saturday. "Moscow hears you all and has sent you a new governor. ` +
		`I will repeat it once more, the party is giving him money, lawyers and support," said the governor.`
	res, err := Comparable(ctx, NewDocument("text.txt", text), x, Options{})
	require.NoError(t, err)
	var found bool
	for _, d := range res.Differences {
		if d.Category == report.Quote && strings.Contains(d.Text, "money") {
			found = true
		}
	}
	assert.True(t, found, "the changed word of the second sentence is reported: %v", res.Differences)
}

func FuzzCandidateQuotes(f *testing.F) {
	for _, s := range []string{`he is my friend," the governor said.`, `friend” he said`, `"a" "b`, `”`, `x"`, `He said: "yes."`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		v := newCandidateView(Candidate{Path: "cov.txt", Text: text})
		for _, q := range v.doc.Quotes {
			if q.Start < 0 || q.End > len(text) || q.Inner.Start < q.Start || q.Inner.End > q.End || q.Inner.Start > q.Inner.End {
				t.Fatalf("quote %v (inner %v) outside %q", q.Span, q.Inner, text)
			}
		}
		_ = passageQuotes(v)
	})
}

// searchOnly hides a corpus's SentenceLookup.
type searchOnly struct{ Corpus }

// A reworded sentence that shares no word with its counterpart is not
// retrieved, but beside an aligned pair the corpus's sentence lookup brings
// it.
func TestComparableNeighbourLookup(t *testing.T) {
	ctx := context.Background()
	x := NewIndex()
	cov := "On Tuesday the regional parliament voted to extend the ban on fishing in the northern bay until next spring. " +
		"Officers arrested children that had scared them. " +
		"Associations of fishermen said they would challenge the ban's extension at the regional court."
	require.NoError(t, x.Add(ctx, NewDocument("cov.txt", cov)))
	text := "The regional parliament voted on Tuesday to extend the fishing ban in the northern bay until next spring. " +
		"Police detained the kids who frightened the inspectors. " +
		"Fishermen's associations said they would challenge the extension of the ban in the regional court."
	doc := NewDocument("text.txt", text)
	res, err := Comparable(ctx, doc, x, Options{})
	require.NoError(t, err)
	for i := range 3 {
		_, ok := findAlignment(res, i, "cov.txt", i)
		assert.True(t, ok, "sentence %d aligns with coverage sentence %d", i, i)
	}
	res, err = Comparable(ctx, doc, searchOnly{x}, Options{})
	require.NoError(t, err)
	_, ok := findAlignment(res, 1, "cov.txt", 1)
	assert.False(t, ok, "without the lookup the reworded sentence is not retrieved")
}

// Against a reference translation, a changed count is compared with the
// reference's number for the same thing, not with another that agrees.
func TestParallelChangedCount(t *testing.T) {
	doc := NewDocument("text.txt", "Shelling hit the city overnight. The shelling killed 11 people and wounded 83 people, the governor said.")
	ref := NewDocument("ref.txt", "The city was shelled overnight. The governor said 11 people were killed and 38 wounded in the shelling.")
	res, err := Parallel(context.Background(), doc, ref, Options{})
	require.NoError(t, err)
	var found []string
	for _, d := range res.Differences {
		if d.Category == report.Number {
			found = append(found, d.Text+" → "+strings.Join(d.Suggestions, "|"))
		}
	}
	assert.Equal(t, []string{"83 people → 38 wounded"}, found)
}
