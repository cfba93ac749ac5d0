package placecheck_test

import (
	"fmt"

	"github.com/transcheck/transcheck/internal/placecheck"
	"github.com/transcheck/transcheck/internal/segment"
)

func Example() {
	c := placecheck.New(placecheck.Options{})
	doc := segment.Split("Russian forces shelled Wubei. Kharkiv was calm, but later Kharkov was hit and troops left Haerkefu state.")
	for _, f := range c.Check(doc, nil) {
		fmt.Printf("%s %s %q → %v\n", f.Severity, f.Rule, f.Text, f.Suggestions)
	}
	// Output:
	// error place-name/romanized-abbreviation "Wubei" → [northern Ukraine]
	// warning place-name/inconsistent "Kharkov" → [Kharkiv]
	// error place-name/romanized "Haerkefu" → [Kharkiv]
}

func ExampleChecker_ResolveWithCoverage() {
	c := placecheck.New(placecheck.Options{})
	doc := segment.Split("Street fighting continued in Bahmota, officials said.")
	passage := "Street fighting continued in Bakhmut on Friday."
	for _, s := range c.Suspects(doc, nil) {
		f, ok := c.ResolveWithCoverage(s, placecheck.Evidence{DocIndex: 0, Span: segment.Span{Start: 0, End: len(passage)}, Text: passage})
		fmt.Println(s.Word, ok, f.Suggestions, f.Evidence[0].Span)
	}
	// Output:
	// Bahmota true [Bakhmut] {29 36}
}
