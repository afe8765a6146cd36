#!/usr/bin/env python3
"""Per-family table for the page harness: runs `pizhu outline FILE --json` on every kept
extraction / text page listed in tests/fixtures/pages/index.json and scores it against
its golden (comparison as in ../shared/tools/outline_score.py: whitespace removed, □■
removed from bylines; paragraphs and end-matter lines together).

    python3 tests/harness/score.py [--bin target/release/pizhu] [--split holdout]
                                   [--family f2] [--show-fails]
    python3 tests/harness/score.py --self-check   # scores each golden against itself
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PAGES = os.path.join(ROOT, "tests", "fixtures", "pages")
SQ = lambda s: re.sub(r"[\s□■]+", "", s or "")


def paras(o):
    for a in o["articles"]:
        for s in a["sections"]:
            for p in s["paragraphs"]:
                yield SQ(p if isinstance(p, str) else p.get("text", ""))
        for e in a.get("end_matter") or []:
            yield SQ(e if isinstance(e, str) else e.get("text", ""))


def score(gold, act):
    ga, aa = gold["articles"], act.get("articles", [])
    at = {SQ(a.get("title")): a for a in aa}
    r = Counter()
    r["titles"] = sum(SQ(g["title"]) in at for g in ga)
    r["titles_n"] = len(ga)
    heads_g = Counter(SQ(s["heading"]) for g in ga for s in g["sections"] if s["heading"])
    heads_a = Counter(SQ(s.get("heading")) for a in aa for s in a.get("sections", [])
                      if s.get("heading"))
    r["heads"] = sum((heads_g & heads_a).values())
    r["heads_n"] = sum(heads_g.values())
    r["heads_extra"] = sum((heads_a - heads_g).values())
    for g in ga:
        a = at.get(SQ(g["title"]))
        if g.get("byline"):
            r["bylines_n"] += 1
            r["bylines"] += a is not None and SQ(g["byline"]) == SQ(a.get("byline"))
        if g.get("subtitle"):
            r["subtitles_n"] += 1
            r["subtitles"] += a is not None and SQ(g["subtitle"]) == SQ(a.get("subtitle"))
    pg, pa = Counter(paras(gold)), Counter(paras(act))
    tp = sum((pg & pa).values())
    r["tp"], r["np_g"], r["np_a"] = tp, sum(pg.values()), sum(pa.values())
    r["whole"] = int(r["titles"] == r["titles_n"] and r["heads"] == r["heads_n"]
                     and not r["heads_extra"] and len(aa) == len(ga)
                     and tp == r["np_g"] == r["np_a"])
    return r


def outline(binp, path):
    """`pizhu outline PATH --json`; no articles where it printed no JSON."""
    out = subprocess.run([binp, "outline", path, "--json"], capture_output=True)
    try:
        return json.loads(out.stdout)
    except ValueError:
        return {"articles": []}


def main(argv):
    binp = argv[argv.index("--bin") + 1] if "--bin" in argv else \
        os.path.join(ROOT, "target", "release", "pizhu")
    split = argv[argv.index("--split") + 1] if "--split" in argv else None
    fam = argv[argv.index("--family") + 1] if "--family" in argv else None
    idx = json.load(open(os.path.join(PAGES, "index.json"), encoding="utf-8"))
    table = defaultdict(Counter)
    for p in idx["pages"]:
        if (split and p["split"] != split) or (fam and p["family"] != fam):
            continue
        gold = json.load(open(os.path.join(PAGES, p["golden"]), encoding="utf-8"))
        for ext, rel in sorted(p["texts"].items()):
            path = os.path.join(PAGES, rel)
            if "--self-check" in argv:
                act = gold
            else:
                act = outline(binp, path)
            r = score(gold, act)
            key = (p["split"], p["family"], ext)
            table[key] += r
            table[key]["files"] += 1
            if "--show-fails" in argv and not r["whole"]:
                print("  not whole:", rel, dict(r))
    print("%-8s %-28s %-9s %5s %7s %7s %7s %7s %6s %6s" % (
        "split", "family", "extractor", "files", "whole", "titles", "bylines", "heads",
        "parF1", "subt"))
    for (sp, fa, ex), r in sorted(table.items()):
        prec = r["tp"] / max(1, r["np_a"])
        rec = r["tp"] / max(1, r["np_g"])
        f1 = 2 * prec * rec / max(1e-9, prec + rec)
        print("%-8s %-28s %-9s %5d %7s %7s %7s %7s %6.3f %6s" % (
            sp, fa, ex, r["files"], "%d" % r["whole"], "%d/%d" % (r["titles"], r["titles_n"]),
            "%d/%d" % (r["bylines"], r["bylines_n"]), "%d/%d" % (r["heads"], r["heads_n"]),
            f1, "%d/%d" % (r["subtitles"], r["subtitles_n"])))


if __name__ == "__main__":
    main(sys.argv[1:])
