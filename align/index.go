package align

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"sync"

	"github.com/transcheck/transcheck/internal/segment"
)

// BM25 parameters: the usual defaults of Robertson and Zaragoza, "The
// Probabilistic Relevance Framework: BM25 and Beyond" (2009).
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// headSize is how many postings of a frequent term a query reads when the
// term's full list does not fit postingBudget: those with the highest BM25
// impact, kept in a head beside the full list. A term found in more
// sentences (a topic word such as a leader's name in a corpus on one story)
// contributes its best sentences as candidates, and still counts in full
// when candidates are rescored. With postingBudget it keeps the cost of a
// query independent of the size of the corpus; see BENCHMARKS.md.
const headSize = 512

// postingBudget is how many postings a query may score in full: the rarest
// query terms' postings are read completely while they fit, so every
// sentence that shares a rare word with the query is a candidate; the
// frequent terms contribute their heads. With headSize it bounds the cost
// of a query whatever the size of the corpus.
const postingBudget = 32768

// rescoreFactor times k (at least 40) is how many of the best partially
// scored sentences a query rescores in full from the forward index.
// Rescoring is cheap (a merge of two short sorted lists per sentence), and
// the partial scores favour short sentences, so it looks well beyond k.
const rescoreFactor = 20

// headAvgLen is the sentence length (in indexed fields) that head impacts
// are computed with, so that which postings a term keeps does not depend
// on the order documents were added in.
const headAvgLen = 16

// The field kinds, which have a vocabulary each.
const (
	kindTerm = iota
	kindName
	kindNumber
	numKinds
)

// Index is the in-memory Corpus: an inverted index over the sentences of
// coverage documents, ranked by BM25 over content-word stems, names and
// numbers. It is built once and queried many times; it is safe for
// concurrent use, and queries run in parallel with each other.
//
// The zero Index is not usable; call NewIndex.
type Index struct {
	mu     sync.RWMutex
	vocab  [numKinds]map[string]uint32 // per field kind: value → term id
	terms  []postings                  // by term id
	sents  []sentRec                   // by sentence id
	fwd    [][]uint32                  // forward index in chunks: each sentence's term ids, sorted, repeated by frequency
	docs   []docRec                    // by document id
	byPath map[string]uint32           // cleaned path → document id
	sumLen int64                       // total indexed fields of all sentences
	boost  fieldBoost
	budget int       // postings a query may read in full: postingBudget
	slab   []posting // where new terms' first postings are carved from
	ids    []uint32  // commit's scratch: a sentence's term ids

	acc sync.Pool // *accumulator
}

type postings struct {
	all  []posting          // every posting, in the order added
	head *[headSize]posting // once all outgrows headSize: a min-heap of the headSize highest impacts
}

// df is the number of sentences that hold the term.
func (p *postings) df() int { return len(p.all) }

// top returns the term's postings of highest impact: all of them, or the
// head once there are more than headSize.
func (p *postings) top() []posting {
	if p.head != nil {
		return p.head[:]
	}
	return p.all
}

type posting struct {
	sent   uint32
	impact float32
}

type sentRec struct {
	doc    uint32
	index  uint32 // sentence index in its document
	start  int32
	end    int32
	fwd    uint32 // where the sentence's term ids start: chunk << fwdChunkBits | offset
	fwdLen uint32
}

// The forward index grows in chunks of 2^fwdChunkBits term ids (256 KB),
// so that adding documents never copies it; a sentence's ids are never
// split between chunks, and a sentence longer than a chunk gets its own.
const (
	fwdChunkBits = 16
	fwdChunk     = 1 << fwdChunkBits
)

// forward returns sentence r's term ids.
func (x *Index) forward(r sentRec) []uint32 {
	c := x.fwd[r.fwd>>fwdChunkBits]
	off := r.fwd & (fwdChunk - 1)
	return c[off : off+r.fwdLen]
}

