package mojibake

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/transcheck/transcheck/seeds"
)

// damage encodes s with right and decodes the bytes with wrong, as a
// scraper that guessed the encoding wrong does.
func damage(t *testing.T, s string, right encoding.Encoding, wrong *charmap.Charmap) string {
	t.Helper()
	b := []byte(s)
	if right != nil {
		var err error
		b, err = right.NewEncoder().Bytes(b)
		require.NoError(t, err)
	}
	// Decode byte by byte, so that the bytes Windows-1252 leaves
	// unassigned become the C1 controls of the same value, as browsers
	// decode them (x/text gives U+FFFD, which loses the byte).
	var out []rune
	for _, c := range b {
		r := wrong.DecodeByte(c)
		if r == utf8.RuneError {
			r = rune(c)
		}
		out = append(out, r)
	}
	return string(out)
}

func TestFindRepairsDamage(t *testing.T) {
	cp1252, latin1 := charmap.Windows1252, charmap.ISO8859_1
	tests := []struct {
		name   string
		clean  string // the passage as written
		damage func(string) string
		was    string
		readAs string
		times  int
	}{
		{"UTF-8 read as Windows-1252", "didn’t reach Zürich’s “old town” — yet",
			func(s string) string { return damage(t, s, nil, cp1252) }, UTF8, Windows1252, 1},
		{"UTF-8 read as Latin-1", "the café in Kraków’s square",
			func(s string) string { return damage(t, s, nil, latin1) }, UTF8, Latin1, 1},
		{"UTF-8 encoded twice", "the mayor’s “plan”",
			func(s string) string { return damage(t, damage(t, s, nil, cp1252), nil, cp1252) }, UTF8, Windows1252, 2},
		{"Russian in UTF-8 read as Windows-1252", "Мэр сказал, что мост закрыт",
			func(s string) string { return damage(t, s, nil, cp1252) }, UTF8, Windows1252, 1},
		{"Windows-1251 read as Windows-1252", "Мэр сказал, что мост закрыт",
			func(s string) string { return damage(t, s, charmap.Windows1251, cp1252) }, Windows1251, Windows1252, 1},
		{"Windows-1251 read as Latin-1", "Глава администрации заявил",
			func(s string) string { return damage(t, s, charmap.Windows1251, latin1) }, Windows1251, Windows1252, 1},
		{"KOI8-R read as Windows-1252", "Мэр сказал, что мост закрыт",
			func(s string) string { return damage(t, s, charmap.KOI8R, cp1252) }, KOI8R, Windows1252, 1},
		{"GBK read as Windows-1252", "市长说桥梁已经关闭",
			func(s string) string { return damage(t, s, simplifiedchinese.GBK, cp1252) }, GBK, Windows1252, 1},
		{"Windows-1251, short words", "В Киеве и в Харькове прошли акции",
			func(s string) string { return damage(t, s, charmap.Windows1251, cp1252) }, Windows1251, Windows1252, 1},
		{"KOI8-R, short words", "В Киеве и в Харькове прошли акции",
			func(s string) string { return damage(t, s, charmap.KOI8R, latin1) }, KOI8R, Windows1252, 1},
		{"GBK with Latin letters", "该公司使用GPS系统跟踪车辆。",
			func(s string) string { return damage(t, s, simplifiedchinese.GBK, cp1252) }, GBK, Windows1252, 1},
		{"GBK read as Latin-1", "我们明天再讨论这个问题",
			func(s string) string { return damage(t, s, simplifiedchinese.GBK, latin1) }, GBK, Latin1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := tt.damage(tt.clean)
			require.NotEqual(t, tt.clean, bad)
			text := "The agency said on Tuesday that " + bad + ", according to its report.\n"
			reps := Find(text)
			require.NotEmpty(t, reps, "%q", bad)
			// Applying the repairs gives back the clean text.
			var b strings.Builder
			last := 0
			for _, r := range reps {
				b.WriteString(text[last:r.Start])
				b.WriteString(r.Text)
				last = r.End
				assert.Equal(t, tt.was, r.Was, "%q", text[r.Start:r.End])
				assert.Equal(t, tt.times, r.Times)
			}
			b.WriteString(text[last:])
			assert.Equal(t, "The agency said on Tuesday that "+tt.clean+", according to its report.\n", b.String())
			// Each span covers only damaged text: it starts and ends with
			// a character above ASCII.
			for _, r := range reps {
				assert.GreaterOrEqual(t, text[r.Start], byte(0x80))
				assert.GreaterOrEqual(t, text[r.End-1], byte(0x80))
			}
		})
	}
}

func TestReadAsLatin1(t *testing.T) {
	// "’" is E2 80 99: Latin-1 reads 0x80 and 0x99 as C1 controls.
	reps := Find("It\u00e2\u0080\u0099s here.")
	require.Len(t, reps, 1)
	assert.Equal(t, Latin1, reps[0].ReadAs)
	assert.Equal(t, "’", reps[0].Text)
	assert.Equal(t, "\u00e2\u0080\u0099", "It\u00e2\u0080\u0099s here."[reps[0].Start:reps[0].End])
}

