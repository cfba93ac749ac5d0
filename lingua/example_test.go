package lingua_test

import (
	"context"
	"fmt"

	"github.com/transcheck/transcheck/lingua"
)

// ExampleDetector_AnalyzeText analyzes a text from outside the module: the
// verdict, the likely source language and the problem passages, with byte
// offsets into the text.
func ExampleDetector_AnalyzeText() {
	d, err := lingua.New(lingua.Options{LowAccuracy: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Officials said on the 14th that the army had left Wubei. will return next week."
	a, err := d.AnalyzeText(context.Background(), text)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Verdict, a.SourceLanguage)
	for _, p := range a.Passages {
		fmt.Printf("%s %s %q at %d\n", p.Category, p.Rule, text[p.Span.Start:p.Span.End], p.Span.Start)
	}
	// Output:
	// machine zh
	// style style/date-without-month "on the 14th" at 15
	// garbled garbled/lowercase-start "army had left Wubei. will return next week." at 36
}
