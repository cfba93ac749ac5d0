package gazetteer

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseFile(f *testing.F) {
	for _, s := range []string{
		"place Kyiv | country:UA | russian+french:Kiev | zh:基辅 ji fu | pop:2950000",
		"place A | id:x | kind:river | in:y\nprefer A\nallow B\naccept russian+historic",
		"place | :",
		"place X | zh:基 ",
		"accept ",
		"# only a comment\n\n",
		"place Ü | german:Ü-Ä | zh:·-",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		file, err := ParseFile(strings.NewReader(src))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "gazetteer: line ") {
				t.Fatalf("error without line: %v", err)
			}
			return
		}
		g := New(file.Places...)
		for _, p := range file.Places {
			if p.ID == "" || Key(p.Name) == "" {
				t.Fatalf("accepted place without id or name: %+v", p)
			}
			for _, c := range p.Chinese {
				if n := len(c.Pinyin); n != 0 && n != countHan(c.Hanzi) {
					t.Fatalf("pinyin count mismatch accepted: %+v", c)
				}
			}
			if len(g.Lookup(p.Name)) == 0 {
				t.Fatalf("place %q cannot be looked up", p.Name)
			}
		}
	})
}

func countHan(s string) int {
	n := 0
	for _, r := range s {
		if isHan(r) {
			n++
		}
	}
	return n
}

func FuzzReadGeoNames(f *testing.F) {
	f.Add("1\tKyiv\tKyiv\tKiev,Kijów,基辅,Київ\t50.45\t30.52\tP\tPPLC\tUA\t\t12\t\t\t\t2950000\t\t179\tEurope/Kyiv\t2024-01-01")
	f.Add("2\tX\tX\t\t0\t0\tA\tADM1\tua\t\t01\t\t\t\t\t\t\t\t\n\n")
	f.Add("3\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t")
	f.Fuzz(func(t *testing.T, src string) {
		places, err := ReadGeoNames(strings.NewReader(src))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "geonames: line ") {
				t.Fatalf("error without line: %v", err)
			}
			return
		}
		g := New(places...)
		for _, p := range places {
			if !strings.HasPrefix(p.ID, "geonames:") || p.Population < 0 {
				t.Fatalf("bad place %+v", p)
			}
			if utf8.ValidString(p.Name) && len(g.Lookup(p.Name)) == 0 {
				t.Fatalf("place %q cannot be looked up", p.Name)
			}
		}
	})
}

func FuzzParseAbbreviation(f *testing.F) {
	for _, s := range []string{"Wudong", "Mei'e", "Zhong-Mei", "Wūdōng", "Wuxinan", "Ejun", "", "ée", "乌东"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		a, ok := ParseAbbreviation(word)
		if !ok {
			return
		}
		if a.Meaning == "" || a.Hanzi == "" || len(a.Pinyin) < 1 || a.Input != word {
			t.Fatalf("incomplete parse of %q: %+v", word, a)
		}
		if strings.Join(a.Pinyin, "") != Key(word) {
			t.Fatalf("pinyin %v does not spell %q", a.Pinyin, Key(word))
		}
	})
}

func FuzzNearest(f *testing.F) {
	for _, s := range []string{"Herson", "Haerkefu", "x", "Ивано", "ǅ", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"Kharkivshchyna", "shchyna", "Sumshchyni", "Prudianka"} {
		f.Add(s)
	}
	g := Default()
	f.Fuzz(func(t *testing.T, word string) {
		ss := g.Nearest(word, 3)
		if len(ss) > 3 {
			t.Fatalf("too many: %d", len(ss))
		}
		for _, s := range ss {
			if s.Score < MinScore || s.Score > 1 {
				t.Fatalf("score out of range: %+v", s)
			}
			if s.Spelling < 0 || s.Spelling > s.Score {
				t.Fatalf("spelling out of range: %+v", s)
			}
		}
		if m, ok := g.RegionNoun(word); ok && (m.Place == nil || m.Place.Kind != KindAdmin1) {
			t.Fatalf("RegionNoun(%q) = %+v", word, m)
		}
	})
}

// FuzzGeneratedLine: a line of the generated data parses or is rejected
// with an error, never a panic, and a parsed place keeps its name.
func FuzzGeneratedLine(f *testing.F) {
	f.Add("Urozhaine\tcity\tUA\tua-donetsk-oblast\t0\tУрожайне\t\trussian:Urozhaynoye|translit:Urozhayne")
	f.Add("Lecce\tcity\tIT\t\t80695\t\t\t")
	f.Add("x\ty\tz\t\t-1\t\t\tbad")
	f.Add("\t\t\t\t\t\t\t")
	f.Fuzz(func(t *testing.T, line string) {
		p, err := parseGenerated(line)
		if err == nil && p.Name != strings.Split(line, "\t")[0] {
			t.Fatalf("name %q from %q", p.Name, line)
		}
	})
}

// FuzzNearestAndAdjective: any word is looked up, suggested and read as
// an adjective without a panic, and suggestions come best first.
func FuzzNearestAndAdjective(f *testing.F) {
	for _, s := range []string{"Izyumsky", "Voznesensky", "Andriyashiv", "Kharkov-based", "ї", "skyi", "Ab", "\xff\xfe"} {
		f.Add(s)
	}
	g := Default()
	f.Fuzz(func(t *testing.T, w string) {
		ss := g.Nearest(w, 5)
		for i := 1; i < len(ss); i++ {
			if ss[i].Score > ss[i-1].Score {
				t.Fatalf("Nearest(%q) not best first: %v", w, ss)
			}
		}
		g.Adjective(w)
		g.RaionAdjective(w)
		if bases, _ := AdjectiveBases(w); len(bases) > 0 && bases[0] == "" {
			t.Fatalf("AdjectiveBases(%q) gave an empty stem", w)
		}
		g.Lookup(w)
	})
}
