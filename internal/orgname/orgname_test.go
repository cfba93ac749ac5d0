package orgname

import (
	"fmt"
	"testing"
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