// appendForward stores a sentence's term ids and returns where they start.
func (x *Index) appendForward(ids []uint32) uint32 {
	n := len(x.fwd)
	if n == 0 || len(x.fwd[n-1])+len(ids) > cap(x.fwd[n-1]) {
		x.fwd = append(x.fwd, make([]uint32, 0, max(fwdChunk, len(ids))))
		n++
	}
	c := &x.fwd[n-1]
	start := uint32(n-1)<<fwdChunkBits | uint32(len(*c))
	*c = append(*c, ids...)
	return start
}

type docRec struct {
	path string
	text string
	// the document's sentences are ids [first, end): added together, they
	// are contiguous
	first, end uint32
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{
		vocab:  [numKinds]map[string]uint32{{}, {}, {}},
		byPath: make(map[string]uint32),
		boost:  calibratedBoost,
		budget: postingBudget,
	}
}

// Len returns the number of documents and of sentences in the index.
func (x *Index) Len() (docs, sentences int) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.docs), len(x.sents)
}

// Text returns the text of the indexed document at path, for callers that
// locate evidence spans by line and column.
func (x *Index) Text(path string) (string, bool) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	id, ok := x.byPath[filepath.Clean(path)]
	if !ok {
		return "", false
	}
	return x.docs[id].text, true
}

// Add indexes a document under its cleaned path. It is an error to add a
// path twice or a document without a segmentation.
func (x *Index) Add(ctx context.Context, d Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	st, err := stage(d)
	if err != nil {
		return err
	}
	err = x.commit(st)
	st.release()
	return err
}

// staged is a document made ready for the index: the work of Add that
// needs no lock, so that loaders can do it in parallel. Its buffers go
// back to a pool once it is committed: the index keeps the field values
// (strings of the document's text), not the slices that hold them.
type staged struct {
	path  string
	text  string
	sents []segment.Sentence
	*stageBuf
}

type stageBuf struct {
	fields []Fields // by sentence
	arena  []string // the fields' values
}

var stageBufs = sync.Pool{New: func() any { return new(stageBuf) }}

// release returns the staged document's buffers to the pool.
func (st staged) release() {
	if st.stageBuf != nil {
		stageBufs.Put(st.stageBuf)
	}
}

func stage(d Document) (staged, error) {
	if d.Seg == nil {
		return staged{}, fmt.Errorf("align: add %q: document has no segmentation", d.Path)
	}
	b := stageBufs.Get().(*stageBuf)
	b.fields = slices.Grow(b.fields[:0], len(d.Seg.Sentences))
	b.arena = slices.Grow(b.arena[:0], len(d.Seg.Tokens))
	for _, s := range d.Seg.Sentences {
		var f Fields
		f, b.arena = fieldsOf(s.Tokens, b.arena)
		b.fields = append(b.fields, f)
	}
	return staged{path: filepath.Clean(d.Path), text: d.Seg.Text, sents: d.Seg.Sentences, stageBuf: b}, nil
}

// commit adds a staged document under the write lock.
func (x *Index) commit(st staged) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if _, dup := x.byPath[st.path]; dup {
		return fmt.Errorf("align: add %q: already in the index", st.path)
	}
	docID := uint32(len(x.docs))
	first := uint32(len(x.sents))
	x.docs = append(x.docs, docRec{path: st.path, text: st.text, first: first, end: first + uint32(len(st.sents))})
	x.byPath[st.path] = docID
	ids := x.ids[:0]
	intern := func(kind int, values []string) {
		vocab := x.vocab[kind]
		for _, v := range values {
			id, ok := vocab[v]
			if !ok {
				id = uint32(len(x.terms))
				vocab[v] = id // v is a slice of the document's tokens: no copy
				x.terms = append(x.terms, postings{})
			}
			ids = append(ids, id)
		}
	}
	for i, s := range st.sents {
		ids = ids[:0]
		intern(kindTerm, st.fields[i].Terms)
		intern(kindName, st.fields[i].Names)
		intern(kindNumber, st.fields[i].Numbers)
		sortIDs(ids)
		x.addSentence(docID, uint32(i), int32(s.Start), int32(s.End), ids)
	}
	x.ids = ids
	return nil
}

