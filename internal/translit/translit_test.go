package translit

import (
	"fmt"
	"testing"
)

func TestRomanize(t *testing.T) {
	tests := []struct {
		in   string
		lang Lang
		sys  System
		want string
	}{
		// Ukrainian national system (2010).
		{"Харків", Ukrainian, National, "Kharkiv"},
		{"Запоріжжя", Ukrainian, National, "Zaporizhzhia"},
		{"Миколаїв", Ukrainian, National, "Mykolaiv"},
		{"Їжакевич", Ukrainian, National, "Yizhakevych"},
		{"Згурівка", Ukrainian, National, "Zghurivka"},
		{"Кривий Ріг", Ukrainian, National, "Kryvyi Rih"},
		{"Юрій", Ukrainian, National, "Yurii"},
		{"Борщагівка", Ukrainian, National, "Borshchahivka"},
		{"Знам'янка", Ukrainian, National, "Znamianka"},
		{"Ізюм", Ukrainian, National, "Izium"},
		{"Івано-Франківськ", Ukrainian, National, "Ivano-Frankivsk"},
		// BGN/PCGN and simplified English from Russian.
		{"Харьков", Russian, BGN, "Kharkov"},
		{"Макеевка", Russian, BGN, "Makeyevka"},
		{"Макеевка", Russian, Simple, "Makeevka"},
		{"Запорожье", Russian, BGN, "Zaporozhye"},
		{"Кривой Рог", Russian, Simple, "Krivoy Rog"},
		{"Ельцин", Russian, BGN, "Yeltsin"},
		// Loose English from Ukrainian.
		{"Миколаїв", Ukrainian, Loose, "Mykolayiv"},
		{"Вінниця", Ukrainian, Loose, "Vinnytsya"},
		// Other languages' conventions.
		{"Харків", Ukrainian, German, "Charkiw"},
		{"Запоріжжя", Ukrainian, German, "Saporischschja"},
		{"Ізюм", Ukrainian, German, "Isjum"},
		{"Харьков", Russian, German, "Charkow"},
		{"Запорожье", Russian, German, "Saporoschje"},
		{"Запоріжжя", Ukrainian, French, "Zaporijjia"},
		{"Купянськ", Ukrainian, French, "Koupiansk"},
		{"Харьков", Russian, Spanish, "Jarkov"},
		{"Запоріжжя", Ukrainian, Spanish, "Zaporiyia"},
		{"Харків", Ukrainian, Polish, "Charków"},
		{"Львів", Ukrainian, Polish, "Lwów"},
		{"Харьков", Russian, Czech, "Charkov"},
		{"Житомир", Ukrainian, Czech, "Žytomyr"},
		{"Харків", Ukrainian, Italian, "Charkiv"},
		{"Грозный", Russian, LC, "Groznyi"},
		// Non-Cyrillic text passes through.
		{"Kyiv-1", Ukrainian, National, "Kyiv-1"},
	}
	for _, tt := range tests {
		if got := Romanize(tt.in, tt.lang, tt.sys); got != tt.want {
			t.Errorf("Romanize(%q, %v, %v) = %q, want %q", tt.in, tt.lang, tt.sys, got, tt.want)
		}
	}
}

func TestForms(t *testing.T) {
	fs := Forms("Харків", "Харьков")
	if len(fs) == 0 || fs[0].Text != "Kharkiv" || fs[0].System != National {
		t.Fatalf("first form = %+v, want the national Kharkiv", fs)
	}
	seen := make(map[string]System)
	for _, f := range fs {
		if _, dup := seen[f.Text]; dup {
			t.Errorf("%q twice", f.Text)
		}
		seen[f.Text] = f.System
	}
	for text, sys := range map[string]System{"Kharkov": BGN, "Charkow": German, "Jarkov": Spanish, "Charkov": Czech, "Charków": Polish} {
		if got, ok := seen[text]; !ok || got != sys {
			t.Errorf("Forms: %q from %v missing or from %v; all: %v", text, sys, got, fs)
		}
	}
	if got := Forms("", ""); len(got) != 0 {
		t.Errorf("Forms of nothing = %v", got)
	}
}

func FuzzRomanize(f *testing.F) {
	for _, s := range []string{"Харків", "Знам'янка", "Ь", "ий", "Kyiv", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sys := range Systems() {
			for _, lang := range []Lang{Ukrainian, Russian} {
				_ = Romanize(s, lang, sys)
			}
		}
	})
}

func ExampleForms() {
	for _, f := range Forms("Харків", "Харьков")[:6] {
		fmt.Println(f.System, f.Text)
	}
	// Output:
	// national Kharkiv
	// bgn Kharkov
	// german Charkow
	// spanish Jarkov
	// czech Charkov
	// german Charkiw
}

func TestRussianName(t *testing.T) {
	tests := map[string]string{
		"Клищіївка":     "Клищеевка",
		"Урожайне":      "Урожайное",
		"Тоненьке":      "Тоненькое",
		"Роботине":      "Роботино",
		"Білогорівка":   "Билогоровка",
		"Бориспіль":     "Борисполь",
		"Мар'їнка":      "Марьинка",
		"Часів Яр":      "Часов Яр",
		"Нью-Йорк":      "Нью-Йорк",
		"Нова Маячка":   "Новая Маячка",
		"Верхня Кринка": "Верхняя Кринка",
		"Велике Поле":   "Великое Поле",
	}
	for uk, want := range tests {
		if got := RussianName(uk); got != want {
			t.Errorf("RussianName(%q) = %q, want %q", uk, got, want)
		}
	}
}
