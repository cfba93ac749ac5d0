#!/usr/bin/env python3
"""Build align's similarity and evaluation data from WMT double references.

Usage: python3 align/train/build_alignsim.py [OUT]   (OUT defaults to /work/data/alignsim)

Reads the bare git mirrors of wmt-conference/wmt21-news-systems and
wmt-conference/wmt22-news-systems (fetched under /work/.mirror) at pinned
commits and writes, under OUT:

  stories.jsonl   one line per story: independent human references A and B of
                  the same source segments, paragraphs, and up to three MT
                  outputs; each story is assigned to train, dev or test by a
                  hash of its id (so a story never spans two splits)
  cases/SPLIT/comparable/NNNN/  text.txt (reference A), coverage/story.txt
                  (reference B reworked: paragraphs reordered, a fifth of the
                  sentences dropped, some merged or split, one number changed,
                  one quotation changed in one word), coverage/other.txt (an
                  unrelated story of the same split), gold.json
  cases/SPLIT/parallel/NNNN/    text.txt, reference.txt (B with one number and
                  one quotation changed), gold.json

Reserved sets are never read: WMT21 de-en references, WMT22 uk-en, and no
WMT19 or WMT23 data. The third-party text stays in OUT, outside the repository.
"""
import hashlib, json, os, random, re, subprocess, sys
import xml.etree.ElementTree as ET

MIRROR = '/work/.mirror'
WMT21 = (MIRROR + '/wmt-conference+wmt21-news-systems/repo', 'f41750dadbf2ba6ab01ca5380347d253298a3427')
WMT22 = (MIRROR + '/wmt-conference+wmt22-news-systems/repo', '20240a2e96a50e823ea8cdf37fd8af52547146e3')
RESERVED = ('newstest2021.de-en', 'generaltest2022.uk-en', 'wmttest2022.uk-en')
CHUNK = 12  # segments per story where the data has no document ids


def show(repo, path):
    gitdir, commit = repo
    if commit is None:
        commit = subprocess.check_output(['git', '--git-dir', gitdir, 'rev-parse', 'HEAD'], text=True).strip()
    assert not any(r in path for r in RESERVED), path
    return subprocess.check_output(['git', '--git-dir', gitdir, 'show', f'{commit}:{path}']).decode('utf-8')


def lines(repo, path):
    return show(repo, path).rstrip('\n').split('\n')


def split_of(story_id):
    h = int(hashlib.sha256(story_id.encode()).hexdigest()[:8], 16) % 10
    return 'train' if h < 6 else ('dev' if h < 8 else 'test')


def txt_stories(repo, prefix, refs, systems):
    a, b = lines(repo, f'txt/references/{prefix}.ref.{refs[0]}.en'), lines(repo, f'txt/references/{prefix}.ref.{refs[1]}.en')
    assert len(a) == len(b), prefix
    mts = {s: lines(repo, f'txt/system-outputs/{prefix}.hyp.{s}.en') for s in systems}
    out = []
    for k in range(0, len(a), CHUNK):
        idx = list(range(k, min(k + CHUNK, len(a))))
        paras = [idx[i:i + 3] for i in range(0, len(idx), 3)]
        out.append(dict(id=f'{prefix}#{k // CHUNK:03d}', a=[a[i] for i in idx], b=[b[i] for i in idx],
                        mt={s: [m[i] for i in idx] for s, m in mts.items()},
                        paras=[[i - k for i in p] for p in paras]))
    return out


def xml_stories(repo, path, prefix, systems):
    root = ET.fromstring(show(repo, path))
    out = []
    for doc in root.iter('doc'):
        refs = {r.get('translator'): r for r in doc.findall('ref')}
        if 'A' not in refs or 'B' not in refs:
            continue
        def segs(el):
            return {int(s.get('id')): (s.text or '').strip() for s in el.iter('seg')}
        src = doc.find('src')
        paras = [[int(s.get('id')) for s in p.iter('seg')] for p in src.findall('p')]
        a, b = segs(refs['A']), segs(refs['B'])
        ids = [i for p in paras for i in p]
        if not all(a.get(i) and b.get(i) for i in ids):
            continue
        hyps = {h.get('system'): segs(h) for h in doc.findall('hyp')}
        pos = {i: n for n, i in enumerate(ids)}
        out.append(dict(id=f'{prefix}#{doc.get("id")}', a=[a[i] for i in ids], b=[b[i] for i in ids],
                        mt={s: [hyps[s].get(i, '') for i in ids] for s in systems if s in hyps},
                        paras=[[pos[i] for i in p] for p in paras]))
    return out


