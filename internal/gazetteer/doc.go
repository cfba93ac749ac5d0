// Package gazetteer knows place names: their preferred English spellings,
// their variants (Russian-derived, historic, German, French, Polish,
// misspellings, literal translations …), their Chinese names with pinyin,
// and the grammar of Chinese geographic abbreviations (乌北 "Wubei" →
// "northern Ukraine").
//
// The embedded data (Default) covers Ukraine (every oblast, every city over
// about 50,000 and the towns, villages, rivers and sites war coverage names),
// Russia's regions and cities near the war and its large cities, Ukraine's
// and Russia's neighbours, the world's countries and capitals, and China's
// provinces and major cities. It was written by the transcheck authors from
// general knowledge; spellings follow the US BGN / AP / BBC Ukrainian-based
// conventions; licence MIT like the project. See README.md for the file
// format, which user gazetteer and style files share.
//
// On top of it, a generated tier (data/generated.*, written by
// internal/gazetteer/gen from GeoNames and Ukraine's KATOTTG codifier)
// holds every settlement and raion of Ukraine, the places of Belarus,
// Moldova and Russia's front-line regions, and the world's towns of 15,000
// people, with variant spellings derived from their Ukrainian and Russian
// names by internal/translit's rule tables. It is searched in place in the
// embedded bytes; hand-written places rank before their generated
// namesakes (Place.Generated). KnownName is the known-name test lingua and
// the place checks share; Adjective reads adjectives made of place names.
//
// Lookup finds known names; Nearest suggests what an unknown word may have
// meant (edit distance, a sound key, and the pinyin of Chinese names);
// LookupPinyin reads romanized Chinese names ("Haerkefu"); ParseAbbreviation
// reads romanized abbreviations; ReadGeoNames loads a GeoNames extract; and
// ParseFile reads a user gazetteer and style file.
//
// A Gazetteer is immutable once built and safe for concurrent use.
package gazetteer
