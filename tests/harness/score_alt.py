#!/usr/bin/env python3
"""The text reflow measured on a second typesetter's pages: extracts every `alt/*.pdf`
(make_pages_alt.py, never tuned on) with the four extractors the harness uses, runs
`pizhu outline FILE --json` on each extraction and scores it against the page's golden
(as score.py does). The extractions are not kept as fixtures: alt stays a measure, and
nothing here is a test.

    python3 tests/harness/score_alt.py [--bin target/release/pizhu] [--keep DIR] [--pages]

Needs pdftotext (poppler-utils), mutool (mupdf-tools) and pdf2txt.py (pdfminer.six).
"""
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter

from score import PAGES, ROOT, score

EXTRACTORS = [
    ("pdftotext", lambda pdf, out: ["pdftotext", "-enc", "UTF-8", pdf, out]),
    ("raw", lambda pdf, out: ["pdftotext", "-raw", "-enc", "UTF-8", pdf, out]),
    ("pdfminer", lambda pdf, out: ["pdf2txt.py", "-o", out, pdf]),
    ("mutool", lambda pdf, out: ["mutool", "draw", "-q", "-F", "txt", "-o", out, pdf]),
]


def f1(r):
    prec = r["tp"] / max(1, r["np_a"])
    rec = r["tp"] / max(1, r["np_g"])
    return 2 * prec * rec / max(1e-9, prec + rec)


def row(name, r, files):
    return "%-10s %5d %7s %7s %7s %5s %7s %6.3f" % (
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
            run = subprocess.run([binp, "outline", text, "--json"], capture_output=True)
            try:
                act = json.loads(run.stdout)
            except ValueError:
                act = {"articles": []}
            r = score(gold, act)
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
    print("%-10s %5s %7s %7s %7s %5s %7s %6s" % (
        "extractor", "files", "titles", "bylines", "heads", "extra", "subt", "parF1"))
    for ext, _ in EXTRACTORS:
        print(row(ext, totals[ext], files[ext]), " complete %d" % complete[ext])
    print(row("all", sum(totals.values(), Counter()), sum(files.values())),
          " complete %d" % sum(complete.values()))


if __name__ == "__main__":
    main(sys.argv[1:])
