// Package orgname tells the words that make a capitalized run an
// organization's, a company's, a publication's, a venue's or an event's
// name ("Tongji Hospital", "Haitong Securities", "Kyiv Post"), and the
// common nouns before which names are companies' or brands' ("the
// carmakers Geely and Changan"). Such names are no places and no romanized
// words: lingua's romanized-word detector and the place checks share this
// one table.
package orgname

import (
	"strings"

	"github.com/transcheck/transcheck/internal/segment"
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// headWords end or mark an organization's name.
var headWords = set("institute", "ministry", "council", "university", "times", "center", "centre",
	"agency", "department", "committee", "party", "command", "bank", "company", "corporation",
	"corp", "group", "news", "post", "journal", "telegraph", "guardian", "magazine", "foundation",
	"association", "organization", "organisation", "union", "service", "office", "court",
	"parliament", "senate", "congress", "assembly", "school", "college", "academy", "inc", "ltd",
	"press", "tribune", "herald", "gazette", "daily", "weekly", "review", "radio", "television",
	"tv", "network", "club", "federation", "fund", "forum", "alliance", "front", "brigade",
	"battalion", "regiment", "division", "corps", "fleet", "navy", "airlines", "airways",
	"staff", "chiefs", "security", "affairs", "studies", "analysis", "program", "programme",
	"project", "initiative", "monitor", "watch", "express", "observer", "standard", "independent",
	"insider", "politico", "reuters", "bloomberg",
	// companies and brands
	"securities", "holdings", "holding", "motors", "motor", "pharmaceutical", "pharmaceuticals",
	"technology", "technologies", "tech", "electronics", "energy", "industries", "industrial",
	"insurance", "capital", "partners", "investments", "dairy", "foods", "food", "telecom",
	"media", "systems", "labs", "logistics", "shipping", "steel", "chemical", "chemicals",
	"automotive", "semiconductor", "software", "entertainment", "pictures", "studios", "records",
	"co", "llc", "plc", "gmbh", "brands", "retail", "mining", "resources", "petroleum",
	"oil", "gas", "power", "electric", "construction", "properties", "realty", "trust", "exchange",
	"futures", "asset", "management", "ventures", "finance", "financial", "bancorp",
	// named events, works, buildings and venues (see historicWords)
	"battle", "siege", "treaty", "conference", "memorandum", "accords", "agreement", "agreements",
	"declaration", "protocol", "uprising", "massacre", "pact", "trials", "tribunal", "games",
	"olympics", "cup", "championship", "festival", "prize", "award", "orchestra", "philharmonic",
	"opera", "theatre", "theater", "ballet", "museum", "library", "cathedral", "church",
	"monastery", "lavra", "stadium", "hospital", "zoo", "works", "plant", "factory", "mine",
	"cinema", "hotel", "mall", "restaurant", "cafe", "brewery", "arena", "gallery", "clinic")

// historicWords are the head words of names of events, works, buildings
// and venues, which keep the spelling of their day ("Siege of Leningrad",
// "Kharkov Tractor Plant", "Kiev Opera"), unlike institutions, which
// follow their current standard English name.
var historicWords = set("battle", "siege", "treaty", "conference", "memorandum", "accords", "agreement",
	"agreements", "declaration", "protocol", "uprising", "massacre", "pact", "trials", "tribunal", "games",
	"olympics", "cup", "championship", "festival", "prize", "award", "orchestra", "philharmonic",
	"opera", "theatre", "theater", "ballet", "museum", "library", "cathedral", "church",
	"monastery", "lavra", "stadium", "hospital", "zoo", "works", "plant", "factory", "mine",
	"cinema", "hotel", "mall", "restaurant", "cafe", "brewery", "arena", "gallery", "clinic")

// IsHistoricWord reports whether word (any case) heads the name of an
// event, a work, a building or a venue, whose spelling is that of its day.
func IsHistoricWord(word string) bool { return historicWords[strings.ToLower(word)] }

// IsOrganizationWord reports whether word (any case) marks a capitalized
// run as a name of an organization, company, publication, event, work,
// building or venue.
func IsOrganizationWord(word string) bool { return headWords[strings.ToLower(word)] }

// companyNouns are common nouns that put company and brand names in
// apposition: "the carmakers Geely and Changan", "brokerages Haitong and
// CITIC".
var companyNouns = set("company", "companies", "firm", "firms", "maker", "makers", "brand", "brands",
	"producer", "producers", "lender", "lenders", "broker", "brokers", "brokerage", "brokerages",
	"insurer", "insurers", "automaker", "automakers", "carmaker", "carmakers", "retailer", "retailers",
	"chain", "chains", "developer", "developers", "conglomerate", "conglomerates", "rival", "rivals",
	"supplier", "suppliers", "giant", "giants", "manufacturer", "manufacturers", "startup", "startups",
	"operator", "operators", "airline", "airlines", "bank", "banks", "group", "groups", "unit",
	"subsidiary", "subsidiaries", "peers", "peer", "competitor", "competitors", "shares", "stocks",
	"product", "products", "label", "labels", "securities")

// IsCompanyNoun reports whether word (lower case) is a common noun before
// which capitalized words are companies' or brands' names.
func IsCompanyNoun(word string) bool { return companyNouns[word] }

// InName reports whether words[i] is part of a company's,
// organization's or venue's name: a capitalized organization word follows
// it ("Haitong Securities", "Tongji Hospital"), or it stands, alone or in
// a list of names, after a common noun of companies ("the carmakers Geely
// and Changan"). Both lingua and the place checks read names so.
func InName(words []segment.Token, i int) bool {
	if i+1 < len(words) && words[i+1].Start-words[i].End == 1 &&
		(words[i+1].IsCapitalized() && IsOrganizationWord(words[i+1].Norm) ||
			words[i+1].IsLower() && IsCompanyNoun(words[i+1].Norm)) {
		return true // "Haitong Securities", "Huaxin shares"
	}
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		w := words[j]
		switch {
		case w.Norm == "and" || w.Norm == "or" || w.IsCapitalized():
		case w.Norm == "as" && j > 0 && words[j-1].Norm == "such", w.Norm == "including", w.Norm == "like":
			// "products such as Anmuxi, Jindian and Changqing"
			for k := j - 1; k >= 0 && k >= j-4; k-- {
				if IsCompanyNoun(words[k].Norm) {
					return true
				}
			}
			return false
		default:
			return IsCompanyNoun(w.Norm)
		}
	}
	return false
}

// Names collects the words a document uses as companies' or
// organizations' names anywhere (InName): once "Qilu
// Securities" has been named, "Qilu" alone is that company.
func Names(doc *segment.Document) map[string]bool {
	out := make(map[string]bool)
	for _, s := range doc.Sentences {
		words := s.Words()
		for i, w := range words {
			if w.Kind == segment.Word && w.IsCapitalized() && InName(words, i) {
				out[strings.ToLower(segment.StripPossessive(w.Text))] = true
			}
		}
	}
	return out
}
