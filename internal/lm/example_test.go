package lm_test

import (
	"fmt"

	"github.com/transcheck/transcheck/internal/lm"
)

func Example() {
	m, err := lm.English()
	if err != nil {
		panic(err)
	}
	fluent := lm.Words("The company said profits rose in the third quarter.")
	salad := lm.Words("The company profits said third rose quarter in the.")
	total := func(s []float64) (t float64) {
		for _, v := range s {
			t += v
		}
		return t
	}
	fmt.Println(total(m.Surprisal(fluent)) < total(m.Surprisal(salad)))
	// Output: true
}
