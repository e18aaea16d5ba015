#!/usr/bin/env python3
"""Adds the targeted rounds (readers t-NN) to the committed label files.

Usage: python3 models/labels/tools/merge_targeted.py models/labels /work/labelling2 [/work/labelling3 ...]
Each round's messages were drawn by `minyi labels draw-unsure` (targeted-sample*.csv): the unlabelled messages the
topic model was least sure of. From every round's folder it reads out/batch-tNN.csv (first readings),
out/double-tNN.csv (the independent second readings), my-review.csv (the lead's review) and adjudication-t.csv
(settled disagreements). Rewrites labels.csv with the targeted rows replaced (round one's rows untouched) and writes
targeted-first-reading.csv, targeted-second-reading.csv, targeted-review.csv, targeted-adjudication.csv over all
rounds given. No message text is written: ids, labels and short reasons only.
"""
import glob, os, sys

from merge_labels import FIELDS, read, second_readings, write  # round one's columns, CSV and second readings

GUIDE = "v2.5"

def main(out, works):
    labels, order, first, review, adjudication, second = {}, [], {}, [], [], []
    for work in works:
        merge_round(work, labels, order, first, review, adjudication, second)
    kept = [r for r in read(os.path.join(out, "labels.csv")) if not r["reader"].startswith("t-")]
    write(os.path.join(out, "labels.csv"), FIELDS + ["reader", "guide"], kept + [labels[i] for i in order])
    write(os.path.join(out, "targeted-first-reading.csv"), FIELDS + ["reader"], [first[r["id"]] for r in second])
    write(os.path.join(out, "targeted-second-reading.csv"), FIELDS + ["reader"], second)
    write(os.path.join(out, "targeted-review.csv"), list(review[0].keys()), review)
    write(os.path.join(out, "targeted-adjudication.csv"), list(adjudication[0].keys()), adjudication)
    print("%d earlier labels kept, %d targeted labels, %d second readings, %d reviewed, %d adjudicated"
          % (len(kept), len(order), len(second), len(review), len(adjudication)))

def merge_round(work, labels, order, first, all_review, all_adjudication, all_second):
    """One round's folder: its first readings (kept as read in `first`), then the review and adjudication."""
    for path in sorted(glob.glob(os.path.join(work, "out", "batch-t*.csv"))):
        batch = os.path.basename(path)[:-4]
        for r in read(path):
            if r["id"] in labels:
                continue
            row = {k: r[k] for k in FIELDS}
            row["reader"] = "t-" + batch.split("-t")[1]
            row["guide"] = GUIDE
            labels[r["id"]] = row
            order.append(r["id"])
            first[r["id"]] = dict(row)
    review = read(os.path.join(work, "my-review.csv"))
    for r in review:
        if r["verdict"] == "changed":
            labels[r["id"]][r["field"]] = r["after"]
            labels[r["id"]]["reason"] = (labels[r["id"]]["reason"] + "; review: " + r["note"])[:160]
    adjudication = read(os.path.join(work, "adjudication-t.csv"))
    for r in adjudication:
        labels[r["id"]][r["field"]] = r["final"]
    all_second.extend(second_readings(work, "double-t*.csv", lambda batch: "td-" + batch.split("-t")[1]))
    all_review.extend(review)
    all_adjudication.extend(adjudication)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