// addSentence adds a sentence of document docID with its sorted term ids
// (repeated by frequency) to the forward index and the postings. Adding
// and reading a saved index both go through it, so a loaded index is the
// index that was saved.
func (x *Index) addSentence(docID, index uint32, start, end int32, ids []uint32) {
	sentID := uint32(len(x.sents))
	x.sents = append(x.sents, sentRec{
		doc: docID, index: index,
		start: start, end: end,
		fwd: x.appendForward(ids), fwdLen: uint32(len(ids)),
	})
	x.sumLen += int64(len(ids))
	once := impact(1, len(ids), headAvgLen) // most terms occur once in a sentence
	for j := 0; j < len(ids); {
		k := j + 1
		for k < len(ids) && ids[k] == ids[j] {
			k++
		}
		t := &x.terms[ids[j]]
		if t.all == nil {
			t.all = x.newPostings()
		}
		imp := once
		if k-j > 1 {
			imp = impact(k-j, len(ids), headAvgLen)
		}
		t.add(posting{sentID, imp})
		j = k
	}
}

// sortIDs sorts a sentence's term ids. There are twenty on average, which
// an insertion sort orders in half the time slices.Sort takes (measured on
// the sentences of BenchmarkIndex: 5.5 ms against 9.3 ms per 1,000
// documents); a long sentence still gets slices.Sort.
func sortIDs(ids []uint32) {
	if len(ids) > 128 {
		slices.Sort(ids)
		return
	}
	for i := 1; i < len(ids); i++ {
		v := ids[i]
		j := i
		for ; j > 0 && ids[j-1] > v; j-- {
			ids[j] = ids[j-1]
		}
		ids[j] = v
	}
}

// firstPostings is the room a new term gets for its first postings. Most
// terms of a corpus (names, numbers, rare words) never need more, so
// carving that room from a shared slab saves an allocation per term.
const firstPostings = 4

// newPostings returns an empty posting list with room for firstPostings.
func (x *Index) newPostings() []posting {
	if len(x.slab)+firstPostings > cap(x.slab) {
		x.slab = make([]posting, 0, 1<<14)
	}
	n := len(x.slab)
	x.slab = x.slab[:n+firstPostings]
	return x.slab[n : n : n+firstPostings]
}

func spanOf(s sentRec) segment.Span { return segment.Span{Start: int(s.start), End: int(s.end)} }

// impact is BM25's term-frequency factor for a term that occurs tf times in
// a sentence of length n, when sentences average avg.
func impact(tf, n int, avg float64) float32 {
	t := float64(tf)
	return float32(t * (bm25K1 + 1) / (t + bm25K1*(1-bm25B+bm25B*float64(n)/avg)))
}

// add records a posting, and keeps the head of the headSize postings of
// highest impact once there are more.
func (p *postings) add(e posting) {
	p.all = append(p.all, e)
	switch n := len(p.all); {
	case n <= headSize:
	case p.head == nil:
		p.head = (*[headSize]posting)(slices.Clone(p.all[:headSize]))
		for i := headSize/2 - 1; i >= 0; i-- {
			p.down(i)
		}
		p.offer(e)
	default:
		p.offer(e)
	}
}

// offer puts a posting in the full head if it beats the head's worst.
func (p *postings) offer(e posting) {
	if e.impact <= p.head[0].impact {
		return
	}
	p.head[0] = e
	p.down(0)
}

