#!/usr/bin/env python3
"""Synthetic long posts made of COLD dev comments, to measure how screening holds on long texts.

Each post joins 3-8 COLD dev comments of one topic (race, gender or region) with ordinary
punctuation. Two sets:
  one: half the posts hold exactly one offensive comment among innocent ones (the hard case:
       one harmful clause diluted by the rest), half hold only innocent comments;
  any: half the posts hold 1..k offensive comments (k = the post's parts), half only innocent ones.
Label 1 = at least one part offensive. The models were trained on COLD train, so dev comments are
fair parts. Dev is cut in two by the row id: even ids make the "tune" posts (thresholds and the way
segment scores combine were chosen on them), odd ids the "report" posts (figures reported), so no
comment is in both. Seeded: the same arguments write the same bytes.

Writes DIR/{tune,report}-{one,any}-{3-4,5-6,7-8}.csv (columns TEXT,label,topic: `eval` reads them)
and DIR/{tune,report}-{one,any}-all.csv with every bucket.

usage: python3 scripts/long-texts.py ../shared/datasets/cold/dev.csv target/long-texts [--seed 12] [--posts 300]
"""
import argparse
import csv
import os
import random

BUCKETS = [(3, 4), (5, 6), (7, 8)]
# between two comments: the comment's own end punctuation if it has one, else one of these
JOINERS = ["。", "，", "！", "？", "；", "\n", "。", "，"]
ENDS = set("。！？!?；;，,…~～")


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    pools = {}
    for r in rows:
        split = "tune" if int(r[""]) % 2 == 0 else "report"
        pools.setdefault((split, r["topic"], r["label"]), []).append(r["TEXT"].strip())
    for texts in pools.values():
        texts.sort()  # the file's order must not matter, only the seed
    return pools


def join(parts, rnd):
    out = []
    for i, p in enumerate(parts):
        out.append(p)
        if i < len(parts) - 1 and p[-1] not in ENDS:
            out.append(rnd.choice(JOINERS))
    return "".join(out)


def post(pools, split, topic, k, offensive, rnd):
    innocent = rnd.sample(pools[(split, topic, "0")], k - offensive)
    harmful = rnd.sample(pools[(split, topic, "1")], offensive)
    parts = innocent + harmful
    rnd.shuffle(parts)
    return join(parts, rnd)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dev")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--posts", type=int, default=300, help="posts per file (half offensive)")
    a = ap.parse_args()
    pools = read(a.dev)
    topics = sorted({t for (_, t, _) in pools})
    os.makedirs(a.out, exist_ok=True)
    for split in ("tune", "report"):
        for kind in ("one", "any"):
            everything = []
            for lo, hi in BUCKETS:
                # one generator per file, so a file does not change when another's recipe does
                rnd = random.Random(f"{a.seed}/{split}/{kind}/{lo}-{hi}")
                rows = []
                for i in range(a.posts):
                    topic = topics[i % len(topics)]
                    k = rnd.randint(lo, hi)
                    label = i % 2
                    offensive = 0 if label == 0 else (1 if kind == "one" else rnd.randint(1, k))
                    rows.append((post(pools, split, topic, k, offensive, rnd), label, topic))
                write(os.path.join(a.out, f"{split}-{kind}-{lo}-{hi}.csv"), rows)
                everything += rows
            write(os.path.join(a.out, f"{split}-{kind}-all.csv"), everything)


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["TEXT", "label", "topic"])
        w.writerows(rows)


if __name__ == "__main__":
    main()
