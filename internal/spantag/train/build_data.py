#!/usr/bin/env python3
"""Build the garbled-span data set from MQM annotations of Chinese-English MT.

Reads the pinned mirrors of WMT-QE-Task/wmt-qe-2022-data (fetched with the
search tool's fetch verb into /work/.mirror) and writes one JSON line per
translated segment to OUT/segments.jsonl:

  {"id", "corpus", "doc", "system", "seg", "text", "raters",
   "major": [[start, end, rater], ...], "minor": [...], "split"}

Offsets are Unicode code-point offsets into "text" (the target with MQM's
<v>...</v> marks removed); "raters" lists the raters whose marks are kept.
Cleaning: newstest2020 rows often carry an annotation artifact that repeats
the segment after the mark; where the mark's start survives it is kept,
where it is lost the rater's marks for that segment are all left out (a
partial judgment would label error tokens as clean). "Non-translation" marks and marks covering
95 % or more of the segment (whole-segment marks, not spans). Omissions have
no target span and add nothing.

Splits, by document and by system:
  train: newstest2020 zh-en (155 documents, 10 systems incl. two human
         translations, 3 raters) and the 2021 TED talks zh-en;
  dev:   newstest2021 zh-en, documents and systems hashed to "dev";
  test:  newstest2021 zh-en, documents and systems hashed to "test";
  newstest2021 rows whose document and system fall on different sides are
  left out, so that neither a document nor a system is shared by dev and test.
MLQE-PE (the same repository, train-dev_data/task1_word-level/train/XX-en,
the 2021 training sets of ne, si, et, ro and ru into English, 7,000 sentences
each) joins the train split as corpus "mlqe-XX": its word tags come from
post-editing (BAD: the word was changed), not from error annotation, but its
Nepali and Sinhala systems write the garbled English the MQM systems rarely
do. A BAD word counts as a marked span; the text is the tokenized MT output
as distributed.

Human English: the English-original news documents of the train split of
internal/mtmodel/train/build_data.py (DOCS, default
/work/data/mtdoc/docs.jsonl: WMT21 English originals and HT-vs-MT's
English-original training documents) join the train split as segments
without error marks (corpus "orig"), so that the tagger learns what edited
English looks like, names and rare words included. OUT/lm-spans.txt is that
script's lm.txt without these documents' lines: the text the phrase table
is counted from, so the human negatives are as new to it as a user's text.

Nothing from WMT23 zh-en, WMT22 uk-en or WMT19 de-en is read.

Usage: build_data.py [OUT] [DOCS]   (defaults /work/data/mtspan, /work/data/mtdoc/docs.jsonl)
"""
import collections
import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile

QE22 = "/work/.mirror/WMT-QE-Task+wmt-qe-2022-data/repo"
QE22_COMMIT = "dda0c25"  # resolved to the full hash in OUT/pins.json
BASE = "train-dev_data/task1_word-level/train/zh-en_mqm/"
SOURCES = [
    ("wmt20news", BASE + "zh-en-train-2020.tar.gz", "mqm_newstest2020_zhen.tsv"),
    ("wmt21news", BASE + "zh-en-train-2021-news.tar.gz", "mqm-newstest2021_zhen.tsv"),
    ("wmt21ted", BASE + "zh-en-train-2021-ted.tar.gz", "mqm-ted_zhen.tsv"),
]
WHOLE = 0.95
MLQE = ["ne", "si", "et", "ro", "ru"]


def git_blob(path):
    return subprocess.run(["git", "--git-dir", QE22, "show", f"{QE22_COMMIT}:{path}"],
                          check=True, capture_output=True).stdout