def collect():
    stories = []
    stories += xml_stories(WMT21, 'xml/newstest2021.ru-en.all.xml', 'newstest2021.ru-en', ['Online-B', 'Facebook-AI', 'NiuTrans'])
    stories += txt_stories(WMT21, 'newstest2021.cs-en', 'AB', ['Online-B', 'CUNI-DocTransformer', 'Facebook-AI'])
    stories += txt_stories(WMT22, 'generaltest2022.cs-en', 'BC', ['Online-B', 'JDExploreAcademy', 'CUNI-Transformer'])
    stories += txt_stories(WMT22, 'generaltest2022.de-en', 'AB', ['Online-B', 'JDExploreAcademy', 'PROMT'])
    stories += txt_stories(WMT22, 'generaltest2022.zh-en', 'AB', ['Online-B', 'HuaweiTSC', 'NiuTrans'])
    for s in stories:
        s['split'] = split_of(s['id'])
    return stories


# ---- evaluation cases ----

QUOTE = re.compile(r'(["“])([^"“”]{20,}?)(["”])')
NUMBER = re.compile(r'(?<![\w.,:/\-–])(\d{1,3}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?(?![\w,:/\-–]|\.\d)')
WORD = re.compile(r"[A-Za-z][a-z']{3,}")


class Builder:
    """Writes a text as UTF-8, recording each piece's byte span."""
    def __init__(self):
        self.parts, self.n = [], 0

    def add(self, s):
        start = self.n
        self.parts.append(s)
        self.n += len(s.encode('utf-8'))
        return [start, self.n]

    def text(self):
        return ''.join(self.parts)


def byte_span(s, start, end):
    return [len(s[:start].encode('utf-8')), len(s[:end].encode('utf-8'))]


def change_number(m, taken):
    """A new value for the number m, none of the values in taken."""
    digits = m.group(1).replace(',', '')
    v = int(digits)
    if 1900 <= v <= 2100:
        step = 1
    elif v < 10:
        step = 2
    else:
        step = max(1, round(v * 0.3))
    nv = v + step
    while str(nv) in taken:
        nv += step
    s = str(nv)
    if ',' in m.group(1):
        s = f'{nv:,}'
    return s


def quote_of(seg):
    for m in QUOTE.finditer(seg):
        if len(m.group(2).split()) >= 5:
            return m
    return None


def reword_quote(seg, m, rng, pool):
    """Replace one word of the quotation m of seg with a word from pool."""
    inner, start = m.group(2), m.start(2)
    words = [w for w in WORD.finditer(inner)]
    if not words or not pool:
        return None
    w = rng.choice(words)
    repl = rng.choice([p for p in pool if p.lower() != w.group(0).lower()] or pool)
    if w.group(0)[0].isupper():
        repl = repl[0].upper() + repl[1:]
    else:
        repl = repl.lower()
    return seg[:start + w.start()] + repl + seg[start + w.end():]


def split_quote(seg, m):
    """Cut a quotation in two around an attribution: “A, B.” → “A,” he said. “B.”"""
    inner = m.group(2)
    cut = [x.start() for x in re.finditer(r'[,;] ', inner)]
    if not cut:
        return None
    c = min(cut, key=lambda x: abs(x - len(inner) / 2))
    first, second = inner[:c].rstrip(), inner[c + 2:]
    if len(first.split()) < 3 or len(second.split()) < 3:
        return None
    o, cl = m.group(1), m.group(3)
    return seg[:m.start()] + f'{o}{first},{cl} the speaker said. {o}{second[0].upper()}{second[1:]}{cl}' + seg[m.end():]


def pick_number(a_segs, b_segs, rng, avoid=()):
    """A segment index whose A and B sides share a digit number, and the match in B."""
    cands = []
    for i, (sa, sb) in enumerate(zip(a_segs, b_segs)):
        if i in avoid:
            continue
        anums = {m.group(0) for m in NUMBER.finditer(sa)}
        for m in NUMBER.finditer(sb):
            if m.group(0) in anums and sum(1 for x in NUMBER.finditer(sb) if x.group(0) == m.group(0)) == 1 \
                    and sum(1 for x in NUMBER.finditer(sa) if x.group(0) == m.group(0)) == 1:
                cands.append((i, m))
    return rng.choice(cands) if cands else (None, None)


def a_number_span(seg, value):
    for m in NUMBER.finditer(seg):
        if m.group(0) == value:
            return m.start(), m.end()
    return None


