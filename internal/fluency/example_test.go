package fluency_test

import (
	"fmt"

	"github.com/transcheck/transcheck/internal/fluency"
	"github.com/transcheck/transcheck/internal/segment"
)

func ExampleModel_Sentence() {
	m, err := fluency.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, text := range []string{
		"Police said the man had threatened the woman with a knife outside the house.",
		"The police said that the man the woman before the house with a knife threatened had.",
	} {
		doc := segment.Split(text)
		sc := m.Sentence(doc.Sentences[0])
		fmt.Printf("unusual for edited English: %v\n", sc.ExcessRank >= 0.95)
	}
	// Output:
	// unusual for edited English: false
	// unusual for edited English: true
}