def read_tsv(tarpath, member):
    tf = tarfile.open(fileobj=io.BytesIO(git_blob(tarpath)))
    for m in tf.getmembers():
        if m.name.endswith("/" + member) and "/._" not in m.name:
            data = tf.extractfile(m).read().decode("utf-8")
            csv.field_size_limit(1 << 30)
            return list(csv.DictReader(io.StringIO(data), delimiter="\t", quoting=csv.QUOTE_NONE))
    raise SystemExit(f"build_data: {member} not in {tarpath}")


def unmark(target):
    """Return the target without <v> marks and the marked span, if any."""
    s = target.find("<v>")
    e = target.find("</v>")
    if s < 0 or e < s:
        return target.replace("<v>", "").replace("</v>", ""), None
    clean = target[:s] + target[s + 3:e] + target[e + 4:]
    return clean, (s, e - 3)


def repair(clean, span, text):
    """Undo the annotation tool's artifact seen in newstest2020: the start of
    the segment up to the mark's end, followed by the whole segment again
    ("... of <v>southern Jiangxi</v>State-owned ... Jiangxi."). A mark inside
    the repeated start is kept; one covering the repeat is dropped."""
    c = clean.strip()
    if c == text:
        return clean, span
    lead = len(clean) - len(clean.lstrip())
    k = len(c) - len(text)
    if k > 0 and c.endswith(text) and text.startswith(c[:k]) and span is not None:
        s, e = span[0] - lead, span[1] - lead
        if e <= k:
            return text, (s, e)
    return None, None


def canonical(texts):
    """The segment's text: the most common of the rows' texts that does not
    end with another row's text (the artifact repeats the segment at its end)."""
    cands = {t.strip(): 0 for t in texts}
    for t, n in texts.items():
        cands[t.strip()] += n
    plain = [t for t in cands if not any(u != t and t.endswith(u) for u in cands)]
    return max(plain, key=lambda t: (cands[t], -len(t)))


def is_news(corpus):
    """English-original news: the WMT test sets and HT-vs-MT (the documents
    file also holds web text, speeches and treebank text)."""
    return corpus.startswith("wmt") or corpus == "htvsmt"


