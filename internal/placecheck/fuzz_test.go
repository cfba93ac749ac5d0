package placecheck

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/transcheck/transcheck/internal/segment"
)

func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"Russian troops shelled Wubei overnight.",
		"Kharkiv state. Kharkov region, Haerkefu; Mr. Wudong",
		"The Sea of Azov and Rostov-on-Don. Zhong-Mei, Mei E",
		"“Kiev”’s",
		"A. B. C. Kyiv-Kiev ...",
		"E jun units. The Mei fang said; Plan E. Mark E. Smith, E Wu war",
		"In Kelimiya, Ha Er Ke Fo Zhou; Odessa, Texas. Kiewer Kharkivshchyna. Beiyue Secretary General X",
		"Oleksandr, 34, said. Kyiv, Zapozhe and Odesa. Bu Cha, Ma Li",
		"In Dvorichne, Kharkiv region; the Kakhovska HPP; from Kryvyi Rig; Vil’nohirsk's port",
		"The Voznesensky district and the Vremyevsky district. Ships left Pivdennyy.",
	} {
		f.Add(s)
	}
	c := New(Options{})
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		doc := segment.Split(text)
		for _, fd := range c.Check(doc, []Coverage{{Path: "self", Doc: doc}}) {
			if fd.Span.Start < 0 || fd.Span.End > len(text) || fd.Span.Start >= fd.Span.End {
				t.Fatalf("bad span %+v", fd)
			}
			if text[fd.Span.Start:fd.Span.End] != fd.Text {
				t.Fatalf("text %q does not match span %q", fd.Text, text[fd.Span.Start:fd.Span.End])
			}
			if !strings.HasPrefix(fd.Rule, "place-name/") || len(fd.Suggestions) == 0 {
				t.Fatalf("incomplete finding %+v", fd)
			}
		}
		for _, s := range suspects(c, doc) {
			if text[s.Span.Start:s.Span.End] != s.Text {
				t.Fatalf("suspect span mismatch %+v", s)
			}
		}
	})
}
