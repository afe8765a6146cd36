#!/usr/bin/env python3
"""The text reflow measured on a second typesetter's pages: extracts every `alt/*.pdf`
(make_pages_alt.py, never tuned on) with the four extractors the harness uses, runs
`pizhu outline FILE --json` on each extraction and scores it against the page's golden
(as score.py does). The extractions are not kept as fixtures: alt stays a measure, and
nothing here is a test. As make_pages.py does for the harness, an extraction whose text
order breaks a golden title or paragraph (no reflow could recover it) is counted apart.

    python3 tests/harness/score_alt.py [--bin target/release/pizhu] [--keep DIR] [--pages]

Needs pdftotext (poppler-utils), mutool (mupdf-tools) and pdf2txt.py (pdfminer.six).
"""
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from types import SimpleNamespace

from make_pages import EXTRACTORS, order_problems
from score import PAGES, ROOT, outline, score


def printed_runs(gold):
    """What order_problems needs of a page: the strings printed outside the body."""
    runs = [{"role": "furniture", "text": t} for t in gold.get("page_furniture", [])]
    for a in gold["articles"]:
        for role in ("title", "subtitle", "byline"):
            if a.get(role):
                runs.append({"role": role, "text": a[role]})
        for s in a["sections"]:
            if s.get("heading"):
                runs.append({"role": "heading", "text": s["heading"]})
    return SimpleNamespace(runs=runs)


def f1(r):
    prec = r["tp"] / max(1, r["np_a"])
    rec = r["tp"] / max(1, r["np_g"])
    return 2 * prec * rec / max(1e-9, prec + rec)


def row(name, r, files):
    return "%-18s %5d %7s %7s %7s %5s %7s %6.3f" % (
        name, files, "%d/%d" % (r["titles"], r["titles_n"]),
        "%d/%d" % (r["bylines"], r["bylines_n"]), "%d/%d" % (r["heads"], r["heads_n"]),
        r["heads_extra"], "%d/%d" % (r["subtitles"], r["subtitles_n"]), f1(r))


def main(argv):
    binp = argv[argv.index("--bin") + 1] if "--bin" in argv else \
        os.path.join(ROOT, "target", "release", "pizhu")
    out_dir = argv[argv.index("--keep") + 1] if "--keep" in argv else tempfile.mkdtemp()
    os.makedirs(out_dir, exist_ok=True)
    alt = os.path.join(PAGES, "alt")
    env = dict(os.environ, PYTHONHASHSEED="0")  # pdfminer's order depends on it
    totals, files, complete = {}, Counter(), Counter()
    for name in sorted(f for f in os.listdir(alt) if f.endswith(".pdf")):
        page = name[:-4]
        gold = json.load(open(os.path.join(alt, page + ".golden.json"), encoding="utf-8"))
        for ext, command in EXTRACTORS:
            text = os.path.join(out_dir, "%s.%s.txt" % (page, ext))
            subprocess.run(command(os.path.join(alt, name), text), check=True, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(text, encoding="utf-8") as f:
                broken, _ = order_problems(f.read(), gold, printed_runs(gold))
            if broken:
                ext = ext + " (broken)"
            r = score(gold, outline(binp, text))
            totals.setdefault(ext, Counter())
            totals[ext] += r
            files[ext] += 1
            whole = (f1(r) >= 0.95 and r["titles"] == r["titles_n"]
                     and r["bylines"] == r["bylines_n"] and r["heads"] == r["heads_n"])
            complete[ext] += whole
            if "--pages" in argv:
                print("  %s.%s titles %d/%d bylines %d/%d heads %d/%d (+%d) F1 %.3f" % (
                    page, ext, r["titles"], r["titles_n"], r["bylines"], r["bylines_n"],
                    r["heads"], r["heads_n"], r["heads_extra"], f1(r)))
    print("%-18s %5s %7s %7s %7s %5s %7s %6s" % (
        "extractor", "files", "titles", "bylines", "heads", "extra", "subt", "parF1"))
    for ext in sorted(totals):
        print(row(ext, totals[ext], files[ext]), " complete %d" % complete[ext])
    kept = [e for e in totals if "broken" not in e]
    print(row("kept", sum((totals[e] for e in kept), Counter()), sum(files[e] for e in kept)),
          " complete %d" % sum(complete[e] for e in kept))
    print(row("all", sum(totals.values(), Counter()), sum(files.values())),
          " complete %d" % sum(complete.values()))


if __name__ == "__main__":
    main(sys.argv[1:])
