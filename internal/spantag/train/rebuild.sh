#!/bin/sh
# Rebuilds the span tagger's data set, phrase table, features, model and
# committed evaluation sample. See README.md. Run from the repository root.
set -eu
out=${SPANTAG_DATA:-/work/data/mtspan}
docs=${SPANTAG_DOCS:-/work/data/mtdoc/docs.jsonl}
/usr/bin/python3 internal/spantag/train/build_data.py "$out" "$docs"
go run ./internal/spantag/gen phrases -slots 21 \
	-source "edited English: lm.txt of internal/mtmodel/train/build_data.py (Reuters-21578, BBC News 2004-05, NLTK ABC, State of the Union addresses, English-original WMT news of the train split) without the English originals the tagger trains on" \
	-out internal/spantag/data/phrases.bin "$out/lm-spans.txt"
go run ./internal/spantag/gen features -in "$out/segments.jsonl" -out "$out/feats"
/usr/bin/python3 internal/spantag/train/train.py "$out/feats" internal/spantag/data/model.bin
/usr/bin/python3 internal/spantag/train/sample.py "$out/feats" internal/spantag/testdata/mqm-test-sample.tsv.gz
