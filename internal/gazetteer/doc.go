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
// Lookup finds known names; Nearest suggests what an unknown word may have
// meant (edit distance, a sound key, and the pinyin of Chinese names);
// LookupPinyin reads romanized Chinese names ("Haerkefu"); ParseAbbreviation
// reads romanized abbreviations; ReadGeoNames loads a GeoNames extract; and
// ParseFile reads a user gazetteer and style file.
//
// A Gazetteer is immutable once built and safe for concurrent use.
package gazetteer
