package align_test

import (
	"context"
	"fmt"

	"github.com/transcheck/transcheck/align"
)

// Check a machine translation against other coverage of the same story.
func Example() {
	ctx := context.Background()
	coverage := align.NewIndex()
	for _, d := range []align.Document{
		align.NewDocument("wire.txt", "Officials said 300,000 reserve soldiers were on their way to the front.\n"+
			"“We think the generals are making tactical decisions at a low level,” an official said.\n"),
		align.NewDocument("sport.txt", "The home side won the cup final on Saturday.\n"),
	} {
		if err := coverage.Add(ctx, d); err != nil {
			panic(err)
		}
	}

	doc := align.NewDocument("translated.txt",
		"Officials said 300,000 civilians were on their way to the front.\n"+
			"“We believe that the generals are making tactical decisions at a low level,” an official said.\n")
	res, err := align.Comparable(ctx, doc, coverage, align.Options{})
	if err != nil {
		panic(err)
	}
	for _, a := range res.Alignments {
		fmt.Printf("sentence %v ~ %s sentence %v\n", a.Source, a.Target, a.TargetSentences)
	}
	for _, d := range res.Differences {
		fmt.Printf("%s %q → %q\n", d.Rule, d.Text, d.Suggestions[0])
	}
	// Output:
	// sentence [0] ~ wire.txt sentence [0]
	// sentence [1] ~ wire.txt sentence [1]
	// number/different-noun "300,000 civilians" → "300,000 reserve soldiers"
	// quote/reworded "We believe that the generals are making tactical decisions at a low level" → "We think the generals are making tactical decisions at a low level"
}

func ExampleWordDiff() {
	for _, op := range align.WordDiff("We believe that Putin decides", "We think Putin decides") {
		fmt.Printf("%-6s %q\n", op.Op, op.Text)
	}
	// Output:
	// equal  "We "
	// delete "believe that"
	// insert "think"
	// equal  " Putin decides"
}

func ExampleParallel() {
	doc := align.NewDocument("mt.txt", "The mayor opened the bridge. It cost 40 million euros. Traffic resumed at noon.")
	ref := align.NewDocument("reference.txt", "The mayor opened the bridge, which cost 14 million euros. Traffic resumed at noon.")
	res, err := align.Parallel(context.Background(), doc, ref, align.Options{})
	if err != nil {
		panic(err)
	}
	for _, a := range res.Alignments {
		fmt.Printf("%v ~ %v\n", a.Source, a.TargetSentences)
	}
	for _, d := range res.Differences {
		fmt.Printf("%s %q → %q\n", d.Rule, d.Text, d.Suggestions[0])
	}
	// Output:
	// [0 1] ~ [0]
	// [2] ~ [1]
	// number/different-value "40 million euros" → "14 million euros"
}
