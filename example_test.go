package transcheck_test

import (
	"context"
	"fmt"
	"log"

	"github.com/transcheck/transcheck"
)

func Example() {
	c, err := transcheck.New(transcheck.Options{})
	if err != nil {
		log.Fatal(err)
	}
	text := "U.S. officials said on the 23rd that Russian troops had withdrawn from Wubei. " +
		"The army will defend the city. will be attacked."
	rep, err := c.Check(context.Background(), transcheck.Document{Path: "story.txt", Data: []byte(text)})
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range rep.Documents[0].Findings {
		if f.Severity == "error" {
			fmt.Printf("%d:%d %s %q %v\n", f.Span.Line, f.Span.Column, f.Rule, f.Text, f.Suggestions)
		}
	}
	// Output:
	// 1:72 place-name/romanized-abbreviation "Wubei" [northern Ukraine]
	// 1:88 garbled/lowercase-start "will defend the city. will be attacked." []
}