def write_case(d, files, gold):
    os.makedirs(d, exist_ok=True)
    for name, text in files.items():
        p = os.path.join(d, name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'w', encoding='utf-8') as f:
            f.write(text)
    with open(os.path.join(d, 'gold.json'), 'w') as f:
        json.dump(gold, f)


def render_text(segs, paras):
    """Text with one paragraph per line group; returns text and each segment's byte span."""
    bld, spans = Builder(), {}
    for k, p in enumerate(paras):
        if k:
            bld.add('\n\n')
        for n, i in enumerate(p):
            if n:
                bld.add(sep(segs[p[n - 1]]))
            spans[i] = bld.add(segs[i])
    return bld.text(), spans


def sep(prev):
    """What follows a segment inside a paragraph: a line break after a
    headline (no closing punctuation), else a space."""
    return ' ' if re.search(r'[.!?"”’)\]]$', prev.strip()) else '\n\n'



def story_changes(st, rng):
    """Choose the changed number and quotation of a story (A side positions)."""
    a, b = st['a'], st['b']
    changes = {}
    qi = [i for i, s in enumerate(a) if quote_of(s)]
    if qi:
        changes['quote'] = rng.choice(qi)
    i, m = pick_number(a, b, rng, avoid={changes.get('quote')})
    if i is not None:
        changes['number'] = (i, m)
    return changes


def apply_changes(st, changes, units, rng, allow_split_quote):
    """Apply the number and quotation change to units (lists of [text, segs, tag])."""
    gold = {}
    a = st['a']
    pool = [w.group(0) for s in st['a'] for w in WORD.finditer(s)]
    if 'number' in changes:
        i, m = changes['number']
        for u in units:
            if u[1] == [i]:
                taken = {x.group(0).replace(',', '') for x in NUMBER.finditer(u[0] + ' ' + a[i])}
                new = change_number(m, taken)
                u[0] = u[0][:m.start()] + new + u[0][m.end():]
                u[2] = 'number'
                gold['number'] = dict(seg=i, value=m.group(0), changed=new)
    if 'quote' in changes:
        i = changes['quote']
        m = quote_of(a[i])
        new = reword_quote(a[i], m, rng, pool)
        if new is not None:
            m2 = quote_of(new)
            if allow_split_quote and rng.random() < 0.4 and m2:
                new = split_quote(new, m2) or new
            for u in units:
                if u[1] == [i]:
                    u[0] = new
                    u[2] = 'quote'
                    gold['quote'] = dict(seg=i)
    return gold


