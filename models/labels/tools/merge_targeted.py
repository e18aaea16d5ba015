#!/usr/bin/env python3
"""Adds the targeted round (readers t-NN) to the committed label files.

Usage: python3 models/labels/tools/merge_targeted.py /work/labelling2 models/labels
The round's messages were drawn by `minyi labels draw-unsure` (targeted-sample.csv): the unlabelled messages the
topic model was least sure of. Reads <work>/out/batch-tNN.csv (first readings), <work>/out/double-t01.csv (the
independent second readings), <work>/my-review.csv (the lead's review) and <work>/adjudication-t.csv (settled
disagreements). Rewrites labels.csv with the round's rows replaced (earlier rounds untouched) and writes
targeted-first-reading.csv, targeted-second-reading.csv, targeted-review.csv, targeted-adjudication.csv.
No message text is written: ids, labels and short reasons only.
"""
import csv, glob, os, sys

FIELDS = ["id", "topic", "attitude", "domains", "groups", "stages", "reason"]
GUIDE = "v2.5"

def read(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))

def write(path, fields, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)

def main(work, out):
    labels, order = {}, []
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
    first = {i: dict(labels[i]) for i in order}
    review = read(os.path.join(work, "my-review.csv"))
    for r in review:
        if r["verdict"] == "changed":
            labels[r["id"]][r["field"]] = r["after"]
            labels[r["id"]]["reason"] = (labels[r["id"]]["reason"] + "; review: " + r["note"])[:160]
    adjudication = read(os.path.join(work, "adjudication-t.csv"))
    for r in adjudication:
        labels[r["id"]][r["field"]] = r["final"]
    second = []
    for r in read(os.path.join(work, "out", "double-t01.csv")):
        row = {k: r[k] for k in FIELDS}
        row["reader"] = "td-01"
        second.append(row)
    kept = [r for r in read(os.path.join(out, "labels.csv")) if not r["reader"].startswith("t-")]
    write(os.path.join(out, "labels.csv"), FIELDS + ["reader", "guide"], kept + [labels[i] for i in order])
    write(os.path.join(out, "targeted-first-reading.csv"), FIELDS + ["reader"], [first[r["id"]] for r in second])
    write(os.path.join(out, "targeted-second-reading.csv"), FIELDS + ["reader"], second)
    write(os.path.join(out, "targeted-review.csv"), list(review[0].keys()), review)
    write(os.path.join(out, "targeted-adjudication.csv"), list(adjudication[0].keys()), adjudication)
    print("%d earlier labels kept, %d targeted labels, %d second readings, %d reviewed, %d adjudicated"
          % (len(kept), len(order), len(second), len(review), len(adjudication)))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