def side(name, salt):
    h = hashlib.sha1((salt + ":" + name).encode()).digest()[0]
    return "dev" if h % 2 == 0 else "test"


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/work/data/mtspan"
    os.makedirs(out, exist_ok=True)
    commit = subprocess.run(["git", "--git-dir", QE22, "rev-parse", QE22_COMMIT],
                            check=True, capture_output=True, text=True).stdout.strip()
    stats = collections.Counter()
    with open(os.path.join(out, "segments.jsonl"), "w") as f:
        for corpus, tarpath, member in SOURCES:
            rows = read_tsv(tarpath, member)
            segs = collections.OrderedDict()
            for r in rows:
                key = (r["system"], r["doc"], r["seg_id"])
                segs.setdefault(key, []).append(r)
            for (system, doc, seg), rs in segs.items():
                texts = collections.Counter(unmark(r["target"])[0] for r in rs)
                text = canonical(texts)
                if not text:
                    continue
                major, minor, broken = [], [], set()
                for r in rs:
                    clean, span = unmark(r["target"])
                    clean, span = repair(clean, span, text)
                    if clean is None:
                        # The mark's start is lost: this rater's judgment
                        # of the segment is incomplete and is left out.
                        stats["dropped-artifact"] += 1
                        broken.add(r["rater"])
                        continue
                    if span is None or span[1] <= span[0]:
                        continue
                    lead = len(clean) - len(clean.lstrip())
                    s, e = span[0] - lead, span[1] - lead
                    s, e = max(s, 0), min(e, len(text))
                    if e <= s:
                        continue
                    if r["category"].lower().startswith("non") or (e - s) >= WHOLE * len(text):
                        stats["dropped-whole"] += 1
                        continue
                    sev = r["severity"].lower()
                    if sev == "major":
                        major.append([s, e, r["rater"]])
                    elif sev == "minor":
                        minor.append([s, e, r["rater"]])
                raters = sorted({r["rater"] for r in rs} - broken)
                if not raters:
                    stats["dropped-no-rater"] += 1
                    continue
                major = [m for m in major if m[2] in raters]
                minor = [m for m in minor if m[2] in raters]
                if corpus == "wmt21news":
                    a, b = side(doc, "doc"), side(system, "system")
                    if a != b:
                        stats["dropped-cross"] += 1
                        continue
                    split = a
                else:
                    split = "train"
                stats[(corpus, split)] += 1
                stats[(corpus, split, "major")] += len(major)
                rec = {"id": f"{corpus}.{system}.{seg}", "corpus": corpus, "doc": doc,
                       "system": system, "seg": seg, "text": text, "raters": raters,
                       "major": major, "minor": minor, "split": split}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        for lang in MLQE:
            path = f"train-dev_data/task1_word-level/train/{lang}-en/{lang}-en-train.2021.tar.gz"
            tf = tarfile.open(fileobj=io.BytesIO(git_blob(path)))
            files = {}
            for m in tf.getmembers():
                base = m.name.rsplit("/", 1)[-1]
                if base in ("train.word_level.2022.mt", "train.word_level.2022.tags"):
                    files[base] = tf.extractfile(m).read().decode("utf-8").split("\n")
            mts, tags = files["train.word_level.2022.mt"], files["train.word_level.2022.tags"]
            for k, (mt, tg) in enumerate(zip(mts, tags)):
                words, labels = mt.split(), tg.split()
                if not words or words[-1] != "<EOS>" or len(labels) != len(words):
                    stats[f"mlqe-{lang}-bad-line"] += 1
                    continue
                words, labels = words[:-1], labels[:-1]
                text, spans, off = " ".join(words), [], 0
                for w, t in zip(words, labels):
                    if t == "BAD":
                        spans.append([off, off + len(w), "pe"])
                    off += len(w) + 1
                rec = {"id": f"mlqe-{lang}.{k}", "corpus": f"mlqe-{lang}", "doc": f"mlqe-{lang}.c{k // 20}",
                       "system": f"mlqe-{lang}", "seg": str(k), "text": text, "raters": ["pe"],
                       "major": spans, "minor": [], "split": "train"}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                stats[(f"mlqe-{lang}", "train")] += 1
        docs = sys.argv[2] if len(sys.argv) > 2 else "/work/data/mtdoc/docs.jsonl"
        held, heads = set(), {}
        with open(docs) as d:
            for line in d:
                r = json.loads(line)
                if r["kind"] != "orig" or r["split"] != "train" or not is_news(r["corpus"]):
                    continue
                held.update(x.strip() for x in r["segs"])
                # HT-vs-MT's originals stand in lm.txt as one line a document.
                heads[r["segs"][0].strip()[:40]] = r["segs"][0].strip()
                text = "\n\n".join(r["segs"])
                rec = {"id": "orig." + r["id"], "corpus": "orig", "doc": r["id"], "system": "human",
                       "seg": "0", "text": text, "raters": ["none"], "major": [], "minor": [],
                       "split": "train"}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                stats[("orig", "train")] += 1
    lm = os.path.join(os.path.dirname(docs), "lm.txt")
    with open(lm) as src, open(os.path.join(out, "lm-spans.txt"), "w") as dst:
        for line in src:
            t = line.strip()
            head = heads.get(t[:40])
            if t in held or (head is not None and t.startswith(head)):
                stats["lm-lines-held-out"] += 1
                continue
            dst.write(line)
    with open(os.path.join(out, "pins.json"), "w") as f:
        json.dump({"WMT-QE-Task/wmt-qe-2022-data": commit, "docs": docs,
                   "files": [s[1] for s in SOURCES] + [f"mlqe {l}-en train.2021" for l in MLQE]}, f, indent=1)
    for k, v in sorted(stats.items(), key=str):
        print(k, v, file=sys.stderr)


if __name__ == "__main__":
    main()
