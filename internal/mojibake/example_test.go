package mojibake_test

import (
	"fmt"

	"github.com/transcheck/transcheck/internal/mojibake"
)

func ExampleFind() {
	text := "The minister didnâ€™t attend the talks in ZÃ¼rich."
	for _, r := range mojibake.Find(text) {
		fmt.Printf("%q → %q (%s read as %s)\n", text[r.Start:r.End], r.Text, r.Was, r.ReadAs)
	}
	// Output:
	// "â€™" → "’" (UTF-8 read as Windows-1252)
	// "Ã¼" → "ü" (UTF-8 read as Windows-1252)
}
