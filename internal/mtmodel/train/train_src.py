#!/usr/bin/python3
"""Train the source-language head of internal/mtmodel: which language a translated English
document came from. Multinomial logistic regression over the classifier's features (hashed
positions folded to 2^18), trained on the TRAIN split's machine and human translations
(cs, de, ha, is, ja, ru, zh), scored on DEV, written to internal/mtmodel/data/source.bin.

Usage: /usr/bin/python3 internal/mtmodel/train/train_src.py [--data DIR] [--out FILE]
"""
import argparse, json, struct
import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from train import load, NUM_DENSE, HASH_BITS

FOLD_BITS = 18


def docs(X, q, meta):
    ids, inv = np.unique(q, return_inverse=True)
    n = np.bincount(inv)
    A = sp.csr_matrix((1 / n[inv], (inv, np.arange(len(q)))), shape=(len(ids), len(q)))
    M = (A @ X).tocsr()
    # Fold the hashed positions (dense columns are left out: they say little of the source).
    cols = np.arange(M.shape[1])
    keep = cols >= NUM_DENSE + 1
    h = (cols[keep] - (NUM_DENSE + 1)) & ((1 << FOLD_BITS) - 1)
    F = sp.csr_matrix((np.ones(keep.sum()), (cols[keep], h)), shape=(M.shape[1], 1 << FOLD_BITS))
    return (M @ F).tocsr(), ids


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/data/mtdoc")
    ap.add_argument("--out", default="internal/mtmodel/data/source.bin")
    a = ap.parse_args()
    meta = [json.loads(l) for l in open(f"{a.data}/meta.jsonl")]
    Xtr, _, qtr = load(a.data, "train")
    Xdv, _, qdv = load(a.data, "dev")
    Mtr, itr = docs(Xtr, qtr, meta)
    Mdv, idv = docs(Xdv, qdv, meta)
    sel = np.array([meta[int(i)]["kind"] in ("mt", "ht") for i in itr])
    ytr = np.array([meta[int(i)]["src"] for i in itr])
    lr = LogisticRegression(C=30, max_iter=300)
    lr.fit(Mtr[sel], ytr[sel])
    classes = list(lr.classes_)
    dsel = np.array([meta[int(i)]["kind"] in ("mt", "ht") and meta[int(i)]["src"] in classes for i in idv])
    P = lr.predict_proba(Mdv[dsel])
    ydv = np.array([meta[int(i)]["src"] for i in idv])[dsel]
    pred = np.array(classes)[P.argmax(1)]
    conf = P.max(1)
    print("classes", classes, "dev accuracy", np.mean(pred == ydv))
    # Confidence threshold on dev: the lowest top probability at which 90 % of the answers are right.
    order = np.argsort(-conf)
    right = np.cumsum(pred[order] == ydv[order]) / np.arange(1, len(order) + 1)
    ok = np.where(right >= 0.9)[0]
    t = float(conf[order][ok.max()]) if len(ok) else 1.0
    print(f"threshold {t:.3f}: answers {np.mean(conf >= t):.3f} of dev translations, accuracy {np.mean(pred[conf >= t] == ydv[conf >= t]):.3f}")
    for c in classes:
        m = ydv == c
        if m.any():
            print(f"  {c}: {m.sum()} dev docs, accuracy {np.mean(pred[m] == c):.3f}")
    W = lr.coef_
    scale = float(np.abs(W).max() / 127)
    q = np.clip(np.round(W / scale), -127, 127).astype(np.int8)
    head = dict(foldBits=FOLD_BITS, classes=classes, bias=lr.intercept_.tolist(), scale=scale, threshold=t)
    hb = json.dumps(head).encode()
    with open(a.out, "wb") as f:
        f.write(b"TCSL")
        f.write(struct.pack("<II", 1, len(hb)))
        f.write(hb)
        f.write(b"\0" * ((-len(hb)) % 4))
        f.write(q.tobytes())
    print("wrote", a.out, len(classes), "classes")


if __name__ == "__main__":
    main()
