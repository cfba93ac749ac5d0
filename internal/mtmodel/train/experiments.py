#!/usr/bin/python3
"""Dev-split experiments for the document verdict (lingua/EVALUATION.md, "Tried on dev").

Each prints document AUCs on DEV (all machine translations against all human documents, against
human translations, against English originals, HT-vs-MT's DeepL/Google against their human
translations, and the word-salad system AIST against all human documents). The test split is not
read. Needs featdump's files (see internal/mtmodel/data/README.md) and the committed model.bin
(lingua/EVALUATION.md's table was taken with the model before the blend, model.bin of fc047b3:
`git show fc047b3:internal/mtmodel/data/model.bin`, path set by MTDOC_MODEL).

  /usr/bin/python3 internal/mtmodel/train/experiments.py baseline|combiner|nb|data|unseen|fasttext

  baseline  the committed classifier (mean sentence margin of the document)
  combiner  gradient-boosted trees over document statistics of sentence margins and of the dense
            language-model features; trained on the train split with out-of-fold margins (3 folds
            grouped by source chunk), and, as a check of what dev can teach, on dev itself with
            leave-one-language-out folds
  nb        naive-Bayes log-count ratio of the hashed n-grams, machine vs human translations of the
            train split (a crude two-language-model likelihood ratio), alone and as NBSVM weights
  data      more varied training data: train + WMT22 cs, de, ja (machine and human translations),
            scored on the rest of dev
  unseen    source languages absent from training: train without language L, dev L
  fasttext  fastText supervised (Debian /usr/bin/fasttext) on normalized document text, alone
            and averaged with the committed classifier
"""
import json, os, re, subprocess, sys, tempfile
import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from train import load, balance, platt, NUM_DENSE

DATA = os.environ.get("MTDOC_DATA", "/work/data/mtdoc")
MODEL = os.environ.get("MTDOC_MODEL", os.path.join(os.path.dirname(__file__), "..", "data", "model.bin"))
meta = [json.loads(l) for l in open(f"{DATA}/meta.jsonl")]
raw = open(MODEL, "rb").read()
_n = int.from_bytes(raw[8:12], "little")
head = json.loads(raw[12:12 + _n])
w8 = np.frombuffer(raw[12 + _n + (-_n) % 4:], dtype=np.int8).astype(np.float64) * head["scale"]
dense = slice(1, NUM_DENSE + 1)


def field(ids, k):
    return np.array([meta[int(i)][k] if k != "group" else (meta[int(i)].get("group") or meta[int(i)]["id"])
                     for i in ids])


def zdense(X):
    return np.clip((X[:, dense].toarray() - np.array(head["denseMean"])) / np.array(head["denseStd"]), -5, 5)


def docmat(q):
    ids, inv = np.unique(q, return_inverse=True)
    cnt = np.bincount(inv)
    return ids, inv, sp.csr_matrix((1 / cnt[inv], (inv, np.arange(len(q)))), shape=(len(ids), len(q)))


def sentences(X):
    """The classifier's sentence rows: bias column, standardized dense statistics, hashed n-grams."""
    return sp.hstack([X[:, :1], sp.csr_matrix(zdense(X)), X[:, NUM_DENSE + 1:]]).tocsr()


def documents(split):
    X, _, q = load(DATA, split)
    ids, inv, A = docmat(q)
    return X, q, ids, inv, A


def fit(M, ids, C=30):
    return LogisticRegression(C=C, solver="liblinear").fit(M, field(ids, "label"),
                                                          sample_weight=balance(field(ids, "kind"), 0.45))


def report(name, ids, s):
    y, k, c, sy = field(ids, "label"), field(ids, "kind"), field(ids, "corpus"), field(ids, "system")
    out = [f"all {roc_auc_score(y, s):.3f}"]
    for kk in ("ht", "orig"):
        sel = (k == "mt") | (k == kk)
        out.append(f"mt-{kk} {roc_auc_score(y[sel], s[sel]):.3f}")
    sel = (c == "htvsmt") & (k != "orig")
    out.append(f"deepl/google {roc_auc_score(y[sel], s[sel]):.3f}")
    if (sy == "AIST").any():
        sel = (sy == "AIST") | (k != "mt")
        out.append(f"AIST {roc_auc_score(y[sel], s[sel]):.3f}")
    print(f"{name:48s}", "  ".join(out), flush=True)


