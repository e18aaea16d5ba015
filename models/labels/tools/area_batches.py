#!/usr/bin/env python3
"""Draws the urban/rural (area) reading sample from the labelled messages and writes reading batches OUTSIDE the
repository.

Usage: python3 models/labels/tools/area_batches.py ../shared/data/gov-messages /work/labelling/area [tuning]
Deterministic (seed 20261207). Draws 150 of the messages in labels.csv (never the enrichment batch r-49; never the
Shangluo letters, which are not in labels.csv). Writes:
  area-1.txt, area-2.txt, area-3.txt   first readings, 50 messages each
  area-double.txt                      second reading, 60 messages drawn across the three
  area-sample.csv                      id,batch,double (ids only; committed beside the labels)
With "tuning": a second draw of 150 from the rest (seed 20261208) for improving the cues, so that the first draw
stays an evaluation set: area-t1.txt … area-t3.txt and area-tuning-sample.csv.
"""
import csv, os, random, re, sys

csv.field_size_limit(10**9)
SEED, COUNT, BATCH, DOUBLES, BODY_CHARS = 20261207, 150, 50, 60, 1200
FILES = {
    "teddy2020-labeled:": "teddy2020-messages-labeled-raw-921.csv",
    "teddy2020-replies:": "teddy2020-messages-with-replies.csv",
    "teddy2020-votes:": "teddy2020-messages-with-votes.csv",
}
HERE = os.path.dirname(os.path.abspath(__file__))

def clean(s):
    return re.sub(r"\s+", " ", (s or "").replace("_x000D_", " ")).strip()

def main(data, out, tuning=False):
    labelled = [r["id"] for r in csv.DictReader(open(os.path.join(HERE, "..", "labels.csv"), encoding="utf-8"))
                if r["reader"] != "r-49"]
    labelled.sort()
    rng = random.Random(SEED)
    chosen = rng.sample(labelled, COUNT)
    if tuning:
        evaluation = set(chosen)
        rest = [i for i in labelled if i not in evaluation]
        chosen = random.Random(SEED + 1).sample(rest, COUNT)
    texts = {}
    for prefix, file in FILES.items():
        for r in csv.DictReader(open(os.path.join(data, file), encoding="utf-8")):
            texts[prefix + r["留言编号"].strip()] = (clean(r["留言主题"]), r["留言时间"].strip(), clean(r["留言详情"]))
    os.makedirs(out, exist_ok=True)
    batches = [chosen[i:i + BATCH] for i in range(0, COUNT, BATCH)]
    if tuning:
        with open(os.path.join(out, "area-tuning-sample.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["id", "batch"])
            for n, batch in enumerate(batches, 1):
                write(os.path.join(out, "area-t%d.txt" % n), batch, texts)
                for mid in batch:
                    w.writerow([mid, "area-t%d" % n])
        print("%d tuning messages in %d batches" % (COUNT, len(batches)))
        return
    doubles = rng.sample(chosen, DOUBLES)
    for n, batch in enumerate(batches, 1):
        write(os.path.join(out, "area-%d.txt" % n), batch, texts)
    write(os.path.join(out, "area-double.txt"), doubles, texts)
    with open(os.path.join(out, "area-sample.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "batch", "double"])
        double_ids = set(doubles)
        for n, batch in enumerate(batches, 1):
            for mid in batch:
                w.writerow([mid, "area-%d" % n, "yes" if mid in double_ids else ""])
    print("%d messages in %d batches, %d read twice" % (COUNT, len(batches), DOUBLES))

def write(path, ids, texts):
    with open(path, "w", encoding="utf-8") as f:
        for i, mid in enumerate(ids, 1):
            title, time, body = texts[mid]
            shown = body[:BODY_CHARS] + ("…[%d more characters not shown]" % (len(body) - BODY_CHARS)
                                         if len(body) > BODY_CHARS else "")
            f.write("=== [%d] %s | %s\n标题: %s\n正文: %s\n\n" % (i, mid, time[:10], title, shown))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], len(sys.argv) > 3 and sys.argv[3] == "tuning")
