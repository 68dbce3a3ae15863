#!/usr/bin/env python3
"""How close to the oracle can any model get from the indicators? A check for the synthetic portfolio.

Not part of the build (creditkit has no Python dependency); run it with Debian's python3-sklearn or
from a throwaway virtualenv, on the indicator CSVs of `credit features` (they carry `truePd`):

  credit generate --count 200000 --seed 1 --out p200k.jsonl && credit features p200k.jsonl --out p200k.csv
  credit generate --count 100000 --seed 2 --out h100k.jsonl && credit features h100k.jsonl --out h100k.csv
  OMP_NUM_THREADS=1 python3 oracle_ceiling.py p200k.csv h100k.csv

For each input set (the 44 indicators; the same plus the industry code) it trains two gradient
boosting models on the training table and scores the holdout against its recorded outcomes:

- "labels": a classifier fitted on the 0/1 outcomes, as any real model must be;
- "truth": a regressor fitted on the truePd of every training row, which no real lender has
  (Poisson loss, so a log link, on the PD scale). It learns E[truePd | inputs] = P(default | inputs),
  the score no model of those inputs can out-rank, without the label noise of a 4.5% default rate;
  so its holdout AUC estimates the best any model can reach from those inputs, and the rest of the
  gap to the oracle is what the truth knows and the inputs do not show.

Prints the oracle AUC (truePd on the holdout) and, per input set and model, the AUC and the gap.
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.metrics import roc_auc_score

NOT_INDICATORS = ("id", "industry", "zone", "size", "defaulted12m", "truePd")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("train")
    ap.add_argument("holdout")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    tr, ho = pd.read_csv(args.train), pd.read_csv(args.holdout)
    codes = pd.CategoricalDtype(sorted(pd.concat([tr.industry, ho.industry]).dropna().unique()))
    for df in (tr, ho):
        df["industry"] = df.industry.astype(codes).cat.codes.astype(float)  # -1 would be unknown
    y, y_ho = tr.defaulted12m.astype(int).values, ho.defaulted12m.astype(int).values
    oracle = roc_auc_score(y_ho, ho.truePd)
    print(f"rows {len(tr)} / {len(ho)}, holdout defaults {y_ho.sum()}, oracle AUC {oracle:.4f}")
    indicators = [c for c in tr.columns if c not in NOT_INDICATORS]
    for name, cols in ((f"{len(indicators)} indicators", indicators),
                       (f"{len(indicators)} indicators + industry", indicators + ["industry"])):
        categorical = [c == "industry" for c in cols]
        labels = HistGradientBoostingClassifier(
            learning_rate=0.05, max_iter=1000, max_leaf_nodes=15, min_samples_leaf=40, l2_regularization=1,
            early_stopping=True, validation_fraction=0.1, n_iter_no_change=30, random_state=args.seed,
            categorical_features=categorical).fit(tr[cols], y)
        truth = HistGradientBoostingRegressor(
            loss="poisson", learning_rate=0.05, max_iter=3000, max_leaf_nodes=31, min_samples_leaf=20,
            early_stopping=True, validation_fraction=0.1, n_iter_no_change=30, random_state=args.seed,
            categorical_features=categorical).fit(tr[cols], tr.truePd)
        a_labels = roc_auc_score(y_ho, labels.predict_proba(ho[cols])[:, 1])
        a_truth = roc_auc_score(y_ho, truth.predict(ho[cols]))
        print(f"{name:26s} labels {a_labels:.4f} (gap {oracle - a_labels:.4f}, {labels.n_iter_} trees)"
              f" | truth {a_truth:.4f} (gap {oracle - a_truth:.4f}, {truth.n_iter_} trees)", flush=True)


if __name__ == "__main__":
    main()
