package orgname

import (
	"fmt"
	"testing"

	"github.com/transcheck/transcheck/internal/segment"
)

func TestIsOrganizationWord(t *testing.T) {
	for w, want := range map[string]bool{"Hospital": true, "securities": true, "Institute": true,
		"Odeon": false, "river": false, "Kyiv": false} {
		if got := IsOrganizationWord(w); got != want {
			t.Errorf("IsOrganizationWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestIsCompanyNoun(t *testing.T) {
	for w, want := range map[string]bool{"makers": true, "brokerages": true, "villages": false, "Makers": false} {
		if got := IsCompanyNoun(w); got != want {
			t.Errorf("IsCompanyNoun(%q) = %v, want %v", w, got, want)
		}
	}
}

func ExampleIsOrganizationWord() {
	fmt.Println(IsOrganizationWord("Securities"), IsOrganizationWord("Lecce"))
	// Output: true false
}

func TestIsHistoricWord(t *testing.T) {
	for w, want := range map[string]bool{"Siege": true, "plant": true, "Republic": false, "Post": false} {
		if got := IsHistoricWord(w); got != want {
			t.Errorf("IsHistoricWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestNames(t *testing.T) {
	doc := segment.Split("Shares of Qilu Securities rose. Later Qilu said profits grew. " +
		"The dairy makers Yili and Mengniu fell. Key products such as Anmuxi, Jindian and Changqing sold well. " +
		"Troops entered Bakhmut.")
	names := Names(doc)
	for _, w := range []string{"qilu", "yili", "mengniu", "anmuxi", "jindian", "changqing"} {
		if !names[w] {
			t.Errorf("%q not read as a company's name; got %v", w, names)
		}
	}
	if names["bakhmut"] || names["troops"] {
		t.Errorf("a place or a sentence's first word read as a company's name: %v", names)
	}
}
