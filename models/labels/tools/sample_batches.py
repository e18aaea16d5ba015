#!/usr/bin/env python3
"""Draws the labelling sample and writes reading batches (message text) OUTSIDE the repository.

Usage: python3 models/labels/tools/sample_batches.py ../shared/data/gov-messages /work/labelling/batches
Deterministic (seed 20261206). Never reads the Shangluo letters. Writes:
  batch-NN.txt      first readings, 55 messages each (title, date, body cut at 1,200 characters)
  double-NN.txt     second readings, 50 messages each, drawn across the first batches
  batch-49.txt      enrichment: every message not drawn above whose title, or the opening 100 characters of
                    whose body, thanks or praises (cue words below) — the random draw held no positive letter
                    in its first 550, so the rare class is read on purpose; kept apart in evaluation
  sample.csv        id,source,batch,double  (ids only; this file is also committed beside the labels)
"""
import csv, random, re, sys, os

csv.field_size_limit(10**9)
SEED = 20261206
SOURCES = [  # file, id prefix, how many to draw
    ("teddy2020-messages-labeled-raw-921.csv", "teddy2020-labeled:", 300),
    ("teddy2020-messages-with-replies.csv", "teddy2020-replies:", 1170),
    ("teddy2020-messages-with-votes.csv", "teddy2020-votes:", 1170),
]
BATCH, DOUBLE_BATCH, DOUBLES, BODY_CHARS = 55, 50, 300, 1200
PRAISE_TITLE = re.compile("感谢|表扬|点赞|赞扬|致敬|好评|感激|锦旗|致谢|赞美|称赞")
PRAISE_OPENING = re.compile("表扬|点赞|赞扬|致敬|锦旗|致谢|赞美|称赞|非常感谢|衷心感谢|特别感谢|真诚感谢")

def clean(s):
    return re.sub(r"\s+", " ", (s or "").replace("_x000D_", " ")).strip()

def key(body):
    return re.sub(r"[^\w]", "", body or "")[:200]

def grams(s, n=5):
    s = re.sub(r"[^\w]", "", s)
    return {s[i:i + n] for i in range(max(0, len(s) - n + 1))}

def main(data, out):
    rng = random.Random(SEED)
    seen, chosen = set(), []
    for file, prefix, count in SOURCES:
        rows = list(csv.DictReader(open(os.path.join(data, file), encoding="utf-8")))
        rng.shuffle(rows)
        taken, kept_grams = 0, []
        for r in rows:
            if taken == count:
                break
            body = clean(r["留言详情"])
            k = key(body)
            if not body or k in seen:
                continue
            g = grams(clean(r["留言主题"]) + body)
            # near-copies of an already drawn message (re-posted complaints) would waste reading
            if any(len(g & h) > 0.5 * min(len(g), len(h)) for h in kept_grams if h):
                continue
            seen.add(k)
            kept_grams.append(g)
            chosen.append((prefix + r["留言编号"].strip(), file, clean(r["留言主题"]), r["留言时间"].strip(), body))
            taken += 1
    rng.shuffle(chosen)
    drawn = {m[0] for m in chosen}
    praise = []
    for file, prefix, _ in SOURCES:
        for r in csv.DictReader(open(os.path.join(data, file), encoding="utf-8")):
            mid, body = prefix + r["留言编号"].strip(), clean(r["留言详情"])
            if mid not in drawn and body and (PRAISE_TITLE.search(r["留言主题"])
                                              or PRAISE_OPENING.search(body.replace(" ", "")[:100])):
                praise.append((mid, file, clean(r["留言主题"]), r["留言时间"].strip(), body))
    os.makedirs(out, exist_ok=True)
    batches = [chosen[i:i + BATCH] for i in range(0, len(chosen), BATCH)]
    doubles = rng.sample(chosen, DOUBLES)
    double_ids = {m[0] for m in doubles}
    for n, batch in enumerate(batches, 1):
        write(os.path.join(out, "batch-%02d.txt" % n), batch)
    enrichment = "batch-%02d" % (len(batches) + 1)
    write(os.path.join(out, enrichment + ".txt"), praise)
    for n in range(0, DOUBLES, DOUBLE_BATCH):
        write(os.path.join(out, "double-%02d.txt" % (n // DOUBLE_BATCH + 1)), doubles[n:n + DOUBLE_BATCH])
    with open(os.path.join(out, "sample.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "source", "batch", "double"])
        for n, batch in enumerate(batches, 1):
            for m in batch:
                w.writerow([m[0], m[1].replace(".csv", ""), "batch-%02d" % n, "yes" if m[0] in double_ids else ""])
        for m in praise:
            w.writerow([m[0], m[1].replace(".csv", ""), enrichment, ""])
    print("%d messages in %d batches, %d read twice; %d in the enrichment batch %s"
          % (len(chosen), len(batches), DOUBLES, len(praise), enrichment))

def write(path, messages):
    with open(path, "w", encoding="utf-8") as f:
        for i, (mid, _, title, time, body) in enumerate(messages, 1):
            shown = body[:BODY_CHARS] + ("…[%d more characters not shown]" % (len(body) - BODY_CHARS)
                                         if len(body) > BODY_CHARS else "")
            f.write("=== [%d] %s | %s\n标题: %s\n正文: %s\n\n" % (i, mid, time[:10], title, shown))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
