#!/usr/bin/env python3
"""Filters newly written training sentences against the held-out set and the existing sentences.

Overlap of a new row with another row = the share of the new row's character bigrams (lower-cased,
punctuation and spaces removed) that the other row also has. A new row is dropped when it shares
0.4 or more with any held-out row (the held-out set must stay unseen by training), or 0.6 or more
with an existing training sentence or an earlier kept new row (a near-duplicate adds weight, not
knowledge). It prints counts, the largest held-out overlap of the kept rows and the dropped
near-duplicates (our own text); it never prints a held-out row. Kept rows are written in input order.

usage: python3 scripts/sentence-overlap.py HELDOUT.tsv EXISTING.tsv[,MORE.tsv] NEW.tsv [NEW2.tsv ...] OUT.tsv
(TSV rows text<TAB>label<TAB>kind<TAB>scene; lines starting with # are skipped)
"""
import re
import sys

HELDOUT_LIMIT = 0.4
DUPLICATE_LIMIT = 0.6


def bigrams(text):
    t = re.sub(r'[\s\W_]+', '', text.lower())
    return {t[i:i + 2] for i in range(len(t) - 1)}


def rows(path):
    with open(path, encoding='utf-8') as f:
        return [l.rstrip('\n').split('\t') for l in f if l.strip() and not l.startswith('#')]


def share(b, other):
    return len(b & other) / len(b) if b else 0.0


def main(heldout_path, existing_paths, new_paths, out_path):
    heldout = [bigrams(r[0]) for r in rows(heldout_path)]
    existing = [bigrams(r[0]) for path in existing_paths.split(',') for r in rows(path)]
    new = [r for path in new_paths for r in rows(path)]
    kept, dropped_heldout, duplicates, top = [], 0, [], 0.0
    for r in new:
        b = bigrams(r[0])
        h = max(share(b, o) for o in heldout)
        if h >= HELDOUT_LIMIT:
            dropped_heldout += 1
            continue
        top = max(top, h)
        d = max(share(b, o) for o in existing + [bigrams(k[0]) for k in kept])
        if d >= DUPLICATE_LIMIT:
            duplicates.append((round(d, 2), r[0]))
            continue
        kept.append(r)
    with open(out_path, 'w', encoding='utf-8') as f:
        f.writelines('\t'.join(r) + '\n' for r in kept)
    print('new', len(new), '| dropped for held-out overlap >= %.1f:' % HELDOUT_LIMIT, dropped_heldout,
          '| largest held-out overlap of the kept: %.3f' % top)
    print('dropped as near-duplicates (>= %.1f) of existing or earlier new rows:' % DUPLICATE_LIMIT, len(duplicates))
    for d in duplicates:
        print('  ', *d)
    print('kept', len(kept), '| harmful', sum(r[1] == 'harmful' for r in kept),
          '| innocent', sum(r[1] == 'innocent' for r in kept))


if __name__ == '__main__':
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:-1], sys.argv[-1])
