// Command wmtmine builds a labelled place-name set from WMT system outputs
// and their human references, for the placecheck eval command:
//
//	python3 /work/data/places3/extract.py   # WMT ru-en, uk-en → segs.jsonl
//	go run ./internal/placecheck/eval/wmtmine -data /work/data/places3
//	go run ./internal/placecheck/eval -data /work/data/places3 -split dev
//
// Labels come from the reference, never from the checker: a place name the
// human translator wrote (a span that the gazetteer resolves) is aligned
// with the system's words at the same place (token alignment by longest
// common subsequence, then the most similar span between the neighbouring
// aligned words). The system's form is labelled correct when it is the
// place's preferred spelling, variant when it is a Russian-derived,
// historic or non-standard romanization the gazetteer holds, and garbled
// when it is a foreign-language transliteration, a misspelling the
// gazetteer holds, a form the gazetteer does not hold but close in letters
// to the reference's, or the name in lower case. The suggestion to expect
// is the place's preferred spelling.
//
// One item is one system's output of one document. Items whose wrong forms
// were all seen before in the same document are left out (ten systems often
// make the same choice), and one clean output per document is kept so that
// preferred spellings that get a warning are counted.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/internal/gazetteer"
	"github.com/transcheck/transcheck/internal/segment"
)

type doc struct {
	Set   string                       `json:"set"`
	Split string                       `json:"split"`
	Doc   string                       `json:"doc"`
	Ref   map[string]string            `json:"ref"`
	Hyps  map[string]map[string]string `json:"hyps"`
}

type item struct {
	ID       string    `json:"id"`
	URL      string    `json:"url"`
	Source   string    `json:"source"`
	Kind     string    `json:"kind"`
	Split    string    `json:"split"`
	Text     string    `json:"text"`
	Words    int       `json:"words"`
	Mentions []mention `json:"mentions"`
}

type mention struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Class     string `json:"cls"`
	Preferred string `json:"preferred"`
	Ref       string `json:"ref"`
}

type token struct {
	text       string
	start, end int
	key        string
}

func main() {
	data := flag.String("data", "/work/data/places3", "directory holding segs.jsonl; dev.jsonl and test.jsonl are written there")
	flag.Parse()
	if err := run(*data); err != nil {
		fmt.Fprintln(os.Stderr, "wmtmine:", err)
		os.Exit(2)
	}
}

func run(dir string) error {
	f, err := os.Open(filepath.Join(dir, "segs.jsonl"))
	if err != nil {
		return err
	}
	defer f.Close()
	var docs []doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var d doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return fmt.Errorf("segs.jsonl: %w", err)
		}
		if strings.Contains(d.Set, "2022.uk-en") {
			return errors.New("segs.jsonl holds WMT22 uk-en, which is reserved")
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	lower := lowerWords(docs)
	g := gazetteer.Default()
	out := map[string][]item{}
	counts := map[string]map[string]int{}
	for _, d := range docs {
		for _, it := range mineDoc(g, d, lower) {
			out[d.Split] = append(out[d.Split], it)
			if counts[d.Split] == nil {
				counts[d.Split] = map[string]int{}
			}
			counts[d.Split]["items"]++
			counts[d.Split]["words"] += it.Words
			for _, m := range it.Mentions {
				counts[d.Split][m.Class]++
			}
		}
	}
	for split, items := range out {
		w, err := os.Create(filepath.Join(dir, split+".jsonl"))
		if err != nil {
			return err
		}
		bw := bufio.NewWriter(w)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		for _, it := range items {
			if err := enc.Encode(it); err != nil {
				return err
			}
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
		fmt.Println(split, counts[split])
	}
	return nil
}

// lowerWords collects the words the references write in lower case: a
// capitalized span made of such words alone is not taken for a place
// ("Will", "Bar").
func lowerWords(docs []doc) map[string]bool {
	m := map[string]bool{}
	for _, d := range docs {
		for _, s := range d.Ref {
			for _, t := range tokens(s) {
				if r, _ := utf8.DecodeRuneInString(t.text); unicode.IsLower(r) {
					m[strings.ToLower(t.text)] = true
				}
			}
		}
	}
	return m
}

func tokens(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
				j += n
				continue
			}
			if (r == '\'' || r == '’') && j+n < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[j+n:]); unicode.IsLetter(r2) {
					j += n
					continue
				}
			}
			break
		}
		w := segment.StripPossessive(s[i:j])
		out = append(out, token{text: w, start: i, end: i + len(w), key: gazetteer.Key(w)})
		i = j
	}
	return out
}

func isUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// refPlace is a place name found in a reference segment.
type refPlace struct {
	i, j  int // token range
	place *gazetteer.Place
	form  string
}

// notable places are the ones a news reference names: not the smallest
// generated villages, whose names collide with words and surnames.
func notable(p *gazetteer.Place) bool {
	if !p.Generated() {
		return true
	}
	return p.Kind != gazetteer.KindCity || p.Population >= 2000
}

func findPlaces(g *gazetteer.Gazetteer, toks []token, text string, lower map[string]bool) []refPlace {
	var out []refPlace
	for i := 0; i < len(toks); {
		found := false
		for n := 4; n >= 1 && !found; n-- {
			if i+n > len(toks) {
				continue
			}
			span := toks[i : i+n]
			if !isUpper(span[0].text) || !isUpper(span[n-1].text) {
				continue
			}
			if n == 1 && (lower[strings.ToLower(span[0].text)] || personLike(toks, i)) {
				continue
			}
			if !plainWords(span) {
				continue
			}
			form := text[span[0].start:span[n-1].end]
			for _, m := range g.Lookup(form) {
				if !notable(m.Place) || m.Kind.Has(gazetteer.Adjective|gazetteer.Chinese) {
					continue
				}
				out = append(out, refPlace{i, i + n, m.Place, form})
				found = true
				i += n
				break
			}
		}
		if !found {
			i++
		}
	}
	return out
}

// personLike reports whether the one-word name at i stands next to
// another capitalized word that is not a place noun: "Lewis Hamilton",
// "Hudson Yards".
func personLike(toks []token, i int) bool {
	if i+1 < len(toks) && isUpper(toks[i+1].text) && !gazetteer.IsDivisionTerm(toks[i+1].text) && !gazetteer.IsSubdivisionNoun(toks[i+1].text) {
		return true
	}
	return i > 0 && isUpper(toks[i-1].text) && toks[i-1].text != "The"
}

// plainWords rejects acronyms, contractions and very short words.
func plainWords(span []token) bool {
	for _, t := range span {
		if strings.ContainsAny(t.text, "'’") || len(t.key) < 3 || strings.ToUpper(t.text) == t.text {
			return false
		}
	}
	return true
}

// lcs aligns two token lists by their keys: pair[i] is the index in b of
// a[i], or -1.
func lcs(a, b []token) []int {
	n, m := len(a), len(b)
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i].key == b[j].key {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	pair := make([]int, n)
	for i := range pair {
		pair[i] = -1
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i].key == b[j].key:
			pair[i] = j
			i++
			j++
		case dp[i+1][j] >= dp[i][j+1]:
			i++
		default:
			j++
		}
	}
	return pair
}

func similarity(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return 1 - float64(prev[len(rb)])/float64(max(len(ra), len(rb)))
}

// classify labels the system's form of place p, where the reference
// wrote refForm; ok is false when the pair is not a spelling to label.
func classify(g *gazetteer.Gazetteer, p *gazetteer.Place, form string, refForm string) (string, bool) {
	k, rk := gazetteer.Key(form), gazetteer.Key(refForm)
	sim := similarity(k, rk)
	if !isUpper(form) && isUpper(refForm) {
		return "garbled", sim >= 0.8
	}
	same := k == rk
	ms := g.Lookup(form)
	for _, m := range ms {
		if m.Place != p && (m.Kind == 0 || m.Kind.Has(gazetteer.Alternative)) {
			// The form is another place's own name (Dzerzhinsk, Russia).
			return "", false
		}
	}
	for _, m := range ms {
		if m.Place != p {
			continue
		}
		switch {
		case m.Kind == 0:
			return "correct", true
		case m.Kind.Has(gazetteer.Russian):
			return "variant", true
		case same, m.Kind.Has(gazetteer.Alternative | gazetteer.Adjective | gazetteer.Historic):
			// The translator's own choice, or an accepted name.
			return "", false
		case m.Kind.Has(gazetteer.Translit):
			return "variant", p.Country == "UA"
		default:
			return "garbled", true
		}
	}
	if same || len(g.Lookup(form)) > 0 {
		// Another place's name: the system named something else, or the
		// reference did; not a spelling to label.
		return "", false
	}
	if strings.HasPrefix(k, rk) && len(k) > len(rk)+1 {
		// A derived word (Brazilian, Tikhoretsky): not a spelling.
		return "", false
	}
	return "garbled", sim >= 0.6
}

