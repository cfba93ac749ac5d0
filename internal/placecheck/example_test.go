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