def comparable_case(st, other, rng):
    a, b = st['a'], st['b']
    changes = story_changes(st, rng)
    units = [[b[i], [i], ''] for i in range(len(b))]
    gold = apply_changes(st, changes, units, rng, True)
    # a partial quotation of the text, unchanged: no finding expected
    qi = [i for i, s in enumerate(a) if quote_of(s) and i != changes.get('quote') and i != changes.get('number', (None,))[0]]
    if qi and rng.random() < 0.5:
        i = rng.choice(qi)
        m = quote_of(a[i])
        words = m.group(2).split()
        part = ' '.join(words[:max(3, len(words) * 2 // 3)]).rstrip(',;:')
        units[i] = [a[i][:m.start()] + m.group(1) + part + m.group(3) + ' (partial quotation).', [i], 'partial']
    # merge and split some of the rest
    out = []
    k = 0
    while k < len(units):
        u = units[k]
        if not u[2] and k + 1 < len(units) and not units[k + 1][2] and rng.random() < 0.08:
            t1 = u[0].rstrip().rstrip('.!?')
            t2 = units[k + 1][0]
            if t2:
                out.append([t1 + ', and ' + t2[0].lower() + t2[1:], u[1] + units[k + 1][1], 'merged'])
                k += 2
                continue
        if not u[2] and rng.random() < 0.1 and len(u[0].split()) >= 16:
            t = u[0]
            commas = [x.start() for x in re.finditer(r', ', t)]
            commas = [c for c in commas if 0.3 < c / len(t) < 0.7]
            if commas:
                c = commas[0]
                rest = t[c + 2:]
                out.append([t[:c] + '.', u[1], 'split'])
                out.append([rest[0].upper() + rest[1:], u[1], 'split'])
                k += 1
                continue
        out.append(u)
        k += 1
    # drop a fifth of the plain units
    kept = [u for u in out if u[2] or rng.random() >= 0.2]
    # paragraphs of two to four units, reordered
    paras, k = [], 0
    while k < len(kept):
        n = rng.randint(2, 4)
        paras.append(kept[k:k + n])
        k += n
    rng.shuffle(paras)
    text_a, spans_a = render_text(a, st['paras'])
    bld = Builder()
    cov_units = []
    for pn, p in enumerate(paras):
        if pn:
            bld.add('\n\n')
        for n, u in enumerate(p):
            if n:
                bld.add(sep(p[n - 1][0]))
            cov_units.append(dict(span=bld.add(u[0]), segs=u[1], tag=u[2]))
    other_text, _ = render_text(other['b'], other['paras'])
    g = dict(story=st['id'], other=other['id'], numbers_disagree=disagreements(st),
             text_segs=[spans_a[i] for i in range(len(a))],
             coverage={'coverage/story.txt': cov_units, 'coverage/other.txt': []})
    add_gold_spans(g, gold, a, spans_a)
    return dict(files={'text.txt': text_a, 'coverage/story.txt': bld.text(), 'coverage/other.txt': other_text}, gold=g)


SPELLED = {w: i for i, w in enumerate('zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split())}
SPELLED.update({'thirty': 30, 'forty': 40, 'fifty': 50, 'sixty': 60, 'seventy': 70, 'eighty': 80, 'ninety': 90, 'hundred': 100, 'thousand': 1000})
ANY_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+")


def numbers_of(seg):
    """The numbers a segment gives, digits normalized, small number words read."""
    out = []
    for m in ANY_NUMBER.finditer(seg):
        t = m.group(0)
        if t[0].isdigit():
            t = re.sub(r',(\d{3})', r'\1', t).replace(',', '.').lstrip('0') or '0'
            out.append(t)
        elif t.lower() in SPELLED:
            out.append(str(SPELLED[t.lower()]))
    return sorted(out)


def disagreements(st):
    """Segments where the two human references give different numbers: a
    number finding there reports a real disagreement between the texts."""
    return [i for i, (sa, sb) in enumerate(zip(st['a'], st['b'])) if numbers_of(sa) != numbers_of(sb)]


def add_gold_spans(g, gold, a, spans_a):
    if 'number' in gold:
        i = gold['number']['seg']
        s, e = a_number_span(a[i], gold['number']['value'])
        bs = byte_span(a[i], s, e)
        g['number'] = dict(gold['number'], span=[spans_a[i][0] + bs[0], spans_a[i][0] + bs[1]])
    if 'quote' in gold:
        i = gold['quote']['seg']
        m = quote_of(a[i])
        bs = byte_span(a[i], m.start(2), m.end(2))
        g['quote'] = dict(seg=i, span=[spans_a[i][0] + bs[0], spans_a[i][0] + bs[1]])


def parallel_case(st, rng):
    a, b = st['a'], st['b']
    changes = story_changes(st, rng)
    units = [[b[i], [i], ''] for i in range(len(b))]
    gold = apply_changes(st, changes, units, rng, False)
    text_a, spans_a = render_text(a, st['paras'])
    bld = Builder()
    ref_units = []
    for pn, p in enumerate(st['paras']):
        if pn:
            bld.add('\n\n')
        for n, i in enumerate(p):
            if n:
                bld.add(sep(units[p[n - 1]][0]))
            ref_units.append(dict(span=bld.add(units[i][0]), segs=[i], tag=units[i][2]))
    g = dict(story=st['id'], numbers_disagree=disagreements(st), text_segs=[spans_a[i] for i in range(len(a))],
             coverage={'reference.txt': ref_units})
    add_gold_spans(g, gold, a, spans_a)
    return dict(files={'text.txt': text_a, 'reference.txt': bld.text()}, gold=g)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else '/work/data/alignsim'
    os.makedirs(out, exist_ok=True)
    stories = collect()
    with open(os.path.join(out, 'stories.jsonl'), 'w') as f:
        for s in stories:
            f.write(json.dumps(s, ensure_ascii=False) + '\n')
    counts = {}
    for split in ('train', 'dev', 'test'):
        ss = [s for s in stories if s['split'] == split and len(s['a']) >= 4]
        rng = random.Random('alignsim-' + split)
        for n, st in enumerate(ss):
            other = ss[(n + len(ss) // 2) % len(ss)]
            c = comparable_case(st, other, rng)
            write_case(os.path.join(out, 'cases', split, 'comparable', f'{n:04d}'), c['files'], c['gold'])
            c = parallel_case(st, rng)
            write_case(os.path.join(out, 'cases', split, 'parallel', f'{n:04d}'), c['files'], c['gold'])
        counts[split] = len(ss)
    print(json.dumps(dict(stories=len(stories), cases=counts)))


if __name__ == '__main__':
    main()