func mineDoc(g *gazetteer.Gazetteer, d doc, lower map[string]bool) []item {
	ids := make([]string, 0, len(d.Ref))
	for id := range d.Ref {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool { return atoi(ids[a]) < atoi(ids[b]) })
	systems := make([]string, 0, len(d.Hyps))
	for s := range d.Hyps {
		systems = append(systems, s)
	}
	sort.Strings(systems)
	refToks := map[string][]token{}
	refPl := map[string][]refPlace{}
	for _, id := range ids {
		refToks[id] = tokens(d.Ref[id])
		refPl[id] = findPlaces(g, refToks[id], d.Ref[id], lower)
	}
	seen := map[string]bool{}
	var items []item
	var clean *item
	for _, sys := range systems {
		var text strings.Builder
		var ms []mention
		fresh := false
		for _, id := range ids {
			hyp := d.Hyps[sys][id]
			base := text.Len()
			if base > 0 {
				text.WriteString("\n\n")
				base += 2
			}
			text.WriteString(hyp)
			if len(refPl[id]) == 0 {
				continue
			}
			ht := tokens(hyp)
			pair := lcs(refToks[id], ht)
			for _, rp := range refPl[id] {
				lo, hi, ok := hypRange(pair, rp, len(ht))
				if !ok {
					continue
				}
				s, e, form := bestSpan(ht, hyp, lo, hi, rp)
				if form == "" {
					continue
				}
				cls, ok := classify(g, rp.place, form, rp.form)
				if !ok {
					continue
				}
				pref := gazetteer.DefaultStyle().Preferred(rp.place)
				ms = append(ms, mention{Start: base + s, End: base + e, Text: form, Class: cls, Preferred: pref, Ref: rp.form})
				if cls != "correct" {
					k := rp.place.ID + "\x00" + strings.ToLower(form)
					if !seen[k] {
						seen[k] = true
						fresh = true
					}
				}
			}
		}
		it := item{ID: d.Set + "/" + d.Doc + "/" + sys, URL: d.Set + "#" + d.Doc, Source: d.Set + "/" + d.Doc,
			Kind: "mt", Split: d.Split, Text: text.String(), Words: len(strings.Fields(text.String())), Mentions: ms}
		if fresh {
			items = append(items, it)
			continue
		}
		if clean == nil && len(ms) > 0 && allCorrect(ms) {
			c := it
			clean = &c
		}
	}
	if clean != nil {
		items = append(items, *clean)
	}
	return items
}

func allCorrect(ms []mention) bool {
	for _, m := range ms {
		if m.Class != "correct" {
			return false
		}
	}
	return true
}

// hypRange is the range of system tokens that stands for the reference's
// span: the aligned tokens when all are aligned, else the tokens between
// the nearest aligned neighbours.
func hypRange(pair []int, rp refPlace, n int) (int, int, bool) {
	all := true
	for k := rp.i; k < rp.j; k++ {
		if pair[k] < 0 {
			all = false
		}
	}
	if all && pair[rp.j-1]-pair[rp.i] == rp.j-rp.i-1 {
		return pair[rp.i], pair[rp.j-1] + 1, true
	}
	lo, hi := 0, n
	for k := rp.i - 1; k >= 0; k-- {
		if pair[k] >= 0 {
			lo = pair[k] + 1
			break
		}
	}
	for k := rp.j; k < len(pair); k++ {
		if pair[k] >= 0 {
			hi = pair[k]
			break
		}
	}
	if hi <= lo || hi-lo > 8 {
		return 0, 0, false
	}
	return lo, hi, true
}

// bestSpan picks the span of the system's tokens in [lo, hi) most like the
// reference's form.
func bestSpan(ht []token, hyp string, lo, hi int, rp refPlace) (int, int, string) {
	want := gazetteer.Key(rp.form)
	best, bs, be, bf := -1.0, 0, 0, ""
	for i := lo; i < hi; i++ {
		for j := i + 1; j <= hi && j-i <= rp.j-rp.i+1; j++ {
			form := hyp[ht[i].start:ht[j-1].end]
			s := similarity(gazetteer.Key(form), want)
			if s > best {
				best, bs, be, bf = s, ht[i].start, ht[j-1].end, form
			}
		}
	}
	return bs, be, bf
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n = n*10 + int(r-'0')
		}
	}
	return n
}
