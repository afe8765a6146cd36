#!/usr/bin/env python3
"""Build tests/harness/material/*.json from the sources (run once; the JSON is committed).

- seed.json: the bundled sample's five articles, from ../shared/spec/seed-outline.json
  (or tests/fixtures/seed-outline.json, the same file in the repo).
- rmrb_1946_p1.json, rmrb_1946_p2.json: the 1946 人民日报 pages (public domain) from
  ../shared/corpus/, with the deck roles below.
- originals_train.json, originals_holdout.json, originals_extra.json,
  originals_extra2.json, originals_extra3.json, originals_fresh.json,
  originals_blind.json: from originals_*.txt (our own articles, written in a small line
  format, see parse_originals()). originals_extra2: 40 more training articles (extra
  split), written 2026-11-30 to widen the decks the labeller learns from.
  originals_extra3: 40 more (extra split), written 2026-11-30 to widen the bodies and
  article kinds it learns from. originals_fresh: written 2026-11-30, scored only. originals_blind: written 2026-11-30 by a helper that did not
  read the reflow or layout code; never tuned on, scored only.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MAT = os.path.join(HERE, "material")
SHARED = os.environ.get("PIZHU_SHARED", "/work/shared")

# Deck roles per article of each corpus page, in dump order: K = 引题 (kicker, printed
# above the title), M = 主题 (main title; two M lines make a two-part title joined by a
# space), S = 副题 (subtitle, printed below).  Golden: title = the M lines joined by " ";
# subtitle = the K and S lines in printed order joined by " " (null when none).
DECKS = {
    "p1": ["KMS", "MM", "KMS", "MS", "KMS", "MSS"],
    "p2": ["KMS", "KMS", "M", "KMS", "M", "MM", "KM", "KMS", "MSS", "MSS", "KM", "MS"],
}


def dump(name, obj):
    with open(os.path.join(MAT, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


def seed():
    p = os.path.join(SHARED, "spec", "seed-outline.json")
    if not os.path.exists(p):
        p = os.path.join(ROOT, "tests", "fixtures", "seed-outline.json")
    d = json.load(open(p, encoding="utf-8"))
    arts = []
    for i, a in enumerate(d["articles"]):
        a = dict(a)
        a["id"] = "seed_%d" % (i + 1)
        a["origin"] = "bundled sample 000_51e883962f205273.txt"
        a["kind"] = "feature" if any(s["heading"] for s in a["sections"]) else "news"
        arts.append(a)
    dump("seed.json", {"source": "bundled sample (seed-outline.json)", "articles": arts})


def corpus(page, fname):
    t = open(os.path.join(SHARED, "corpus", fname), encoding="utf-8").read()
    t = t.replace("\r\n", "\n").replace("\r", "\n")
    arts = []
    blocks = t.split("### ")[1:]
    roles = DECKS[page]
    assert len(roles) == len(blocks), (page, len(blocks))
    for i, blk in enumerate(blocks):
        lines = blk.split("\n")
        author = lines[1].strip()
        rest = [l for l in lines[6:]]
        rest = [l for l in rest if l.strip()]
        r = roles[i]
        deck = [l.strip().strip("\u3000") for l in rest[: len(r)]]
        body = [l.strip().strip("\u3000") for l in rest[len(r):]]
        byline = None
        if author and body and body[0] == author:  # a byline printed as its own line
            byline = body.pop(0)
        # right-aligned signature lines of telegrams: keep as paragraphs, one space inside
        body = [re.sub(r"\s{2,}", " ", b) for b in body]
        title = " ".join(d for ro, d in zip(r, deck) if ro == "M")
        sub = " ".join(d for ro, d in zip(r, deck) if ro != "M") or None
        arts.append({
            "id": "rmrb1946_%s_%02d" % (page, i + 1),
            "origin": "人民日报 1946-05-16 %s (fangj/rmrb), public domain" % page,
            "kind": "news", "deck": [[ro, d] for ro, d in zip(r, deck)],
            "title": title, "subtitle": sub, "byline": byline, "continued_from_page": None,
            "sections": [{"heading": None, "paragraphs": body}], "end_matter": []})
    dump("rmrb_1946_%s.json" % page, {"source": fname, "articles": arts})


def parse_originals(path):
    """Line format:
        === id | kind | desk       starts an article
        T: title                   (a two-part title: parts separated by one space)
        S: subtitle                B: byline as golden | printed form (optional)
        C: page it is continued from
        H: one-line head           H2: first line || second line   (a two-line head)
        P: paragraph               E: end-matter line
    """
    arts, a, sec = [], None, None
    for raw in open(path, encoding="utf-8"):
        ln = raw.rstrip("\n")
        if not ln.strip() or ln.startswith("#"):
            continue
        if ln.startswith("=== "):
            idd, kind, desk = [x.strip() for x in ln[4:].split("|")]
            a = {"id": idd, "origin": "original (written for this harness)", "kind": kind,
                 "desk": desk, "title": None, "subtitle": None, "byline": None,
                 "continued_from_page": None, "sections": [], "end_matter": []}
            sec = None
            arts.append(a)
            continue
        tag, _, val = ln.partition(": ")
        if tag == "T":
            a["title"] = val
        elif tag == "S":
            a["subtitle"] = val
        elif tag == "B":
            g, _, p = val.partition(" | ")
            a["byline"] = g
            if p:
                a["byline_print"] = p
        elif tag == "C":
            a["continued_from_page"] = int(val)
        elif tag == "H":
            sec = {"heading": val, "paragraphs": []}
            a["sections"].append(sec)
        elif tag == "H2":
            parts = val.split(" || ")
            sec = {"heading": "".join(re.sub(r"\s+", "", p) for p in parts),
                   "heading_lines": parts, "paragraphs": []}
            a["sections"].append(sec)
        elif tag == "P":
            if sec is None:
                sec = {"heading": None, "paragraphs": []}
                a["sections"].append(sec)
            sec["paragraphs"].append(val)
        elif tag == "E":
            a["end_matter"].append(val)
        else:
            raise SystemExit("bad line: %r" % ln)
    return arts


def main():
    os.makedirs(MAT, exist_ok=True)
    if "--originals-only" not in sys.argv:
        seed()
        corpus("p1", "rmrb_1946-05-16_p1_fangj-rmrb.txt")
        corpus("p2", "rmrb_1946-05-16_p2_fangj-rmrb.txt")
    for name in ("originals_train", "originals_holdout", "originals_extra", "originals_extra2",
                 "originals_extra3", "originals_extra4", "originals_fresh", "originals_blind", "originals_probe",
                 "originals_blind2", "rmrb1946_extra"):
        p = os.path.join(MAT, name + ".txt")
        if os.path.exists(p):
            arts = parse_originals(p)
            if name.startswith("rmrb1946"):
                arts = [three_part_deck(a) for a in arts]
            dump(name + ".json", {"source": os.path.basename(p), "articles": arts})


def three_part_deck(a):
    """`rmrb1946_extra.txt` writes a 1946 three-part deck as `T:` the 主题 and `S:` the
    引题 and 副题 joined by one space; printed, the 引题 goes above the title and the 副题
    below (as the 1946 pages' decks). A subtitle without exactly one space stays a
    subtitle printed below."""
    a["origin"] = "人民日报 1946 (public domain, fangj/rmrb)"
    sub = a.get("subtitle")
    if sub and sub.count(" ") == 1:
        k, s = sub.split(" ")
        a["deck"] = [["K", k], ["M", a["title"]], ["S", s]]
    return a


if __name__ == "__main__":
    main()
