#!/usr/bin/env python3
"""Page harness for the reflow (issue 10) and the PDF reader (issue 11).

Typesets newspaper pages from known article structure (tests/harness/material/*.json),
writes each page as PDF, extracts it with four real extractors, and keeps the golden
structure of every page.  Also writes text-only pages (hard-wrapped, title-first,
one paragraph per line, GB18030+CRLF, UTF-16LE+CR).

    python3 tests/harness/make_pages.py            # regenerate tests/fixtures/pages/
    python3 tests/harness/make_pages.py --import   # rebuild material/ from ../shared (once)

Deterministic: every random choice comes from random.Random seeded by split, family and
page number; reportlab runs with invariant=1 (no dates or random ids in the PDF).

A page is first *described* (every text run with x, y, font, size, char spacing, render
mode and its golden role, plus drawn rules), then rendered by a backend:
  - reportlab (simple TrueType fonts, subset, one run per line, Tc char spacing),
  - reportlab with the runs written in shuffled order (".shuffled.pdf"),
  - cairo with Noto Serif CJK (CID-keyed CFF, Identity-H) (".cff.pdf"), see render_cairo().
"""
import json
import os
import random
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MAT = os.path.join(HERE, "material")
OUT = os.path.join(ROOT, "tests", "fixtures", "pages")

SEEDS = {"train": 20250101, "holdout": 77770707, "extra": 31415926, "fresh": 26113004,
         "blind": 58201130, "probe": 61301126, "blind2": 93071130}
# "extra": more training pages from more material (train-only; its PDFs are not kept,
# only the extractions and goldens, to keep the repository small).
# "fresh": articles written 2026-11-30 after reflow model 4 and the PDF layout rules were
# fixed; never used for tuning, scored only (PDFs kept, like holdout).
# "blind": articles written 2026-11-30 by a helper that did not read the reflow or layout
# code; never used for tuning, scored only (PDFs kept, like fresh).
# "probe": 26 articles written 2026-11-30 (session 8) by a helper blind to the code, with
# many kinds of heads and decks; scored once on reflow model 11, then used to diagnose and
# tune (not held out after that). "blind2": 22 articles written at the same time by another
# helper blind to the code and to probe; never used for tuning, scored only. Neither keeps
# its PDFs (extractions and goldens only).
SPLITS = ("train", "holdout", "extra", "fresh", "blind", "probe", "blind2")
KEEP_PDFS = {"train": True, "holdout": True, "extra": False, "fresh": True, "blind": True,
             "probe": False, "blind2": False}

UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
ZENHEI = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
NOTO_SERIF = os.path.join(ROOT, "assets", "fonts", "NotoSerifCJK-Regular.ttc")
NOTO_SANS = os.path.join(ROOT, "assets", "fonts", "NotoSansCJK-Regular.ttc")

PAGE_W, PAGE_H = 842.0, 1191.0  # A3 portrait, points
MARGIN = 34.0

# Characters that may not start a line, and that may not end one.
LEADING = 1.42  # line pitch / body size (Chinese dailies: about 1.4-1.6)
GUTTER = 2.0   # column gap, in body ems
BLOCK_GAP = 26.0  # gap between side-by-side blocks (f3, f5), points
NO_START = set("，。、；：？！”’）》」』】…—·%")
NO_END = set("“‘（《「『【-")

# --------------------------------------------------------------------------------------
# fonts and widths
# --------------------------------------------------------------------------------------
_FONTS_DONE = False


def fonts():
    global _FONTS_DONE
    if _FONTS_DONE:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    pdfmetrics.registerFont(TTFont("body", UMING, subfontIndex=0))     # AR PL UMing CN
    pdfmetrics.registerFont(TTFont("heavy", ZENHEI, subfontIndex=0))   # WenQuanYi Zen Hei
    _FONTS_DONE = True


def width(text, font, size):
    from reportlab.pdfbase.pdfmetrics import stringWidth
    fonts()
    return stringWidth(text, font, size)


# --------------------------------------------------------------------------------------
# line breaking
# --------------------------------------------------------------------------------------
def is_ascii_word(c):
    return c.isascii() and (c.isalnum() or c in ".%-+/")


def break_lines(text, font, size, first_w, w):
    """Greedy line breaking with the two Chinese rules (no closing punctuation at a line
    start, no opening one at a line end: the offending character is pushed to the next
    line) and ASCII words kept whole when short."""
    lines, cur, cur_w, cap = [], [], 0.0, first_w
    for c in text:
        cw = width(c, font, size)
        if cur and cur_w + cw > cap + 0.01:
            carry = []
            if c in NO_START:
                while len(cur) > 2 and (c in NO_START or cur[-1] in NO_START):
                    carry.insert(0, cur.pop())
                    if carry[0] not in NO_START:
                        break
            elif is_ascii_word(c) and is_ascii_word(cur[-1]):
                k = len(cur)
                while k > 0 and is_ascii_word(cur[k - 1]):
                    k -= 1
                if k > len(cur) // 2:
                    carry, cur = cur[k:], cur[:k]
            while len(cur) > 2 and cur[-1] in NO_END:
                carry.insert(0, cur.pop())
            lines.append("".join(cur))
            cur = carry + [c]
            cur_w = sum(width(x, font, size) for x in cur)
            cap = w
        else:
            cur.append(c)
            cur_w += cw
    if cur:
        lines.append("".join(cur))
    return lines


# --------------------------------------------------------------------------------------
# page description
# --------------------------------------------------------------------------------------
class Page:
    def __init__(self, pid, family, split):
        self.pid, self.family, self.split = pid, family, split
        self.runs = []    # dict(text, x, y, font, size, cs, mode, role, art)
        self.rules = []   # (x0, y0, x1, y1, width)
        self.articles = []
        self.furniture = []
        # how runs with mode 2 (fake bold) are written: "tr2" = one run, text render
        # mode 2 (fill+stroke); "fill_stroke" = the run twice, mode 0 then mode 1;
        # "offset" = the run filled twice, the second 0.3 pt to the right.
        self.bold = "tr2"
        self.titles_last = False  # deck runs written after their article's body

    def run(self, text, x, y, font, size, cs=0.0, mode=0, role="body", art=None, unit=None):
        """unit: for para runs the paragraph's index in its article (counted over all its
        sections; a run that starts a paragraph has role "para_start"), for heading runs
        the section index."""
        r = dict(text=text, x=round(x, 2), y=round(y, 2), font=font, size=round(size, 2),
                 cs=round(cs, 3), mode=mode, role=role, art=art)
        if unit is not None:
            r["unit"] = unit
        self.runs.append(r)

    def rule(self, x0, y0, x1, y1, w=0.6):
        self.rules.append((round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2), w))

    def golden(self):
        return {"source": self.pid, "family": self.family, "split": self.split,
                "page_furniture": list(self.furniture),
                "articles": [strip_private(a) for a in self.articles]}


def titles_last(page):
    """Write each article's title, kicker and subtitle runs after its body runs (they stay
    where they are on the page): pdftotext -raw then prints titles after bodies."""
    deck = ("title", "kicker", "subtitle")
    order = []
    for i in range(len(page.articles)):
        arts = [r for r in page.runs if r["art"] == i]
        order += [r for r in arts if r["role"] not in deck] + [r for r in arts if r["role"] in deck]
    page.runs = [r for r in page.runs if r["art"] is None] + order
    page.titles_last = True


def strip_private(a):
    return {k: a[k] for k in ("title", "subtitle", "byline", "continued_from_page",
                              "sections", "end_matter")}


# A "line" in a column: dict(text, font, size, mode, align, indent, lead, before, role, last)
def L(text, font="body", size=10, mode=0, align="justify", indent=0.0, lead=None,
      before=0.0, role="body", last=False, cs=None):
    return dict(text=text, font=font, size=size, mode=mode, align=align, indent=indent,
                lead=lead if lead is not None else size * LEADING, before=before, role=role,
                last=last, cs=cs)


def para_lines(text, size, colw, first_indent=True, role="para"):
    ind = 2 * size if first_indent else 0.0
    out = []
    for i, s in enumerate(break_lines(text, "body", size, colw - ind, colw)):
        out.append(L(s, size=size, indent=ind if i == 0 else 0.0, role=role))
    if out:
        out[-1]["last"] = True
    return out