// Clean text gives no finding: the seeds, and text with real accented
// names, curly punctuation and other scripts.
func TestCleanTextHasNoFinding(t *testing.T) {
	for _, s := range seeds.All() {
		assert.Empty(t, Find(string(s.Data)), s.Path)
	}
	clean := []string{
		"Talks in Zürich, São Paulo and Łódź ended on Tuesday.",
		"“We won’t stop,” said François Hollande in Besançon — and Angela Merkel agreed.",
		"Reykjavík’s mayor, Dagur B. Eggertsson, met officials from Þórshöfn and Ísafjörður.",
		"The café à Paris serves crème brûlée; the Äußere Ring in Köln is closed.",
		"Señor Muñoz (Málaga) and Ms Ødegaard (Tromsø) joined; Çağlayan and Göztepe too.",
		"CAFÉ “SÃO JOÃO” and the ÉTÉ festival; Ü-Bahn, Ö1 radio, Å-ring.",
		"Prices rose 5 % to €300 or £250 (±2 %), 3 × 4 m², at 20 °C, § 12 ¶ 3 — see © AFP ® ™.",
		"Москва и Київ; 乌南 and 北京; Αθήνα; תל אביב; القاهرة.",
		"Ivan Krastev said “ça suffit” and “¿por qué?”; ‘Kyiv’ — not ‘Kiev’ — is the spelling…",
		"Dvořák, Škoda, Žilina, Gdańsk, Kraków, Poznań, Wrocław, Malmö, Århus, Jyväskylä.",
		"à, é, è, ê, ë, î, ï, ô, û, ù, ü, ÿ, ç, œ, æ, ß, ñ, ã, õ, á, í, ó, ú.",
		"The names Ñandú, Ávila, Úbeda, Ölüdeniz and Üsküdar; the Æbeltoft ferry.",
		"Grüße aus Düsseldorf; ações em Conceição; Hà Nội and Győr; the ÉLYSÉE said “NON”.",
		"þýða, ðæ, öö, ÄÖÜ, ÀÉÎÕÜ, «ÉÉ», Ôô, Œuvre, ŒÆ — ÅÄÖ in Åre, Älvsbyn, Öland.",
		"He wrote «à bientôt», «déjà vu», «naïveté», «Noël», «São Tomé» and «Bogotá».",
	}
	clean = append(clean, "Ma’ale Adumim’s council — “Grüß Gott” and ¡Olé! in Zürich’s Fraumünster…")
	for _, s := range clean {
		assert.Empty(t, Find(s), s)
	}
}

func TestFindings(t *testing.T) {
	text := damage(t, "The minister didn’t attend.", nil, charmap.Windows1252)
	fs := Findings(text)
	require.Len(t, fs, 1)
	f := fs[0]
	assert.Equal(t, "encoding/mojibake", f.Rule)
	assert.Equal(t, "encoding", string(f.Category))
	assert.Equal(t, "â€™", text[f.Span.Start:f.Span.End])
	assert.Equal(t, []string{"’"}, f.Suggestions)
	assert.Contains(t, f.Message, "UTF-8 text read as Windows-1252")
}

// Long damaged text is found in pieces, in linear time: the work per
// passage is bounded.
func TestLongDamagedText(t *testing.T) {
	clean := strings.Repeat("Мэр сказал, что мост закрыт до пятницы. ", 2000)
	bad := damage(t, clean, charmap.Windows1251, charmap.Windows1252)
	reps := Find(bad)
	require.NotEmpty(t, reps)
	var b strings.Builder
	last := 0
	for _, r := range reps {
		b.WriteString(bad[last:r.Start])
		b.WriteString(r.Text)
		last = r.End
	}
	b.WriteString(bad[last:])
	assert.Equal(t, clean, b.String())
}

// BenchmarkFind measures Find on English text with damaged passages at
// three sizes: the time per byte stays the same.
func BenchmarkFind(b *testing.B) {
	t := &testing.T{}
	para := "The mayor said on Tuesday that the bridge wouldnâ€™t reopen before ZÃ¼rich’s talks. " +
		damage(t, "Мэр сказал, что мост закрыт. ", charmap.Windows1251, charmap.Windows1252) +
		"Officials in São Paulo and Łódź agreed.\n"
	for _, size := range []int{100 << 10, 1 << 20, 10 << 20} {
		text := strings.Repeat(para, size/len(para)+1)[:size]
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Find(text)
			}
		})
	}
}

// FuzzFind checks that repairs are well formed whatever the text: in
// order, not overlapping, on character boundaries, valid UTF-8, and each
// a change.
func FuzzFind(f *testing.F) {
	f.Add("The minister didnâ€™t go to ZÃ¼rich.")
	f.Add("Ìýð ñêàçàë, ÷òî ìîñò çàêðûò")
	f.Add("ÊÐÓ¼¾­¹Ø±Õ Ã¢â‚¬â„¢ \u0080\u0099 São Paulo, Łódź")
	f.Add("\xff\xfeâ€")
	f.Fuzz(func(t *testing.T, text string) {
		starts := map[int]bool{len(text): true} // where the characters start, as a range loop sees them
		for i := range text {
			starts[i] = true
		}
		done := make(chan []Repair, 1)
		go func() { done <- Find(text) }()
		var reps []Repair
		select {
		case reps = <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("Find(%q) did not return in 5 s", text)
		}
		last := 0
		for _, r := range reps {
			if r.Start < last || r.Start >= r.End || r.End > len(text) {
				t.Fatalf("repair [%d, %d) after %d in %d bytes", r.Start, r.End, last, len(text))
			}
			if !starts[r.Start] || !starts[r.End] {
				t.Fatalf("repair [%d, %d) splits a character", r.Start, r.End)
			}
			if !utf8.ValidString(r.Text) || r.Text == text[r.Start:r.End] {
				t.Fatalf("repair %q of %q", r.Text, text[r.Start:r.End])
			}
			last = r.End
		}
	})
}

// BenchmarkFindClean measures Find on the seeds, clean English news text
// with curly quotes, dashes and a few accented and Chinese names.
func BenchmarkFindClean(b *testing.B) {
	var sb strings.Builder
	for _, s := range seeds.All() {
		sb.Write(s.Data)
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text)
	}
}
