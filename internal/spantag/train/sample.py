#!/usr/bin/python3
"""Write the committed evaluation sample: the hashed features and labels
(any rater's major mark) of every 16th segment (by a hash of its id) of the test split, as
"segment<TAB>label<TAB>features" lines, gzip-compressed. No text: the
features are hashes. Usage: sample.py FEATS_DIR OUT.tsv.gz"""
import gzip
import hashlib
import sys

feats, out = sys.argv[1], sys.argv[2]
segs = {}
with open(feats + "/test.tsv") as f, gzip.open(out, "wt", compresslevel=9) as g:
    g.write("# garbled-span tagger evaluation sample: MQM newstest2021 zh-en, test split (internal/spantag/train/README.md)\n")
    for line in f:
        p = line.rstrip("\n").split("\t")
        if hashlib.sha1(p[1].encode()).digest()[0] % 16 != 0:
            continue
        n = segs.setdefault(p[1], len(segs))
        g.write(f"{n}\t{int(float(p[0]) > 0)}\t{p[5]}\n")
print(f"{len(segs)} segments", file=sys.stderr)