def body_lines(art, size, colw, rng, opts):
    """Lines of an article's body column material, in order: marker, byline, sections
    (heads and paragraphs), end matter. Returns (lines, golden article)."""
    g = {"title": art["title"], "subtitle": art.get("subtitle"), "byline": art.get("byline"),
         "continued_from_page": opts.get("cont", art.get("continued_from_page")),
         "sections": [], "end_matter": []}
    lines = []
    lead = size * LEADING
    if g["continued_from_page"] is not None:
        pg = g["continued_from_page"]
        mk = rng.choice(["■上接第%d版", "■上接第%d版", "（上接第%s版）"])
        mk = mk % pg if "%d" in mk else mk % cn_num(pg)
        lines.append(L(mk, font="heavy", size=size, align="left", role="marker"))
    if art.get("byline") and opts.get("byline_in_body", True):
        bp = art.get("byline_print") or art["byline"]
        for i, bl in enumerate(wrap_words(bp, "heavy", size * 0.95, colw)):
            lines.append(L(bl, font="heavy", size=size * 0.95, align="left", role="byline",
                           before=lead * 0.2 if i == 0 else 0.0))
    npara = 0
    for si, sec in enumerate(art["sections"]):
        gs = {"heading": sec.get("heading"), "paragraphs": []}
        if sec.get("heading"):
            hl = sec.get("heading_lines") or [sec["heading"]]
            first = True
            for h in hl:
                for s in break_lines(h, "body", size, colw, colw):
                    lines.append(L(s, size=size, mode=2, align="center", role="heading",
                                   before=lead * 0.4 if first else 0.0))
                    lines[-1]["unit"] = si
                    first = False
        for p in sec["paragraphs"]:
            lines.append(("P", p, npara))  # placeholder: expanded below
            npara += 1
            gs["paragraphs"].append(p)
        g["sections"].append(gs)
    out = []
    for x in lines:
        if isinstance(x, tuple):
            pl = para_lines(x[1], size, colw)
            for i, ln in enumerate(pl):
                ln["unit"] = x[2]
                if i == 0:
                    ln["role"] = "para_start"
            out.extend(pl)
        else:
            out.append(x)
    for e in art.get("end_matter") or []:
        out.extend(end_lines(e, size, colw))
        g["end_matter"].append(e)
    return out, g


def wrap_words(text, font, size, w):
    """Break a byline at its spaces (between names), characters only as a last resort."""
    out, cur = [], ""
    for tok in re.split(r"(?<=\S)(?= \S)", text):
        if cur and width(cur + tok, font, size) > w:
            out.append(cur)
            cur = tok.lstrip()
        else:
            cur += tok
    if cur:
        out.append(cur)
    res = []
    for o in out:
        res.extend(break_lines(o, font, size, w, w) if width(o, font, size) > w else [o])
    return res


def end_lines(e, size, colw):
    if width(e, "body", size) <= colw:
        return [L(e, size=size, align="right", role="end")]
    ls = [L(s, size=size, role="end") for s in break_lines(e, "body", size, colw, colw)]
    ls[-1]["last"] = True
    return ls


CN_DIGITS = "零一二三四五六七八九十"


def cn_num(n):
    if n <= 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + CN_DIGITS[n - 10]
    return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")


def truncated(art, keep_paras, to_page, rng):
    """The article cut after its first keep_paras paragraphs, continued on to_page."""
    a = json.loads(json.dumps(art))
    n = 0
    secs = []
    for s in a["sections"]:
        if n >= keep_paras:
            break
        ps = s["paragraphs"][: keep_paras - n]
        n += len(ps)
        s["paragraphs"] = ps
        secs.append(s)
    a["sections"] = secs
    a["end_matter"] = [rng.choice(["（下转第%s版）" % cn_num(to_page), "（下转第%d版）" % to_page])]
    return a


def n_paras(art):
    return sum(len(s["paragraphs"]) for s in art["sections"])


# --------------------------------------------------------------------------------------
# column flow
# --------------------------------------------------------------------------------------
def pack(lines, ncols, h):
    """Greedy packing into ncols columns of height h; returns list of columns or None."""
    cols, cur, y = [], [], 0.0
    for ln in lines:
        need = ln["lead"] + (ln["before"] if cur else 0.0)
        if cur and y + need > h + 0.01:
            cols.append(cur)
            cur, y = [], 0.0
            need = ln["lead"]
            if len(cols) >= ncols:
                return None
        if not cur and ln["lead"] > h:
            return None
        cur.append(ln)
        y += need
    cols.append(cur)
    return cols if len(cols) <= ncols else None


def balance(lines, ncols, hmax):
    """Smallest column height (<= hmax) at which lines pack into ncols columns."""
    if pack(lines, ncols, hmax) is None:
        return None
    lo, hi = 0.0, hmax
    for _ in range(30):
        mid = (lo + hi) / 2
        if pack(lines, ncols, mid) is None:
            lo = mid
        else:
            hi = mid
    return hi


def draw_columns(page, cols, x0, top, colw, gutter, art_i):
    for ci, col in enumerate(cols):
        x = x0 + ci * (colw + gutter)
        y = top
        for li, ln in enumerate(col):
            if li:
                y -= ln["before"]
            y -= ln["lead"]
            base = y + ln["lead"] * 0.25
            draw_line(page, ln, x, base, colw, art_i)
    return


def draw_line(page, ln, x, base, colw, art_i):
    t, f, s = ln["text"], ln["font"], ln["size"]
    avail = colw - ln["indent"]
    nat = width(t, f, s)
    cs = 0.0
    xx = x + ln["indent"]
    if ln.get("cs") is not None:
        cs = ln["cs"]
        nat += cs * (len(t) - 1)
    if ln["align"] == "justify" and not ln["last"] and len(t) > 1:
        cs = (avail - nat) / (len(t) - 1)
    elif ln["align"] == "center":
        xx = x + (colw - nat) / 2
    elif ln["align"] == "right":
        xx = x + colw - nat
    page.run(t, xx, base, f, s, cs=cs, mode=ln["mode"], role=ln["role"], art=art_i,
             unit=ln.get("unit"))


def heading_block(page, lines_spec, x0, w, top, art_i):
    """Centered stacked lines (title, kicker, subtitle) over width w, from top downwards.
    lines_spec: list of dict(text, font, size, cs, mode, role, gap). Returns new top."""
    y = top
    for sp in lines_spec:
        size = sp["size"]
        y -= sp.get("gap", 0.0)
        y -= size * 1.25
        t = sp["text"]
        cs = sp.get("cs", 0.0)
        nat = width(t, sp["font"], size) + cs * (len(t) - 1)
        x = x0 + (w - nat) / 2 if sp.get("align", "center") == "center" else x0
        page.run(t, x, y + size * 0.18, sp["font"], size, cs=cs, mode=sp.get("mode", 0),
                 role=sp["role"], art=art_i)
    return y


def title_specs(art, w, size, rng, spaced=False, sub_size=None, small=False):
    """Printed lines of an article's deck: kicker(s) above, title line(s), subtitle(s)."""
    sub_size = sub_size or max(size * 0.55, 11)
    specs = []
    for k in art.get("kicker_lines", []):
        for s in break_lines(k, "heavy", sub_size, w, w):
            specs.append(dict(text=s, font="heavy", size=sub_size, role="kicker", gap=2))
    parts = art.get("title_parts") or [art["title"]]
    joined = " ".join(parts)
    tsize = size
    cs = 0.0
    if spaced:
        cs = tsize * rng.uniform(0.7, 1.2)
        while len(joined) * (tsize + cs) > w and tsize > 14:
            tsize *= 0.92
            cs = tsize * 0.8
    tlines = []
    if width(joined, "heavy", tsize) + cs * (len(joined) - 1) <= w:
        tlines = [joined]
    else:
        for p in parts:
            tlines.extend(break_lines(p, "heavy", tsize, w - cs * 20, w - cs * 20))
    for i, t in enumerate(tlines):
        specs.append(dict(text=t, font="heavy", size=tsize, cs=cs, role="title",
                          gap=4 if i == 0 else 1))
    for sline in art.get("subtitle_lines", []):
        for s in break_lines(sline, "heavy" if small else "body", sub_size, w, w):
            specs.append(dict(text=s, font="body", size=sub_size, role="subtitle", gap=3,
                              mode=0))
    return specs


