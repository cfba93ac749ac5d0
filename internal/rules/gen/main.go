// Command gen writes the rule documentation made from the registry: the
// rule table in the repository's README.md and the whole of RULES.md. Run it
// with `go generate ./internal/rules` from the repository root.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/transcheck/transcheck/internal/rules"
)

func main() {
	if err := run(filepath.Join("..", "..")); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run rewrites the documentation below root, the repository's top.
func run(root string) error {
	readme := filepath.Join(root, "README.md")
	b, err := os.ReadFile(readme)
	if err != nil {
		return err
	}
	out, err := rules.ReplaceTable(string(b))
	if err != nil {
		return fmt.Errorf("%s: %w", readme, err)
	}
	if err := os.WriteFile(readme, []byte(out), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(root, "RULES.md"), []byte(rules.Reference()), 0o644)
}
