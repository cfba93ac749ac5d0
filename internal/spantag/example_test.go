package spantag_test

import (
	"fmt"

	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/internal/spantag"
)

// The tagger's most suspicious token in a sentence, and what it saw there:
// how often the word follows the one before it in edited English (the
// binary order of magnitude of the count; 0: fewer than twice).
func Example() {
	tg, err := spantag.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := segment.Split("The city government held a meeting to deploy the work of epidemic prevention and control.")
	s := doc.Sentences[0]
	scores := tg.Sentence(nil, s)
	best := 0
	for i, x := range scores {
		if x.P > scores[best].P {
			best = i
		}
	}
	fmt.Printf("%q after %q: pair magnitude %d, p %.2f\n", s.Tokens[best].Text, s.Tokens[best-1].Text, scores[best].Prev, scores[best].P)
	fmt.Println(tg.Phrases().Magnitude("the", "work"), tg.Phrases().Magnitude("deploy", "the", "work"))
	// Output:
	// "and" after "prevention": pair magnitude 4, p 0.11
	// 10 0
}