# --------------------------------------------------------------------------------------
# material: deck lines, printed forms
# --------------------------------------------------------------------------------------
def prepared(art):
    """Fill printing fields: title_parts, kicker_lines, subtitle_lines."""
    a = dict(art)
    a.setdefault("title_parts", [p for p in art["title"].split(" ") if p])
    if "deck" in art:  # corpus: K/M/S lines
        a["kicker_lines"] = [t for r, t in art["deck"] if r == "K"]
        a["subtitle_lines"] = [t for r, t in art["deck"] if r == "S"]
        a["title_parts"] = [t for r, t in art["deck"] if r == "M"]
    else:
        a["kicker_lines"] = []
        a["subtitle_lines"] = [art["subtitle"]] if art.get("subtitle") else []
    return a


def art_chars(a):
    return sum(len(p) for s in a["sections"] for p in s["paragraphs"])


# --------------------------------------------------------------------------------------
# placing an article in a rectangle
# --------------------------------------------------------------------------------------
def place_article(page, art, x0, top, w, hmax, ncols, size, rng, title="above",
                  tsize=None, spaced=False, cont=None, min_lines=8, to_page=None,
                  rule_below=True):
    """Typeset one article in a box (x0, top, width w, at most hmax tall) with ncols
    body columns of size-pt text. Cuts it with a 下转 marker when it does not fit.
    Returns the bottom y, or None when not even min_lines fit."""
    art = prepared(art)
    gutter = size * GUTTER
    chars = lambda n: int(((w - gutter * (n - 1)) / n) // size)
    while chars(ncols) > 20:     # columns 10-20 characters wide
        ncols += 1
    while chars(ncols) < 10 and ncols > 1:
        ncols -= 1
    colw_full = (w - gutter * (ncols - 1)) / ncols
    cchars = int(colw_full // size)
    colw = cchars * size
    gutter = (w - colw * ncols) / max(1, ncols - 1) if ncols > 1 else 0
    tsize = tsize or size * rng.uniform(1.7, 2.6)
    specs = title_specs(art, w, tsize, rng, spaced=spaced)
    th = sum(sp["size"] * 1.25 + sp.get("gap", 0) for sp in specs) + size * 0.8
    hbody = hmax - th
    if hbody < size * 1.5 * min_lines:
        return None
    opts = {"cont": cont} if cont is not None else {}
    # try whole, then cut paragraph by paragraph
    keep = n_paras(art)
    a2 = art
    while True:
        lines, g = body_lines(a2, size, colw, rng, opts)
        h = balance(lines, ncols, hbody)
        if h is not None:
            break
        keep -= 1
        if keep < 1:
            return None
        a2 = prepared(truncated(art, keep, to_page or rng.choice([4, 5, 8, 12]), rng))
        a2.update({k: art[k] for k in ("title_parts", "kicker_lines", "subtitle_lines")})
    cols = pack(lines, ncols, h)
    ai = len(page.articles)
    g["title"] = art["title"]
    g["subtitle"] = art.get("subtitle")
    page.articles.append(g)
    if title == "above":
        y = heading_block(page, specs, x0, w, top, ai) - size * 0.8
        draw_columns(page, cols, x0, y, colw, gutter, ai)
        bottom = y - h
    else:  # below
        draw_columns(page, cols, x0, top, colw, gutter, ai)
        y = top - h - size * 0.5
        bottom = heading_block(page, specs, x0, w, y, ai) - size * 0.3
    for ci in range(1, len(cols)):
        xr = x0 + ci * (colw + gutter) - gutter / 2
        ytop = (top - th) if title == "above" else top
        page.rule(xr, ytop, xr, ytop - h + size * 0.3, 0.3)
    if rule_below:
        page.rule(x0, bottom - size * 0.4, x0 + w, bottom - size * 0.4, 0.8)
    return bottom - size * 1.2


# --------------------------------------------------------------------------------------
# page furniture
# --------------------------------------------------------------------------------------
PAPERS = ["人民日报", "东海日报", "滨江日报", "北方晨报", "南山日报"]
WEEK = "一二三四五六日"
NAMES = ["张三", "李雪", "王海燕", "赵磊", "陈思远", "刘洋", "周敏", "吴桐"]
PAGE_NAMES = ["要闻", "评论", "经济", "文化", "国际", "地方", "视点", "综合"]


def furniture(page, rng, top=True, foot=True):
    import datetime
    y = PAGE_H - MARGIN
    pn = rng.randint(2, 16)
    d = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
    date = "%d年%d月%d日 星期%s" % (d.year, d.month, d.day, WEEK[d.weekday()])
    items = []
    if top:
        paper = rng.choice(PAPERS)
        pname = rng.choice(PAGE_NAMES)
        sz = 11
        page.run(paper, MARGIN, y - 14, "heavy", 15, role="furniture")
        w = width(date, "body", sz)
        page.run(date, (PAGE_W - w) / 2, y - 13, "body", sz, role="furniture")
        ban = "第%d版" % pn
        w2 = width(ban, "heavy", sz)
        w3 = width(pname, "heavy", 13)
        page.run(ban, PAGE_W - MARGIN - w3 - w2 - 14, y - 13, "heavy", sz, role="furniture")
        page.run(pname, PAGE_W - MARGIN - w3, y - 13, "heavy", 13, role="furniture")
        page.rule(MARGIN, y - 20, PAGE_W - MARGIN, y - 20, 1.2)
        items += [paper, date, ban, pname]
    if foot:
        ed = "责编：%s" % rng.choice(NAMES)
        de = "美编：%s" % rng.choice(NAMES)
        page.rule(MARGIN, MARGIN + 14, PAGE_W - MARGIN, MARGIN + 14, 0.6)
        page.run(ed, MARGIN, MARGIN + 2, "body", 9, role="furniture")
        page.run(de, MARGIN + 80, MARGIN + 2, "body", 9, role="furniture")
        num = str(pn)
        page.run(num, PAGE_W - MARGIN - width(num, "heavy", 10), MARGIN + 2, "heavy", 10,
                 role="furniture")
        items += [ed, de, num]
    page.furniture = items
    return (y - 30 if top else y), (MARGIN + 22 if foot else MARGIN)


# --------------------------------------------------------------------------------------
# families
# --------------------------------------------------------------------------------------
class Picker:
    """Cycles through a split's articles in a seeded order; pick(pred) returns the next
    article satisfying pred (each article used about equally often)."""

    def __init__(self, arts, rng):
        self.arts = list(arts)
        rng.shuffle(self.arts)
        self.uses = {a["id"]: 0 for a in self.arts}

    def pick(self, pred=lambda a: True, exclude=()):
        cands = [a for a in self.arts if pred(a) and a["id"] not in exclude]
        if not cands:
            cands = [a for a in self.arts if a["id"] not in exclude]
        a = min(cands, key=lambda a: (self.uses[a["id"]], self.arts.index(a)))
        self.uses[a["id"]] += 1
        return a


def has_heads(a):
    return any(s.get("heading") for s in a["sections"])


def is_brief(a):
    return a.get("kind") == "brief" or (art_chars(a) < 260 and not has_heads(a))


def stack(page, picker, rng, top, bottom, title="above", spaced=False, ncols_range=(4, 6),
          cchars_range=(12, 18), pred=lambda a: True, conts=0.0, first_pred=None,
          used=None):
    """Articles as full-width bands from top to bottom."""
    used = used if used is not None else set()
    y = top
    first = True
    while y - bottom > 140:
        pr = first_pred if (first and first_pred) else pred
        a = picker.pick(pr, exclude=used)
        ncols = rng.randint(*ncols_range)
        size, w = size_for(ncols, rng.randint(*cchars_range), PAGE_W - 2 * MARGIN)
        cont = rng.choice([1, 2, 3]) if rng.random() < conts else None
        if is_brief(a):
            ncols = max(2, ncols - 2)
        b = place_article(page, a, MARGIN, y, PAGE_W - 2 * MARGIN, y - bottom, ncols, size,
                          rng, title=title, spaced=spaced, cont=cont)
        if b is None:
            break
        used.add(a["id"])
        y = b
        first = False
    return y


def size_for(ncols, cchars, w):
    gut = GUTTER
    size = w / (ncols * cchars + gut * (ncols - 1))
    size = max(8.0, min(11.5, size))
    return round(size, 2), w


def fam_f1(page, picker, rng):
    """F1: title above, one long multi-column article with section heads (+ more below)."""
    stack(page, picker, rng, PAGE_H - MARGIN, MARGIN, first_pred=has_heads,
          ncols_range=(4, 6), cchars_range=(12, 18))


def fam_f2(page, picker, rng):
    """F2: inner page, titles below their bodies, bodies opening with 上接 or bylines."""
    stack(page, picker, rng, PAGE_H - MARGIN, MARGIN, title="below", conts=0.6,
          ncols_range=(4, 6), cchars_range=(12, 17))


def blocks(page, picker, rng, nblocks, ncols, cchars_range, tscale=(1.6, 2.1)):
    """Side-by-side blocks, each with its own articles stacked, title above."""
    used = set()
    gap = BLOCK_GAP
    bw = (PAGE_W - 2 * MARGIN - gap * (nblocks - 1)) / nblocks
    for b in range(nblocks):
        x0 = MARGIN + b * (bw + gap)
        if b:
            page.rule(x0 - gap / 2, PAGE_H - MARGIN, x0 - gap / 2, MARGIN, 0.8)
        y = PAGE_H - MARGIN
        while y - MARGIN > 160:
            a = picker.pick(exclude=used)
            cchars = rng.randint(*cchars_range)
            size = max(8.0, min(11.5, bw / (ncols * cchars + GUTTER * (ncols - 1))))
            r = place_article(page, a, x0, y, bw, y - MARGIN, ncols, size, rng,
                              tsize=size * rng.uniform(*tscale))
            if r is None:
                break
            used.add(a["id"])
            y = r


def fam_f3(page, picker, rng):
    """F3: several articles side by side, each its own block of columns, title above."""
    nblocks = rng.choice([2, 3])
    blocks(page, picker, rng, nblocks, 2, (10, 14) if nblocks == 3 else (13, 19))


def fam_f7(page, picker, rng):
    """F7: narrow one-column articles (10-12 characters), titles wrapped over several
    lines inside the column."""
    blocks(page, picker, rng, rng.choice([5, 6]), 1, (10, 12), tscale=(1.5, 1.9))


def fam_f4(page, picker, rng):
    """F4: letter-spaced titles, subtitles, two-line section heads."""
    two = lambda a: any(s.get("heading_lines") and len(s["heading_lines"]) > 1
                        for s in a["sections"])
    stack(page, picker, rng, PAGE_H - MARGIN, MARGIN, spaced=True, first_pred=two,
          pred=lambda a: has_heads(a) or bool(a.get("subtitle")), ncols_range=(3, 5),
          cchars_range=(14, 20))


def fam_f5(page, picker, rng):
    """F5: a main block plus a briefs column: short articles under small titles."""
    ncol_b = rng.choice([1, 1, 2])
    cchars_b = rng.randint(10, 12)
    size = rng.uniform(9.0, 10.0)
    bw = ncol_b * cchars_b * size + (ncol_b - 1) * size * GUTTER
    left = rng.random() < 0.5
    mw = PAGE_W - 2 * MARGIN - bw - BLOCK_GAP
    mx = MARGIN + bw + BLOCK_GAP if left else MARGIN
    bx = MARGIN if left else MARGIN + mw + BLOCK_GAP
    used = set()
    y = PAGE_H - MARGIN
    while y - MARGIN > 160:
        a = picker.pick(lambda a: not is_brief(a), exclude=used)
        ncols = rng.randint(3, 4)
        cch = rng.randint(12, 16)
        s2 = max(8.0, min(11.5, mw / (ncols * cch + GUTTER * (ncols - 1))))
        r = place_article(page, a, mx, y, mw, y - MARGIN, ncols, s2, rng)
        if r is None:
            break
        used.add(a["id"])
        y = r
    # briefs read after the main block
    xr = bx + bw + BLOCK_GAP / 2 if left else bx - BLOCK_GAP / 2
    page.rule(xr, PAGE_H - MARGIN, xr, MARGIN, 0.8)
    y = PAGE_H - MARGIN
    while y - MARGIN > 90:
        a = picker.pick(is_brief, exclude=used)
        if not is_brief(a):
            break
        r = place_article(page, a, bx, y, bw, y - MARGIN, ncol_b, size, rng,
                          tsize=size * rng.uniform(1.25, 1.45), min_lines=3)
        if r is None:
            break
        used.add(a["id"])
        y = r


def fam_f6(page, picker, rng):
    """F6: page furniture (running head and foot), markers, 下转 cuts."""
    top, bottom = furniture(page, rng)
    stack(page, picker, rng, top, bottom, conts=0.5, ncols_range=(4, 6),
          cchars_range=(12, 17))


FAMILIES = {"f1": ("title above, long article with section heads", fam_f1),
            "f2": ("titles below bodies, 上接 markers / bylines first", fam_f2),
            "f3": ("articles side by side in blocks of 2 columns", fam_f3),
            "f4": ("letter-spaced titles, subtitles, two-line heads", fam_f4),
            "f5": ("main block plus a briefs column", fam_f5),
            "f6": ("page furniture: running head, foot, markers", fam_f6),
            "f7": ("narrow one-column articles, titles wrapped in the column", fam_f7)}
PAGES_PER_FAMILY = {"train": 4, "holdout": 4, "extra": 20, "fresh": 4, "blind": 4,
                    "probe": 4, "blind2": 4}
TEXT_PAGES_PER_LAYOUT = {"train": 2, "holdout": 2, "extra": 11, "fresh": 3, "blind": 3,
                         "probe": 3, "blind2": 3}


# --------------------------------------------------------------------------------------
# backends
# --------------------------------------------------------------------------------------
def write_layout(page, path):
    """The page description itself: every text run (x, y = baseline start in PDF points,
    font key, size, Tc char spacing, render mode 2 = fake bold, golden role, article index
    in the golden) and every rule. One run per line, for diffs."""
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"page": "%s", "width": %g, "height": %g, "bold_style": "%s",\n'
                % (page.pid, PAGE_W, PAGE_H, page.bold))
        f.write(' "fonts": {"body": "AR PL UMing CN (.pdf) / Noto Serif CJK SC (.cff.pdf)", '
                '"heavy": "WenQuanYi Zen Hei (.pdf) / Noto Sans CJK SC (.cff.pdf)"},\n')
        f.write(' "rules": %s,\n "runs": [\n' % json.dumps([list(r) for r in page.rules]))
        f.write(",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in page.runs))
        f.write("\n ]}\n")


def render_reportlab(page, path, shuffled=False, rng=None):
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.pdfgen import canvas
    fonts()
    c = canvas.Canvas(path, pagesize=(PAGE_W, PAGE_H), pageCompression=1)
    c.setTitle(page.pid)
    runs = list(page.runs)
    if shuffled:
        rng.shuffle(runs)
    for x0, y0, x1, y1, w in page.rules:
        c.setLineWidth(w)
        c.line(x0, y0, x1, y1)
    for r in runs:
        passes = [(0.0, r["mode"])]
        if r["mode"] == 2 and page.bold == "fill_stroke":
            passes = [(0.0, 0), (0.0, 1)]
        elif r["mode"] == 2 and page.bold == "offset":
            passes = [(0.0, 0), (0.3, 0)]
        for dx, mode in passes:
            t = c.beginText()
            t.setTextOrigin(r["x"] + dx, r["y"])
            t.setFont(r["font"], r["size"])
            t.setCharSpace(r["cs"])
            if mode:
                c.setLineWidth(r["size"] * 0.04)
                t.setTextRenderMode(mode)
            t.textOut(r["text"])
            if mode:
                t.setTextRenderMode(0)
            c.drawText(t)
    c.showPage()
    c.save()


EXTRACTORS = [
    ("pdftotext", lambda pdf, out: ["pdftotext", "-enc", "UTF-8", pdf, out]),
    ("raw", lambda pdf, out: ["pdftotext", "-raw", "-enc", "UTF-8", pdf, out]),
    ("pdfminer", lambda pdf, out: ["pdf2txt.py", "-o", out, pdf]),
    ("mutool", lambda pdf, out: ["mutool", "draw", "-q", "-F", "txt", "-o", out, pdf]),
]


def squeeze(s):
    return re.sub(r"\s+", "", s or "")


NON_BODY = ("title", "kicker", "subtitle", "furniture", "byline", "marker", "heading")


def order_problems(text, golden, page):
    """Golden titles and paragraphs that an extraction does not hold contiguously
    (whitespace removed), once lines that only repeat a printed non-body run (a title,
    deck line, byline, marker, heading or page furniture, possibly one character of a
    letter-spaced title) are set aside. Returns (broken, interrupted): broken strings
    cannot be recovered from this text by any reflow; interrupted ones can, by dropping
    or moving such a line (e.g. pdftotext printing a below-the-body title, or the page
    foot, between two columns of a paragraph)."""
    runs = {squeeze(r["text"]) for r in page.runs if r["role"] in NON_BODY}
    runs.discard("")

    def removable(ln):
        q = squeeze(ln)
        if not q:
            return False
        if q in runs or (len(q) <= 2 and any(q in r for r in runs)):
            return True
        # several runs on one line (e.g. 责编 and 美编)
        rest = q
        while rest:
            for r in sorted(runs, key=len, reverse=True):
                if rest.startswith(r):
                    rest = rest[len(r):]
                    break
            else:
                return False
        return True

    flat = squeeze(text)
    body = squeeze("\n".join(ln for ln in text.splitlines() if not removable(ln)))
    broken, interrupted = [], []
    for a in golden["articles"]:
        if squeeze(a["title"]) not in flat:
            broken.append("title " + a["title"])
        for s in a["sections"]:
            for p in s["paragraphs"]:
                q = squeeze(p)
                if q in flat:
                    continue
                (interrupted if q in body else broken).append("paragraph " + p[:16] + "…")
    return broken, interrupted


LABELS = {"title": "TITLE", "kicker": "KICKER", "subtitle": "SUBTITLE", "byline": "BYLINE",
          "marker": "MARKER", "heading": "HEADING", "para_start": "PARA_START", "para": "PARA",
          "end": "END", "furniture": "FURNITURE"}


def label_lines(text, page):
    """Line labels for an extraction, from the page description: one (label, article,
    unit, note) per line of text.split("\\n"). label: BLANK, TITLE, KICKER, SUBTITLE,
    BYLINE, MARKER, HEADING, PARA_START (first line of a paragraph), PARA, END (end
    matter, 下转 included), FURNITURE, UNKNOWN; article: index in the golden (or -);
    unit: paragraph index in the article for PARA*, section index for HEADING (or -);
    note: "dup" for the second copy of a fake-bold line, "part" for a line that is only
    part of a printed line (a letter-spaced title character), "join" for several
    printed lines on one line, "join,dup" when some of them are copies (pdfminer prints
    the two copies of a short fake-bold line side by side: `愁”愁”`)."""
    runs = page.runs
    sq = [squeeze(r["text"]) for r in runs]
    by_text = {}
    for i, q in enumerate(sq):
        by_text.setdefault(q, []).append(i)
    used = set()
    last = -1
    out = []

    def lab(i, note=""):
        r = runs[i]
        return (LABELS.get(r["role"], "UNKNOWN"), "-" if r["art"] is None else str(r["art"]),
                str(r["unit"]) if "unit" in r else "-", note)

    def nearest(cands):
        return min(cands, key=lambda i: ((i - last) % len(runs), i))

    for line in text.replace("\f", "").split("\n"):
        q = squeeze(line)
        if not q:
            out.append(("BLANK", "-", "-", ""))
            continue
        note = ""
        cands = by_text.get(q)
        if cands:
            free = [i for i in cands if i not in used]
            i = nearest(free) if free else nearest(cands)
            note = "" if free else "dup"
            used.add(i)
            last = i
            out.append(lab(i, note))
            continue
        # several printed runs on one line
        pos, parts = 0, []
        while pos < len(q):
            best = None
            for i, t in enumerate(sq):
                if t and q.startswith(t, pos) and (best is None or len(t) > len(sq[best])):
                    best = i
            if best is None:
                break
            parts.append(best)
            pos += len(sq[best])
        if pos == len(q) and len(parts) > 1:
            dup = len(set(parts)) < len(parts) or any(i in used for i in parts)
            used.update(parts)
            last = parts[-1]
            out.append(lab(parts[0], "join,dup" if dup else "join"))
            continue
        # part of a printed run (letter-spaced title characters, split lines)
        cands = [i for i, t in enumerate(sq) if q in t]
        if len(q) <= 2:
            deck = [i for i in cands if runs[i]["role"] in ("title", "kicker", "subtitle")]
            cands = deck or cands
        if cands:
            i = nearest(cands)
            last = i
            lb = list(lab(i, "part"))
            if lb[0] == "PARA_START" and not sq[i].startswith(q):
                lb[0] = "PARA"
            out.append(tuple(lb))
            continue
        out.append(("UNKNOWN", "-", "-", ""))
    return out


def write_labels(path, labels):
    with open(path, "w", encoding="utf-8") as f:
        for lb in labels:
            f.write("\t".join(lb).rstrip("\t") + "\n")


def extract(pdf, stem, golden, left_out, page):
    """Run the four extractors; an extraction whose text order breaks a golden title or
    paragraph goes to left_out/ (kept for inspection, not part of the scored set)."""
    kept = []
    d, base = os.path.split(stem)
    for name, cmd in EXTRACTORS:
        out = "%s.%s.txt" % (stem, name)
        # pdfminer's layout analysis iterates over sets: without a fixed hash seed its
        # box order can change from run to run
        subprocess.run(cmd(pdf, out), check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=dict(os.environ, PYTHONHASHSEED="0"))
        with open(out, encoding="utf-8") as f:
            bad, inter = order_problems(f.read(), golden, page)
        if inter:
            golden.setdefault("interrupted", {})[name] = len(inter)
        if not bad:
            with open(out, encoding="utf-8") as f:
                write_labels(out[:-4] + ".labels.tsv", label_lines(f.read(), page))
        if bad:
            lo = os.path.join(d, "left_out")
            os.makedirs(lo, exist_ok=True)
            shutil.move(out, os.path.join(lo, os.path.basename(out)))
            left_out.append({"page": base, "extractor": name, "broken": len(bad),
                             "examples": bad[:3]})
        else:
            kept.append(name)
    return kept


# --------------------------------------------------------------------------------------
# text-only layouts
# --------------------------------------------------------------------------------------
def spaced_digits(s, rng, p=0.35):
    """Extraction habit of the bundled sample: a space between CJK and digits now and then."""
    dig = lambda ch: ch.isascii() and ch.isdigit()
    cjk = lambda ch: "\u4e00" <= ch <= "\u9fff"
    out = []
    for i, c in enumerate(s):
        if i and rng.random() < p and ((dig(c) and cjk(s[i - 1])) or (cjk(c) and dig(s[i - 1]))):
            out.append(" ")
        out.append(c)
    return "".join(out)


def hw(c):
    return 1 if c.isascii() else 2


def wrap_text(text, width, first):
    """Hard wrap at width ems (half-em ASCII), first line `first` ems, hanging punctuation."""
    lines, cur, used, cap = [], "", 0, first * 2
    for c in text:
        if used + hw(c) > cap and cur and c not in NO_START:
            carry = ""
            while len(cur) > 2 and cur[-1] in NO_END:
                carry, cur = cur[-1] + carry, cur[:-1]
            lines.append(cur.rstrip())
            cur, used, cap = carry, sum(hw(x) for x in carry), width * 2
        cur += c
        used += hw(c)
    if cur:
        lines.append(cur.rstrip())
    return lines


def furn(rng):
    """Running head and foot lines of a text page: (head lines, foot lines)."""
    import datetime
    d = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
    pn = rng.randint(2, 16)
    date = "%d年%d月%d日 星期%s" % (d.year, d.month, d.day, WEEK[d.weekday()])
    paper, pname = rng.choice(PAPERS), rng.choice(PAGE_NAMES)
    head = rng.choice([[paper + "  " + date, "第%d版  %s" % (pn, pname)],
                       ["%s  第%d版" % (date, pn), pname],
                       [pname, "%s  %s  第%d版" % (paper, date, pn)]])
    foot = rng.choice([["责编：%s  美编：%s" % (rng.choice(NAMES), rng.choice(NAMES)), str(pn)],
                       ["本版责编：%s" % rng.choice(NAMES)]])
    return head, foot


def text_page(golden_arts, rng, width, title_first, blank_paras, col_lines, per_line=False,
              decks=None, heads=None, furniture=None):
    """Lines of a text-only page, each with its label (as label_lines gives them)."""
    out = []   # (line, (label, article, unit, note))
    body_count = [0]
    BL = ("BLANK", "-", "-", "")

    def put(line, label, ai=None, unit=None, note=""):
        out.append((line, (label, "-" if ai is None else str(ai),
                           "-" if unit is None else str(unit), note)))

    def last_blank():
        return not out or out[-1][0] == ""

    def body(line, label, ai, unit, note=""):
        r = rng.random()
        if "上接" in line:
            r = 1.0
        if r < 0.03 and len(line) > 6:
            # a loosely justified line, extracted with a space between every character
            line = " ".join(line).replace(" ，", "，").replace(" 。", "。")
        elif r < 0.05 and len(line) > 6:
            # irregular single spaces (各 地区部 门认 真落 实)
            line = "".join(c + (" " if rng.random() < 0.4 and c not in NO_START else "")
                           for c in line).rstrip()
        elif r < 0.06:
            line = line.replace("，", "，  ", 1)  # a double ASCII space
        put(line, label, ai, unit, note)
        body_count[0] += 1
        if col_lines and body_count[0] % col_lines == 0:
            out.append(("", BL))

    for ai, a in enumerate(golden_arts):
        deck = [("TITLE", a["title"])] + ([("SUBTITLE", a["subtitle"])] if a.get("subtitle") else [])
        if decks and decks[ai]:  # 1946 deck: kickers above the title, 副题 below
            d = decks[ai]
            deck = [("KICKER", t) for r, t in d if r == "K"] + [("TITLE", a["title"])] + \
                   [("SUBTITLE", t) for r, t in d if r == "S"]
        deck_print = []
        for lb, d in deck:
            if lb == "TITLE" and rng.random() < 0.2 and len(d) < 12 and " " not in d:
                d = " ".join(d)  # letter-spaced title
            deck_print.append((lb, d))

        def print_deck():
            for lb, d in deck_print:
                put(d, lb, ai)

        if title_first:
            print_deck()
            if not per_line:
                out.append(("", BL))
        inline = None
        if a.get("continued_from_page") is not None:
            mk = rng.choice(["■上接第%d版", "■上接第 %d 版", "（上接第%d版）"]) % a["continued_from_page"]
            if per_line or rng.random() < 0.6:
                put(mk, "MARKER", ai)
            else:
                inline = mk + " "  # marker and the body on one line, as in the sample
        if a.get("byline"):
            b = a["byline"]
            if b.startswith("本报记者") and rng.random() < 0.4:
                b = "本报记者  " + "  ".join(" ".join(n) for n in b.split(" ")[1:])
            put(b, "BYLINE", ai)
            if not per_line and rng.random() < 0.5:
                out.append(("", BL))
        k = 0
        for si, s in enumerate(a["sections"]):
            if s["heading"]:
                if not per_line and not last_blank():
                    out.append(("", BL))
                hl = (heads[ai][si] if heads and heads[ai][si] else None) or [s["heading"]]
                if per_line:
                    for h in hl:
                        put(h, "HEADING", ai, si)
                else:
                    for h in hl:
                        for ln in wrap_text(h, width, width):
                            put(ln, "HEADING", ai, si)
                    out.append(("", BL))
            for p in s["paragraphs"]:
                if per_line:
                    put("\u3000\u3000" + p, "PARA_START", ai, k)
                    k += 1
                    continue
                note = ""
                if inline:
                    lines = wrap_text(inline + p, width, width)
                    inline = None
                    note = "marker"  # the line starts with the 上接 marker
                else:
                    lines = wrap_text(p, width, width - 2)
                for i, ln in enumerate(lines):
                    body(spaced_digits(ln, rng), "PARA_START" if i == 0 else "PARA", ai, k,
                         note if i == 0 else "")
                k += 1
                if blank_paras and not last_blank():
                    out.append(("", BL))
        for e in a["end_matter"]:
            put(e, "END", ai)
        if not title_first:
            if not last_blank():
                out.append(("", BL))
            print_deck()
        out.append(("", BL))
    while out and out[-1][0] == "":
        out.pop()
    if furniture:
        hd, ft = furniture
        fl = lambda xs: [(x, ("FURNITURE", "-", "-", "")) for x in xs]
        out = fl(hd) + [("", BL)] + out + [("", BL)] + fl(ft)
    # collapse runs of blank lines
    res = []
    for ln in out:
        if ln[0] == "" and res and res[-1][0] == "":
            continue
        res.append(ln)
    if furniture:
        return res, [re.sub(r"\s+", " ", x) for x in hd + ft]
    return res


def text_articles(picker, rng, n_min_chars=2500, maxn=5):
    arts, used, total = [], set(), 0
    while total < n_min_chars and len(arts) < maxn:
        a = picker.pick(exclude=used)
        used.add(a["id"])
        g = {"title": a["title"], "subtitle": a.get("subtitle"), "byline": a.get("byline"),
             "continued_from_page": a.get("continued_from_page"),
             "sections": [{"heading": s.get("heading"), "paragraphs": list(s["paragraphs"])}
                          for s in a["sections"]],
             "end_matter": list(a.get("end_matter") or [])}
        g["_deck"] = a.get("deck")
        g["_heads"] = [s.get("heading_lines") for s in a["sections"]]
        arts.append(g)
        total += art_chars(a)
    return arts


TEXT_LAYOUTS = [
    # name, title_first, blank_paras, per_line, width range, encoding, newline
    ("wrapped_after_narrow", False, True, False, (12, 14), "utf-8", "\n"),
    ("wrapped_after_wide", False, True, False, (17, 20), "utf-8", "\n"),
    ("wrapped_after_solid", False, False, False, (14, 19), "utf-8", "\n"),
    ("wrapped_first", True, False, False, (12, 20), "utf-8", "\n"),
    ("wrapped_first_blank", True, True, False, (14, 18), "utf-8", "\n"),
    ("perline_first", True, False, True, None, "utf-8", "\n"),
    ("wrapped_after_furniture", False, True, False, (13, 19), "utf-8", "\n"),
    ("perline_first_furniture", True, False, True, None, "utf-8", "\n"),
    # re-encodings of the UTF-8 pages above: same text, same golden ("same_as")
    ("wrapped_gb18030_crlf", "wrapped_after_wide", None, None, None, "gb18030", "\r\n"),
    ("perline_utf16_cr", "perline_first", None, None, None, "utf-16", "\r"),
]


def write_text_pages(split, picker, rng, outdir):
    made, done = [], {}
    for name, tf, bp, pl, wr, enc, nl in TEXT_LAYOUTS:
        for n in range(1, TEXT_PAGES_PER_LAYOUT[split] + 1):
            pid = "t_%s_%02d" % (name, n)
            if isinstance(tf, str):  # a re-encoding of another layout's page
                base = "t_%s_%02d" % (tf, n)
                lines, g = done[base]
                g = dict(g, source=pid + ".text.txt", family="text_" + name, same_as=base)
            else:
                arts = text_articles(picker, rng)
                w = rng.randint(*wr) if wr else 0
                decks = [a.pop("_deck") for a in arts]
                heads = [a.pop("_heads") for a in arts]
                lines = text_page(arts, rng, w, tf, bp, 0 if pl else rng.randint(18, 40),
                                  per_line=pl, decks=decks, heads=heads,
                                  furniture=furn(rng) if "furniture" in name else None)
                furniture_lines = []
                if "furniture" in name:
                    lines, furniture_lines = lines
                g = {"source": pid + ".text.txt", "family": "text_" + name, "split": split,
                     "width": w or None, "page_furniture": furniture_lines, "articles": arts}
                done[pid] = (lines, g)
            g["encoding"] = enc if enc != "utf-16" else "utf-16le-bom"
            g["newline"] = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}[nl]
            data = nl.join(ln for ln, _ in lines) + nl
            write_labels(os.path.join(outdir, pid + ".text.labels.tsv"),
                         [lb for _, lb in lines] + [("BLANK", "-", "-", "")])
            if enc == "utf-16":
                raw = b"\xff\xfe" + data.encode("utf-16-le")  # UTF-16LE with BOM
            else:
                raw = data.encode(enc)
            with open(os.path.join(outdir, pid + ".text.txt"), "wb") as f:
                f.write(raw)
            dump_json(os.path.join(outdir, pid + ".golden.json"), g)
            made.append(pid)
    return made


# --------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------
def dump_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


def load_split(split):
    with open(os.path.join(MAT, "splits.json"), encoding="utf-8") as f:
        sp = json.load(f)
    arts = []
    for fn in sp[split]:
        with open(os.path.join(MAT, fn), encoding="utf-8") as f:
            arts.extend(json.load(f)["articles"])
    return arts


def check_golden_against_runs(page):
    """The golden says exactly what was printed: per article, the printed runs of each role
    (whitespace removed, in drawing order) equal the golden strings of that role."""
    by = {}
    for r in page.runs:
        if r["art"] is not None:
            role = "para" if r["role"] == "para_start" else r["role"]
            by.setdefault((r["art"], role), []).append(squeeze(r["text"]))
    for i, a in enumerate(page.articles):
        got = lambda role: "".join(by.get((i, role), []))
        paras = "".join(squeeze(p) for s in a["sections"] for p in s["paragraphs"])
        heads = "".join(squeeze(s["heading"]) for s in a["sections"] if s["heading"])
        deck = squeeze(a["title"]) + squeeze(a["subtitle"])
        checks = [("para", paras, got("para")), ("heading", heads, got("heading")),
                  ("end", "".join(map(squeeze, a["end_matter"])), got("end")),
                  ("byline", squeeze(a["byline"]), got("byline")),
                  ("title", squeeze(a["title"]), got("title"))]
        printed_deck = got("kicker") + got("title") + got("subtitle")
        assert sorted(printed_deck) == sorted(deck), (page.pid, i, printed_deck, deck)
        for role, want, have in checks:
            if role == "byline":
                want = re.sub(r"\s", "", want)
            assert want == have, (page.pid, i, role, want[:40], have[:40])
        mk = got("marker")
        assert (a["continued_from_page"] is not None) == bool(mk), (page.pid, i, mk)
    printed = {squeeze(r["text"]) for r in page.runs if r["role"] == "furniture"}
    assert printed == {squeeze(x) for x in page.furniture}, page.pid


def main(argv):
    only = None
    if "--only" in argv:
        only = argv[argv.index("--only") + 1].split(",")
    backends = ["ttf", "shuffled", "cff"]
    if "--no-cff" in argv:
        backends.remove("cff")
    summary = {}
    for split in SPLITS:
        if only and split not in only:
            continue
        outdir = os.path.join(OUT, split)
        if os.path.isdir(outdir):
            shutil.rmtree(outdir)
        os.makedirs(outdir)
        arts = load_split(split)
        base = SEEDS[split]
        pages = []
        left_out = []
        for fam, (_, fn) in FAMILIES.items():
            frng = random.Random("%d-%s" % (base, fam))
            picker = Picker(arts, frng)
            for n in range(1, PAGES_PER_FAMILY[split] + 1):
                pid = "%s_%02d" % (fam, n)
                rng = random.Random("%d-%s-%d" % (base, fam, n))
                page = Page(pid, fam, split)
                page.bold = rng.choice(["tr2", "fill_stroke", "offset"])
                fn(page, picker, rng)
                if fam in ("f1", "f3", "f6", "f7") and rng.random() < 0.5:
                    titles_last(page)
                check_golden_against_runs(page)
                stem = os.path.join(outdir, pid)
                render_reportlab(page, stem + ".pdf")
                g = page.golden()
                g["source"] = pid + ".pdf"
                g["bold_style"] = page.bold
                g["titles_drawn_last"] = page.titles_last
                g["extractions"] = extract(stem + ".pdf", stem, g, left_out, page)
                if not KEEP_PDFS[split]:
                    os.remove(stem + ".pdf")
                    g["source"] = pid + ".pdf (not kept)"
                    dump_json(stem + ".golden.json", g)
                    pages.append(pid)
                    continue
                if "shuffled" in backends and n == 1:  # one per family: size
                    render_reportlab(page, stem + ".shuffled.pdf", shuffled=True,
                                     rng=random.Random("%d-%s-%d-shuffle" % (base, fam, n)))
                if "cff" in backends and n == 1:
                    render_cff(page, stem + ".cff.pdf")
                    if fam in ("f1", "f3", "f6"):  # what e-papers are: CFF, any order
                        render_cff(page, stem + ".cff.shuffled.pdf", shuffled=True,
                                   rng=random.Random("%d-%s-%d-cffshuffle" % (base, fam, n)))
                if n == 1:
                    write_layout(page, stem + ".layout.json")
                dump_json(stem + ".golden.json", g)
                pages.append(pid)
        trng = random.Random("%d-text" % base)
        tp = write_text_pages(split, Picker(arts, trng), trng, outdir)
        summary[split] = {"pdf_pages": pages, "text_pages": tp, "left_out": left_out}
        os.makedirs(os.path.join(outdir, "left_out"), exist_ok=True)
        dump_json(os.path.join(outdir, "left_out", "README.json"),
                  {"note": "Extractions whose text order breaks a golden title or "
                   "paragraph (an extractor read another column or block inside it). "
                   "Not part of the scored set; kept to look at.", "left_out": left_out})
        print(split, len(pages), "pdf pages,", len(tp), "text pages")
    if not only:
        write_index()
    return summary


def write_index():
    """tests/fixtures/pages/index.json: every page, its family and the files to read."""
    idx = {"note": "Generated by tests/harness/make_pages.py; see tests/harness/README.md.",
           "families": {k: v[0] for k, v in FAMILIES.items()},
           "extractors": {n: " ".join(c("P.pdf", "out")) for n, c in EXTRACTORS},
           "pages": []}
    for split in SPLITS:
        d = os.path.join(OUT, split)
        for fn in sorted(os.listdir(d)):
            if not fn.endswith(".golden.json"):
                continue
            pid = fn[:-len(".golden.json")]
            with open(os.path.join(d, fn), encoding="utf-8") as f:
                g = json.load(f)
            files = sorted(x for x in os.listdir(d) if x.startswith(pid + ".")
                           and x != fn)
            texts = [x for x in files if x.endswith(".txt")]
            heads = sum(1 for a in g["articles"] for s in a["sections"] if s["heading"])
            idx["pages"].append({
                "split": split, "page": pid, "family": g["family"],
                "golden": "%s/%s" % (split, fn),
                "texts": {x[len(pid) + 1:-4]: "%s/%s" % (split, x) for x in texts},
                "pdfs": ["%s/%s" % (split, x) for x in files if x.endswith(".pdf")],
                "articles": len(g["articles"]), "headings": heads,
                "paragraphs": sum(len(s["paragraphs"]) for a in g["articles"]
                                  for s in a["sections"]),
                "interrupted": g.get("interrupted", {})})
    dump_json(os.path.join(OUT, "index.json"), idx)
    # SUMMARY.md: counts per split and family
    from collections import Counter, defaultdict
    c = defaultdict(Counter)
    for p in idx["pages"]:
        k = (p["split"], p["family"])
        c[k]["pages"] += 1
        c[k]["pdfs"] += len(p["pdfs"])
        for e in p["texts"]:
            c[k][e] += 1
        for f in ("articles", "headings", "paragraphs"):
            c[k][f] += p[f]
    lo = {}
    for split in SPLITS:
        with open(os.path.join(OUT, split, "left_out", "README.json"), encoding="utf-8") as f:
            for x in json.load(f)["left_out"]:
                lo[(split, x["page"][:2], x["extractor"])] = lo.get(
                    (split, x["page"][:2], x["extractor"]), 0) + 1
    cols = ["pages", "pdftotext", "raw", "pdfminer", "mutool", "text", "pdfs", "articles",
            "headings", "paragraphs"]
    out = ["# Page fixtures (generated by tests/harness/make_pages.py)", "",
           "Kept extractions per split and family (left out in brackets); see "
           "tests/harness/README.md.", "",
           "| split | family | " + " | ".join(cols) + " |",
           "|---|---|" + "---|" * len(cols)]
    for (sp, fa) in sorted(c, key=lambda k: (k[0] != "train", k[1])):
        row = []
        for col in cols:
            v = str(c[(sp, fa)][col])
            if (sp, fa, col) in lo:
                v += " (%d)" % lo[(sp, fa, col)]
            row.append(v)
        out.append("| %s | %s | %s |" % (sp, fa, " | ".join(row)))
    with open(os.path.join(OUT, "SUMMARY.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


CFF_FONTS = {"body": (NOTO_SERIF, 2, "NotoSerifCJKsc-Regular"),   # index 2 = SC
             "heavy": (NOTO_SANS, 2, "NotoSansCJKsc-Regular")}
_CFF_CACHE = {}


def _cff_font(key):
    if key not in _CFF_CACHE:
        from fontTools.ttLib import TTFont as FTFont
        path, idx, ps = CFF_FONTS[key]
        f = FTFont(path, fontNumber=idx, lazy=False)
        _CFF_CACHE[key] = f
    return _CFF_CACHE[key]


def _cff_subset(key, chars):
    """A CID-keyed CFF subset of a Noto CJK font holding chars; returns (cff bytes,
    {char: cid}, {cid: width in 1/1000 em}, bbox)."""
    import io
    from fontTools import subset
    from fontTools.ttLib import TTFont as FTFont
    path, idx, ps = CFF_FONTS[key]
    full = _cff_font(key)
    cmap = full.getBestCmap()
    opts = subset.Options()
    opts.layout_features = []
    opts.notdef_outline = True
    opts.name_IDs = []
    opts.drop_tables += ["BASE", "GDEF", "GPOS", "GSUB", "VORG", "vhea", "vmtx", "DSIG"]
    f = FTFont(path, fontNumber=idx, lazy=False)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[ord(c) for c in chars if ord(c) in cmap])
    sub.subset(f)
    cff = f["CFF "].cff
    td = cff.topDictIndex[0]
    assert hasattr(td, "ROS"), "expected a CID-keyed CFF"
    upm = full["head"].unitsPerEm
    hmtx = full["hmtx"]
    c2cid, widths = {}, {}
    for c in chars:
        g = cmap.get(ord(c))
        if g is None:
            raise ValueError("no glyph for %r in %s" % (c, path))
        cid = int(g[3:]) if g.startswith("cid") else 0
        c2cid[c] = cid
        widths[cid] = round(hmtx[g][0] * 1000 / upm)
    buf = io.BytesIO()
    cff.compile(buf, f)
    return buf.getvalue(), c2cid, widths, td.FontBBox


def render_cff(page, path, shuffled=False, rng=None):
    """Hand-written PDF: Type0 fonts, CIDFontType0 descendants (CID-keyed CFF, FontFile3
    /CIDFontType0C), Identity-H, ToUnicode; every run one TJ with kerning so each glyph
    sits where the page description put it; fake bold as page.bold says."""
    import zlib
    used = {}
    for r in page.runs:
        used.setdefault(r["font"], set()).update(r["text"])
    fonts_pdf = {}
    objs = []  # bytes, index = object number - 1

    def add(b):
        objs.append(b if isinstance(b, bytes) else b.encode("latin-1"))
        return len(objs)

    def stream(data, extra=""):
        comp = zlib.compress(data, 9)
        return add(b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(comp), extra.encode())
                   + comp + b"\nendstream")

    for key in sorted(used):
        chars = "".join(sorted(used[key]))
        data, c2cid, widths, bbox = _cff_subset(key, chars)
        ps = CFF_FONTS[key][2]
        tag = "".join(chr(65 + (sum(map(ord, chars)) * (i + 7)) % 26) for i in range(6))
        name = "%s+%s" % (tag, ps)
        ff = stream(data, "/Subtype /CIDFontType0C")
        fd = add("<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%s] "
                 "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 733 /StemV 80 "
                 "/FontFile3 %d 0 R >>" % (name, 6 if key == "body" else 4,
                                            " ".join(str(int(v)) for v in bbox), ff))
        cids = sorted(widths)
        w = " ".join("%d [%d]" % (c, widths[c]) for c in cids)
        cid = add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /%s "
                  "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                  "/FontDescriptor %d 0 R /DW 1000 /W [%s] >>" % (name, fd, w))
        bf = "\n".join("<%04X> <%s>" % (c2cid[c], c.encode("utf-16-be").hex().upper())
                       for c in sorted(c2cid, key=lambda c: c2cid[c]))
        cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
        items = bf.split("\n")
        for i in range(0, len(items), 100):
            chunk = items[i:i + 100]
            cmap += "%d beginbfchar\n%s\nendbfchar\n" % (len(chunk), "\n".join(chunk))
        cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        tu = stream(cmap.encode())
        t0 = add("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "
                 "/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (name, cid, tu))
        fonts_pdf[key] = ("F%d" % (len(fonts_pdf) + 1), t0, c2cid, widths)

    ops = []
    for x0, y0, x1, y1, lw in page.rules:
        ops.append("%.2f w %.2f %.2f m %.2f %.2f l S" % (lw, x0, y0, x1, y1))
    runs = list(page.runs)
    if shuffled:
        rng.shuffle(runs)
    for r in runs:
        fname, _, c2cid, widths = fonts_pdf[r["font"]]
        size = r["size"]
        # TJ: glyph codes with kerning: desired advance = reportlab width + cs
        parts = []
        for i, c in enumerate(r["text"]):
            parts.append("<%04X>" % c2cid[c])
            if i < len(r["text"]) - 1:
                want = width(c, r["font"], size) + r["cs"]
                have = widths[c2cid[c]] * size / 1000.0
                adj = -(want - have) * 1000.0 / size
                if abs(adj) > 0.05:
                    parts.append("%.1f" % adj)
        tj = "[%s] TJ" % " ".join(parts)
        passes = [(0.0, r["mode"])]
        if r["mode"] == 2 and page.bold == "fill_stroke":
            passes = [(0.0, 0), (0.0, 1)]
        elif r["mode"] == 2 and page.bold == "offset":
            passes = [(0.0, 0), (0.3, 0)]
        for dx, mode in passes:
            pre = "%.2f w " % (size * 0.04) if mode else ""
            ops.append("%sBT /%s %.2f Tf %d Tr 1 0 0 1 %.2f %.2f Tm %s ET"
                       % (pre, fname, size, mode, r["x"] + dx, r["y"], tj))
    content = stream("\n".join(ops).encode("latin-1"))
    res = " ".join("/%s %d 0 R" % (v[0], v[1]) for v in fonts_pdf.values())
    pages_no = len(objs) + 2
    page_no = add("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] "
                  "/Resources << /Font << %s >> >> /Contents %d 0 R >>"
                  % (pages_no, PAGE_W, PAGE_H, res, content))
    assert add("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page_no) == pages_no
    cat = add("<< /Type /Catalog /Pages %d 0 R >>" % pages_no)
    info = add("<< /Title (%s) /Producer (pizhu page harness) >>" % page.pid)
    out = bytearray(b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, b in enumerate(objs):
        offs.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + b + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, cat, info, xref)
    with open(path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main(sys.argv[1:])
