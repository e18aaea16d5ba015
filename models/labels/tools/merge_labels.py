#!/usr/bin/env python3
"""Builds the committed label files from the readers' batch files (which stay outside the repository).

Usage: python3 models/labels/tools/merge_labels.py /work/labelling models/labels
Reads  <work>/out/batch-NN.csv (first readings), <work>/out/double-NN.csv (second readings),
       <work>/my-review.csv (the lead's review: agree / changed), <work>/adjudication.csv (settled disagreements)
Writes labels.csv          id,topic,attitude,domains,groups,stages,reason,reader,guide  (final labels)
       first-reading.csv   the first readings of the messages read twice, as read (before review and adjudication)
       second-reading.csv  the independent second readings, as read (for agreement)
       review.csv          the lead's review of samples of every reader
       adjudication.csv    how disagreements between first and second readings were settled
No message text is written: ids, labels and short reasons only.
"""
import csv, glob, os, sys

FIELDS = ["id", "topic", "attitude", "domains", "groups", "stages", "reason"]

def read(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))

def guide_of(batch):
    n = int(batch.split("-")[1])
    return "v2" if n <= 4 else "v2.1"

def main(work, out):
    labels, order, first = {}, [], {}
    for path in sorted(glob.glob(os.path.join(work, "out", "batch-*.csv"))):
        batch = os.path.basename(path)[:-4]
        for r in read(path):
            if r["id"] in labels:
                continue  # a message shown twice in one batch (exact re-posts) keeps its first reading
            row = {k: r[k] for k in FIELDS}
            row["reader"] = "r-" + batch.split("-")[1]
            row["guide"] = guide_of(batch)
            labels[r["id"]] = row
            first[r["id"]] = dict(row)
            order.append(r["id"])
    review = read(os.path.join(work, "my-review.csv")) if os.path.exists(os.path.join(work, "my-review.csv")) else []
    for r in review:
        if r["verdict"] == "changed" and r["id"] in labels:
            labels[r["id"]][r["field"]] = r["after"]
            labels[r["id"]]["reason"] = (labels[r["id"]]["reason"] + "; review: " + r["note"])[:160]
    adjudication_path = os.path.join(work, "adjudication.csv")
    adjudication = read(adjudication_path) if os.path.exists(adjudication_path) else []
    for r in adjudication:
        if r["id"] in labels:
            labels[r["id"]][r["field"]] = r["final"]
    second = second_readings(work, "double-*.csv", lambda batch: "d-" + batch.split("-")[1])
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "labels.csv"), FIELDS + ["reader", "guide"], [labels[i] for i in order])
    write(os.path.join(out, "first-reading.csv"), FIELDS + ["reader"], [first[r["id"]] for r in second])
    write(os.path.join(out, "second-reading.csv"), FIELDS + ["reader"], second)
    if review:
        write(os.path.join(out, "review.csv"), list(review[0].keys()), review)
    if adjudication:
        write(os.path.join(out, "adjudication.csv"), list(adjudication[0].keys()), adjudication)
    print("%d labels, %d second readings, %d reviewed, %d adjudicated" % (len(order), len(second), len(review),
                                                                         len(adjudication)))

def second_readings(work, pattern, reader):
    """The rows of the second-reading batches <work>/out/<pattern>, in file order, each named by reader(batch)."""
    rows = []
    for path in sorted(glob.glob(os.path.join(work, "out", pattern))):
        batch = os.path.basename(path)[:-4]
        for r in read(path):
            row = {k: r[k] for k in FIELDS}
            row["reader"] = reader(batch)
            rows.append(row)
    return rows

def write(path, fields, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
