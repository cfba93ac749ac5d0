package mtmodel_test

import (
	"fmt"

	"github.com/transcheck/transcheck/internal/mtmodel"
)

func Example() {
	m, err := mtmodel.Default()
	if err != nil {
		panic(err)
	}
	doc, sentences := m.Document([]string{
		"The city council approved the new budget on Tuesday.",
		"The mayor said the money would go to schools and roads.",
	})
	fmt.Println(doc > 0 && doc < 1, len(sentences))
	// Output: true 2
}
