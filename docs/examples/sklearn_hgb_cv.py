#!/usr/bin/env python3
"""Reference run of scikit-learn's HistGradientBoostingClassifier on the folds creditkit uses.

Not part of the build (creditkit has no Python dependency); run it from a throwaway virtualenv or
with Debian's python3-sklearn. The folds are those of CrossValidation.stratifiedFolds(y, k, seed):
java.util.Random and Collections.shuffle are reproduced below, so `credit train --cv 5 --seed 42`
and this script score exactly the same held-out rows.

  # German Credit (ARFF; nominal columns as native categorical features)
  python3 sklearn_hgb_cv.py credit-g.arff --target class --bad bad
  # synthetic portfolio: the indicator CSV of `credit features` (indicators only, as the workbench reads them)
  python3 sklearn_hgb_cv.py demo20k.csv --target defaulted12m --bad 1 \
      --drop id,industry,zone,size,truePd
  # holdout instead of CV: train on one table, score another
  python3 sklearn_hgb_cv.py p200k.csv --holdout h100k.csv --target defaulted12m --bad 1 --drop id,industry,zone,size,truePd

Prints the mean fold AUC (or holdout AUC) of sklearn's defaults and of the tuned settings.
"""
import argparse
import csv
import re
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score


class JavaRandom:
    """java.util.Random: the 48-bit linear congruential generator."""

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        r = self.seed >> (48 - bits)
        return r - (1 << bits) if r >= 1 << (bits - 1) and bits == 32 else r

    def next_int(self, bound):
        if bound & (-bound) == bound:
            return (bound * self.next(31)) >> 31
        while True:
            bits = self.next(31)
            val = bits % bound
            if bits - val + (bound - 1) < (1 << 31):
                return val


def shuffle(lst, rnd):
    for i in range(len(lst), 1, -1):
        j = rnd.next_int(i)
        lst[i - 1], lst[j] = lst[j], lst[i - 1]


def stratified_folds(y, k, seed):
    bads = [i for i, v in enumerate(y) if v == 1]
    goods = [i for i, v in enumerate(y) if v != 1]
    rnd = JavaRandom(seed)
    shuffle(bads, rnd)
    shuffle(goods, rnd)
    fold = np.zeros(len(y), dtype=int)
    for i, r in enumerate(bads):
        fold[r] = i % k
    for i, r in enumerate(goods):
        fold[r] = (len(bads) + i) % k
    return fold


def read_arff(path, target, bad):
    names, nominal, rows, data = [], [], [], False
    with open(path) as fh:
        for line in fh:
            s = line.strip()
            if not s or s.startswith('%'):
                continue
            low = s.lower()
            if low.startswith('@attribute'):
                m = re.match(r"@attribute\s+('[^']*'|\"[^\"]*\"|\S+)\s+(.*)", s, re.I)
                names.append(m.group(1).strip("'\""))
                nominal.append(m.group(2).strip().startswith('{') or m.group(2).strip().lower() == 'string')
            elif low.startswith('@data'):
                data = True
            elif data:
                rows.append(next(csv.reader([s], quotechar="'", skipinitialspace=True)))
    ti = names.index(target)
    y = np.array([1 if r[ti].strip() == bad else 0 for r in rows])
    cols, cat = [], []
    for j, name in enumerate(names):
        if j == ti:
            continue
        vals = [r[j].strip() for r in rows]
        if nominal[j]:
            levels = sorted({v for v in vals if v != '?'})
            cols.append([levels.index(v) if v != '?' else np.nan for v in vals])
        else:
            cols.append([float(v) if v != '?' else np.nan for v in vals])
        cat.append(nominal[j])
    return np.array(cols, dtype=float).T, y, np.array(cat)


def read_csv(path, target, bad, drop):
    with open(path) as fh:
        rd = csv.reader(fh)
        header = next(rd)
        rows = list(rd)
    ti = header.index(target)
    keep = [j for j, h in enumerate(header) if j != ti and h not in drop]
    y = np.array([1 if r[ti] == bad else 0 for r in rows])
    x = np.array([[float(r[j]) if r[j] not in ('', 'NA', 'NaN') else np.nan for j in keep] for r in rows])
    return x, y, np.zeros(len(keep), dtype=bool)


def read(path, a):
    if path.endswith('.arff'):
        return read_arff(path, a.target, a.bad)
    return read_csv(path, a.target, a.bad, set(a.drop.split(',')) if a.drop else set())


def models(cat, seed):
    cf = cat if cat.any() else None
    return {
        'sklearn HGB defaults': lambda: HistGradientBoostingClassifier(categorical_features=cf, random_state=seed),
        'sklearn HGB tuned (lr 0.05, 500 iter, 15 leaves, min leaf 40, l2 1, early stopping)':
            lambda: HistGradientBoostingClassifier(learning_rate=0.05, max_iter=500, max_leaf_nodes=15,
                                                   min_samples_leaf=40, l2_regularization=1.0, early_stopping=True,
                                                   categorical_features=cf, random_state=seed),
    }


def main():
    p = argparse.ArgumentParser()
    p.add_argument('data')
    p.add_argument('--target', required=True)
    p.add_argument('--bad', required=True)
    p.add_argument('--drop', default='')
    p.add_argument('--folds', type=int, default=5)
    p.add_argument('--seed', type=int, default=42)
    p.add_argument('--holdout')
    a = p.parse_args()
    x, y, cat = read(a.data, a)
    print(f'{a.data}: {len(y)} rows, {y.sum()} bads, {x.shape[1]} features ({cat.sum()} categorical)')
    if a.holdout:
        hx, hy, _ = read(a.holdout, a)
        for name, make in models(cat, a.seed).items():
            m = make().fit(x, y)
            print(f'{name}: holdout AUC {roc_auc_score(hy, m.predict_proba(hx)[:, 1]):.4f} ({m.n_iter_} iterations)')
        return
    fold = stratified_folds(list(y), a.folds, a.seed)
    for name, make in models(cat, a.seed).items():
        aucs = []
        for k in range(a.folds):
            tr, te = fold != k, fold == k
            m = make().fit(x[tr], y[tr])
            aucs.append(roc_auc_score(y[te], m.predict_proba(x[te])[:, 1]))
        print(f'{name}: mean fold AUC {np.mean(aucs):.4f} (folds {", ".join(f"{v:.4f}" for v in aucs)})')


if __name__ == '__main__':
    sys.exit(main())