def committed_margins(X):
    return head["bias"] + X[:, NUM_DENSE + 1:] @ w8 + zdense(X) @ np.array(head["denseWeight"])


def baseline():
    X, q, ids, inv, A = documents("dev")
    report("committed classifier", ids, A @ committed_margins(X))


def doc_stats(m, X, inv, nd):
    rows = []
    D = X[:, dense].toarray()
    for j in range(nd):
        s = inv == j
        mm, d = np.sort(m[s]), D[s]
        rows.append([mm.mean(), mm.std(), mm[0], mm[-1], np.quantile(mm, .25), np.median(mm),
                     np.quantile(mm, .75), mm[-3:].mean(), mm[:3].mean(), np.log(len(mm))]
                    + list(d.mean(0)) + list(d.std(0)[[0, 5, 7]]))
    return np.array(rows)


def combiner():
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import GroupKFold
    Xt, qt, it, invt, At = documents("train")
    St = sentences(Xt)
    Mt = (At @ St).tocsr()
    m = np.zeros(len(qt))
    for a, b in GroupKFold(3).split(Mt, field(it, "label"), field(it, "group")):
        rows = np.isin(invt, b)
        m[rows] = fit(Mt[a], it[a]).decision_function(St[rows])
    Ft = doc_stats(m, Xt, invt, len(it))
    Xd, qd, idv, invd, Ad = documents("dev")
    Fd = doc_stats(committed_margins(Xd), Xd, invd, len(idv))
    report("committed classifier", idv, Fd[:, 0])

    def hgb():
        return HistGradientBoostingClassifier(learning_rate=0.05, max_leaf_nodes=8, max_iter=200,
                                              l2_regularization=1.0, min_samples_leaf=40)
    g = hgb().fit(Ft, field(it, "label"), sample_weight=balance(field(it, "kind"), 0.45))
    report("trees, trained on train (out-of-fold margins)", idv, g.decision_function(Fd))
    # What dev itself can teach: trees trained on dev, each source language held out in turn
    # (originals in five random folds). Folds by source chunk alone leak the systems (AIST's
    # word salad is then learned from its other documents), so they are not reported.
    src, cor = field(idv, "src"), field(idv, "corpus")
    fold = np.where(cor == "htvsmt", "htvsmt", src)
    fold = np.array([f if f != "en" else f"orig{i % 5}" for i, f in enumerate(fold)])
    oof = np.zeros(len(idv))
    yd, kd = field(idv, "label"), field(idv, "kind")
    for L in np.unique(fold):
        b = fold == L
        oof[b] = hgb().fit(Fd[~b], yd[~b], sample_weight=balance(kd[~b], 0.45)).decision_function(Fd[b])
    report("trees, trained on dev, language held out", idv, oof)


def nb():
    Xt, qt, it, invt, At = documents("train")
    Xd, qd, idv, invd, Ad = documents("dev")
    Ht, Hd = Xt[:, NUM_DENSE + 1:], Xd[:, NUM_DENSE + 1:]
    sk = field(it, "kind")[invt]
    p = np.asarray(Ht[sk == "mt"].sum(0)).ravel() + 1
    h = np.asarray(Ht[sk == "ht"].sum(0)).ravel() + 1
    r = np.log(p / p.sum()) - np.log(h / h.sum())
    report("naive-Bayes log ratio, MT vs HT", idv, Ad @ (Hd @ r))
    R = sp.diags(r)
    M = sp.hstack([(At @ Ht) @ R, sp.csr_matrix(At @ zdense(Xt))]).tocsr()
    lr = fit(M, it, C=10)
    report("NBSVM (n-grams weighted by the log ratio)", idv,
           lr.decision_function(sp.hstack([(Ad @ Hd) @ R, sp.csr_matrix(Ad @ zdense(Xd))]).tocsr()))


