// Package densetext generates finding-dense text for benchmarks: English
// written the way a poor machine translation of Russian, Ukrainian,
// Chinese or German news reads, with a source-language place spelling, a
// calque, a broken sentence boundary, a source number or date format or
// source quotation marks in nearly every sentence.
//
// The text is made from templates written for this project (no
// third-party text); slots are filled from small lists with a seeded
// random source, so the output is deterministic and varied enough that no
// stage can profit from exact repetition.
package densetext

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// templates are sentences with slots: {P} a place spelled the way the
// source language spells it, {N} a name, {D} a number, {M} a date.
var templates = []string{
	"The head of {P} regional military administration {N} said on Telegram, that the enemy shelled the city at night.",
	"According to him, in result of the strike {D} thousand residents stayed without electricity.",
	"as reported by the press service of the State Emergency Service, fire in {P} was extinguished by rescuers.",
	"The Russian side stated, that negotiations with {N} are impossible.",
	"In {P} and {P} air alarm was announced.",
	"Deputy Head of the Office of President {N} reported on the damage in {P} region.",
	"Xi Jinping met with the delegation of Guangdong province in Beijing, Zhongguo Renmin Daily writes.",
	"The above-mentioned measures will be taken by the Cabinet of Ministers until {M}.",
	"„We will not give up“, — said the mayor of {P}.",
	"Subscribe to our Telegram channel.",
	"Read also: In {P} explosions were heard.",
	"the Ministry of Defence of {P} informed about {D} downed drones.",
	"Residents of {P} were evacuated in connection with the threat of flooding, the Ukrainian side reports.",
}

var places = []string{
	"Kharkov", "Kiev", "Odessa", "Nikolaev", "Dnepropetrovsk", "Lvov",
	"Zaporozhye", "Chernigov", "Rovno", "Kirovograd", "Lugansk", "Nikolayev",
}

var names = []string{
	"Oleg Sinegubov", "Kirill Tymoshenko", "Vitaly Kim", "Sergei Lysak",
	"Ivan Fedorov", "Andrei Yermak", "Zhang Wei", "Li Qiang",
}

// Generate returns about n bytes of finding-dense text in paragraphs of
// four to nine sentences, cut at the end of a paragraph. seed picks the
// slots' fillers; one seed always gives the same text.
func Generate(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	var b strings.Builder
	b.Grow(n + 1024)
	for b.Len() < n {
		k := 4 + r.IntN(6)
		for i := range k {
			if i > 0 {
				b.WriteByte(' ')
			}
			fill(&b, templates[r.IntN(len(templates))], r)
		}
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// fill writes t with its slots filled.
func fill(b *strings.Builder, t string, r *rand.Rand) {
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return
		}
		b.WriteString(t[:i])
		switch t[i+1] {
		case 'P':
			b.WriteString(places[r.IntN(len(places))])
		case 'N':
			b.WriteString(names[r.IntN(len(names))])
		case 'D':
			b.WriteString(strconv.Itoa(1 + r.IntN(20)))
			b.WriteByte(',')
			b.WriteString(strconv.Itoa(1 + r.IntN(9)))
		case 'M':
			b.WriteString(strconv.Itoa(10 + r.IntN(18)))
			b.WriteString(".0")
			b.WriteString(strconv.Itoa(1 + r.IntN(9)))
			b.WriteString(".2023")
		}
		t = t[i+3:]
	}
}
