package languagetool

// The JSON that LanguageTool's HTTP API v2 answers with. Field names are
// LanguageTool's; clients written for LanguageTool read them unchanged.

// Response is the answer to POST /v2/check.
type Response struct {
	Software Software         `json:"software"`
	Warnings Warnings         `json:"warnings"`
	Language ResponseLanguage `json:"language"`
	Matches  []Match          `json:"matches"`
	// SentenceRanges are [offset, length] pairs in UTF-16 code units, one
	// per sentence, as LanguageTool 5.x and later send them.
	SentenceRanges [][2]int `json:"sentenceRanges"`
}

// Software describes the server, as /v2/info and every check answer do.
type Software struct {
	Name       string `json:"name"`
	Version    string `json:"version"`
	BuildDate  string `json:"buildDate"`
	APIVersion int    `json:"apiVersion"`
	Premium    bool   `json:"premium"`
	Status     string `json:"status"`
}

// Warnings tells a client whether the answer is complete.
type Warnings struct {
	// IncompleteResults is true when the check ran out of time and the
	// matches are only those found before it did.
	IncompleteResults bool `json:"incompleteResults"`
}

// ResponseLanguage is the language the text was checked as.
type ResponseLanguage struct {
	Name             string           `json:"name"`
	Code             string           `json:"code"`
	DetectedLanguage DetectedLanguage `json:"detectedLanguage"`
}

// DetectedLanguage is the language the checker detected in the text.
type DetectedLanguage struct {
	Name       string  `json:"name"`
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
}

// Match is one problem found in the text.
type Match struct {
	Message      string        `json:"message"`
	ShortMessage string        `json:"shortMessage"`
	Replacements []Replacement `json:"replacements"`
	// Offset and Length locate the problem in the text as sent (for
	// "data", markup included), in UTF-16 code units as JavaScript counts.
	Offset   int     `json:"offset"`
	Length   int     `json:"length"`
	Context  Context `json:"context"`
	Sentence string  `json:"sentence"`
	Type     Type    `json:"type"`
	Rule     Rule    `json:"rule"`
	// IgnoreForIncompleteSentence and ContextForSureMatch are always
	// false and 0: transcheck's checks do not depend on a sentence being
	// finished.
	IgnoreForIncompleteSentence bool `json:"ignoreForIncompleteSentence"`
	ContextForSureMatch         int  `json:"contextForSureMatch"`
}

// Replacement is one suggested replacement for a match.
type Replacement struct {
	Value string `json:"value"`
}

// Context is the match with some text around it. Offset and Length locate
// the match in Text, in UTF-16 code units.
type Context struct {
	Text   string `json:"text"`
	Offset int    `json:"offset"`
	Length int    `json:"length"`
}

// Type is LanguageTool's coarse kind of match: "UnknownWord", "Hint" or
// "Other".
type Type struct {
	TypeName string `json:"typeName"`
}

// Rule describes the rule that matched.
type Rule struct {
	// ID is the rule in LanguageTool's style: "place-name/romanized"
	// becomes "PLACE_NAME_ROMANIZED".
	ID string `json:"id"`
	// Description is the rule's one-line summary from Options.Rules, or
	// the rule as transcheck names it ("place-name/romanized") when the
	// rule is not documented there.
	Description string `json:"description"`
	// IssueType is an ITS 2.0 localization quality issue type, such as
	// "mistranslation" or "untranslated".
	IssueType string       `json:"issueType"`
	Category  RuleCategory `json:"category"`
	URLs      []URL        `json:"urls,omitempty"`
}

// RuleCategory is the category a rule belongs to.
type RuleCategory struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// URL is a link with more about a rule.
type URL struct {
	Value string `json:"value"`
}

// Language is one language the server checks, as /v2/languages lists it.
type Language struct {
	// Name is the language's English name, such as "English (US)".
	Name string `json:"name"`
	// Code is the language's ISO 639-1 code, such as "en".
	Code string `json:"code"`
	// LongCode is the code with the variant, such as "en-US".
	LongCode string `json:"longCode"`
}