def data():
    Xt, qt, it, invt, At = documents("train")
    Xd, qd, idv, invd, Ad = documents("dev")
    Mt, Md = (At @ sentences(Xt)).tocsr(), (Ad @ sentences(Xd)).tocsr()
    moved = (field(idv, "corpus") == "wmt22") & np.isin(field(idv, "src"), ["cs", "de", "ja"])
    report("train only (rest of dev)", idv[~moved], fit(Mt, it).decision_function(Md[~moved]))
    lr = fit(sp.vstack([Mt, Md[moved]]).tocsr(), np.concatenate([it, idv[moved]]))
    report("train + WMT22 cs, de, ja (rest of dev)", idv[~moved], lr.decision_function(Md[~moved]))


def unseen():
    Xt, qt, it, invt, At = documents("train")
    Xd, qd, idv, invd, Ad = documents("dev")
    Mt, Md = (At @ sentences(Xt)).tocsr(), (Ad @ sentences(Xd)).tocsr()
    full = fit(Mt, it).decision_function(Md)
    y, k, s, c = field(idv, "label"), field(idv, "kind"), field(idv, "src"), field(idv, "corpus")
    for L in ("cs", "de", "ja", "ru", "zh"):
        keep = field(it, "src") != L
        part = fit(Mt[keep], it[keep]).decision_function(Md)
        sel = (s == L) & (k != "orig") & (c == "wmt22")
        print(f"{L}: dev MT vs HT AUC, language in training {roc_auc_score(y[sel], full[sel]):.3f}, "
              f"left out {roc_auc_score(y[sel], part[sel]):.3f}", flush=True)


QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-",
                        "\u00a0": " "})


def ft_line(d):
    s = " ".join(d["segs"]).translate(QUOTES).lower()
    return " ".join(re.findall(r"\w+|[^\w\s]", re.sub(r"\d", "0", s)))


def fasttext():
    tmp = tempfile.mkdtemp(prefix="mtdoc-ft")
    byid = {m["id"]: i for i, m in enumerate(meta)}
    tr, dv, ids = [], [], []
    for l in open(f"{DATA}/docs.jsonl"):
        d = json.loads(l)
        if d["split"] not in ("train", "dev"):
            continue
        line = f"__label__{'mt' if d['label'] else 'hu'} " + ft_line(d)
        if d["split"] == "train":
            tr += [line] * {"mt": 1, "ht": 8, "orig": 2}[d["kind"]]  # class weights as repetitions
        else:
            dv.append(line)
            ids.append(byid[d["id"]])
    np.random.default_rng(1).shuffle(tr)
    open(f"{tmp}/train.txt", "w").write("\n".join(tr) + "\n")
    open(f"{tmp}/dev.txt", "w").write("\n".join(dv) + "\n")
    subprocess.run(["/usr/bin/fasttext", "supervised", "-input", f"{tmp}/train.txt", "-output", f"{tmp}/m",
                    "-thread", "1", "-bucket", "1000000", "-minCount", "2", "-wordNgrams", "2", "-dim", "32",
                    "-epoch", "10", "-lr", "0.2", "-verbose", "0"], check=True)
    out = subprocess.run(["/usr/bin/fasttext", "predict-prob", f"{tmp}/m.bin", f"{tmp}/dev.txt", "2"],
                         check=True, capture_output=True, text=True).stdout.splitlines()
    p = []
    for l in out:
        f = l.split()
        d = dict(zip(f[0::2], map(float, f[1::2])))
        p.append(d.get("__label__mt", 1 - d.get("__label__hu", 0)))
    p = np.clip(np.array(p), 1e-5, 1 - 1e-5)
    ft = np.log(p / (1 - p))
    ids = np.array(ids)
    report("fastText", ids, ft)
    Xd, qd, idv, invd, Ad = documents("dev")
    pos = {int(i): j for j, i in enumerate(idv)}
    lr = (Ad @ committed_margins(Xd))[[pos[int(i)] for i in ids]]
    z = lambda v: (v - v.mean()) / v.std()
    report("fastText + committed classifier (mean of z)", ids, 0.5 * z(ft) + 0.5 * z(lr))


if __name__ == "__main__":
    cmds = dict(baseline=baseline, combiner=combiner, nb=nb, data=data, unseen=unseen, fasttext=fasttext)
    if len(sys.argv) != 2 or sys.argv[1] not in cmds:
        sys.exit(__doc__)
    cmds[sys.argv[1]]()