func (p *postings) down(i int) {
	h := p.head[:]
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h[r].impact < h[l].impact {
			m = r
		}
		if h[i].impact <= h[m].impact {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// accumulator holds partial scores of one query, by sentence id.
type accumulator struct {
	score   []float32
	touched []uint32
}

type queryTerm struct {
	id     uint32
	weight float64 // idf times the field's boost
}

// fieldBoost multiplies the BM25 weight of a query's names and numbers
// relative to its stems: a shared name or number is better evidence that
// two sentences report the same thing than a shared word. The values were
// chosen by retrieval recall on the labelled pairs (testdata/calibration.txt).
type fieldBoost struct{ names, numbers float64 }

// Candidates returns up to k sentences for q, best first by BM25. It reads
// the postings of the query's rarest terms in full, up to postingBudget,
// and the heads of the others, then rescores the best 20k (at least 40) in
// full from the forward index, so its cost depends on the query, not on the
// size of the corpus. When the query's postings fit the budget, which is the
// case for all but the most common words of a large corpus, every sentence
// that shares a term with the query is scored.
func (x *Index) Candidates(ctx context.Context, q Query, k int) ([]Candidate, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if k <= 0 {
		return nil, nil
	}
	x.mu.RLock()
	defer x.mu.RUnlock()
	n := len(x.sents)
	if n == 0 {
		return nil, nil
	}
	var exFirst, exEnd uint32 // the excluded document's sentences
	if q.Exclude != "" {
		if id, ok := x.byPath[filepath.Clean(q.Exclude)]; ok {
			exFirst, exEnd = x.docs[id].first, x.docs[id].end
		}
	}
	qts := x.queryTerms(q.Fields, n)
	if len(qts) == 0 {
		return nil, nil
	}

	acc, _ := x.acc.Get().(*accumulator)
	if acc == nil {
		acc = &accumulator{}
	}
	if len(acc.score) < n {
		acc.score = make([]float32, n+n/4)
	}
	// Score the rarest terms' postings in full while they fit in the
	// budget: every sentence that shares a rare word with the query is a
	// candidate. Frequent terms add their heads only while candidates are
	// few (a query of common words); otherwise they count when the best
	// candidates are rescored.
	r := max(rescoreFactor*k, 40)
	byDF := slices.Clone(qts)
	slices.SortStableFunc(byDF, func(a, b queryTerm) int { return cmp.Compare(x.terms[a.id].df(), x.terms[b.id].df()) })
	budget := x.budget
	for _, t := range byDF {
		// A term's postings are in sentence order, so the excluded
		// document's (one range of ids) are cut out by two binary
		// searches: a long document checked against an index that holds
		// it does not read its own postings.
		ps, rest := excludeRange(x.terms[t.id].all, exFirst, exEnd)
		if n := len(ps) + len(rest); n <= budget {
			budget -= n
		} else if len(acc.touched) < r {
			ps, rest = x.terms[t.id].top(), nil
		} else {
			break
		}
		w := float32(t.weight)
		score := acc.score
		// Every posting's sentence is written after the touched ones and
		// kept only if its score was still zero: no branch to mispredict.
		touched := slices.Grow(acc.touched, len(ps)+len(rest))
		m := len(touched)
		touched = touched[:cap(touched)]
		for _, part := range [2][]posting{ps, rest} {
			for _, p := range part {
				s := &score[p.sent]
				touched[m] = p.sent
				if *s == 0 {
					m++
				}
				*s += w * p.impact
			}
		}
		acc.touched = touched[:m]
	}
	// keep the r best partial scores (a min-heap), then rescore them in full
	pool := make([]scored, 0, r)
	for _, sent := range acc.touched {
		sc := scored{sent, float64(acc.score[sent])}
		acc.score[sent] = 0
		switch {
		case len(pool) == r && !better(sc, pool[0]):
			// most sentences: not among the best, no need to look further
		case sent >= exFirst && sent < exEnd:
		case len(pool) < r:
			pool = append(pool, sc)
			heapUp(pool, len(pool)-1)
		default:
			pool[0] = sc
			heapDown(pool, 0)
		}
	}
	acc.touched = acc.touched[:0]
	x.acc.Put(acc)

	avg := float64(x.sumLen) / float64(n)
	for i := range pool {
		pool[i].score = x.bm25(pool[i].sent, qts, avg)
	}
	slices.SortFunc(pool, func(a, b scored) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
	if len(pool) > k {
		pool = pool[:k]
	}
	out := make([]Candidate, len(pool))
	for i, p := range pool {
		s := x.sents[p.sent]
		d := x.docs[s.doc]
		out[i] = Candidate{
			Path:     d.path,
			Sentence: int(s.index),
			Span:     spanOf(s),
			Text:     d.text[s.start:s.end],
			Score:    p.score,
		}
	}
	return out, nil
}

// Sentence returns sentence i of the document at path (SentenceLookup).
func (x *Index) Sentence(path string, i int) (Candidate, bool) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	id, ok := x.byPath[path]
	if !ok {
		return Candidate{}, false
	}
	d := x.docs[id]
	if i < 0 || uint32(i) >= d.end-d.first {
		return Candidate{}, false
	}
	s := x.sents[d.first+uint32(i)]
	return Candidate{Path: d.path, Sentence: i, Span: spanOf(s), Text: d.text[s.start:s.end]}, true
}

// excludeRange splits postings in sentence order around the sentences
// [first, end): the postings before and after them.
func excludeRange(ps []posting, first, end uint32) (before, after []posting) {
	if first >= end {
		return ps, nil
	}
	lo, _ := slices.BinarySearchFunc(ps, first, func(p posting, s uint32) int { return cmp.Compare(p.sent, s) })
	hi, _ := slices.BinarySearchFunc(ps[lo:], end, func(p posting, s uint32) int { return cmp.Compare(p.sent, s) })
	return ps[:lo], ps[lo+hi:]
}

// scored is a sentence and its score for a query.
type scored struct {
	sent  uint32
	score float64
}

// better orders scored sentences: higher score first, then lower id, so
// that results do not depend on map or sort order.
func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.sent < b.sent
}

// heapUp and heapDown maintain a min-heap under better: the root is the
// worst sentence kept.
func heapUp(h []scored, i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !better(h[p], h[i]) {
			break
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
}

func heapDown(h []scored, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && better(h[l], h[r]) {
			m = r
		}
		if !better(h[i], h[m]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// queryTerms looks up a query's distinct fields, with their boosted BM25
// idf over n sentences, sorted by id.
func (x *Index) queryTerms(f Fields, n int) []queryTerm {
	var qts []queryTerm
	look := func(kind int, values []string, boost float64) {
		for _, v := range values {
			id, ok := x.vocab[kind][v]
			if !ok {
				continue
			}
			df := float64(x.terms[id].df())
			qts = append(qts, queryTerm{id, boost * math.Log(1+(float64(n)-df+0.5)/(df+0.5))})
		}
	}
	look(kindTerm, f.Terms, 1)
	look(kindName, f.Names, x.boost.names)
	look(kindNumber, f.Numbers, x.boost.numbers)
	slices.SortFunc(qts, func(a, b queryTerm) int { return cmp.Compare(a.id, b.id) })
	return slices.CompactFunc(qts, func(a, b queryTerm) bool { return a.id == b.id })
}

// bm25 scores sentence s for the query terms (sorted by id) in full.
func (x *Index) bm25(s uint32, qts []queryTerm, avg float64) float64 {
	r := x.sents[s]
	ids := x.forward(r)
	score := 0.0
	i := 0
	for _, t := range qts {
		for i < len(ids) && ids[i] < t.id {
			i++
		}
		tf := 0
		for i < len(ids) && ids[i] == t.id {
			tf++
			i++
		}
		if tf > 0 {
			score += t.weight * float64(impact(tf, len(ids), avg))
		}
	}
	return score
}
