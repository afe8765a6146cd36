#!/usr/bin/env python3
"""alt: a second, independent typesetter for newspaper pages (never tuned on).

make_pages.py sets pages with reportlab on a whole-em glyph grid (simple TrueType fonts,
WinAnsi + ToUnicode). This one uses fpdf2 (CID-keyed Identity-H TrueType subsets) and its
own measured line breaker: lines are broken by the fonts' advance widths (ASCII digits and
letters are proportional, so lines are not a whole number of ems), columns have any width,
gutters are fractional ems. It varies per page: page size, body size 9-12 pt, leading
1.3-1.6, 2-5 columns, justified (PDF Tc) or ragged-right body, paragraph spacing, title
face (Zen Hei / Micro Hei, optionally stroked bold), title size 1.6-2.5x body, bylines
in AR PL UKai (kai) under the deck or as the body's first line, end matter right-aligned
or run on at the paragraph end, column rules, running head above a double rule, page foot.

Material: tests/harness/material/originals_fresh.json + rmrb_1946_p2.json.
Output: tests/fixtures/pages/alt/a_NN.pdf + a_NN.golden.json (same golden format as
the harness). Deterministic: random.Random(SEED + page number), fixed creation date.

    python3 tests/harness/make_pages_alt.py            # rewrites tests/fixtures/pages/alt
"""
import datetime
import json
import os
import random
import re
import sys

from fpdf import FPDF

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "tests", "fixtures", "pages", "alt")
SEED = 7310
NPAGES = 8

FONTS = {
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "zenhei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "microhei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
}

PAPERS = ["江城日报", "北方晚报", "滨海时报", "西部商报", "山河日报", "南国都市报"]
PAGE_NAMES = ["要闻", "综合", "社会", "地方新闻", "科教", "经济", "副刊", "时事"]
EDITORS = ["周敏", "许可", "韩露", "孙一鸣", "高岩", "林晓"]
WEEKDAYS = "一二三四五六日"

NO_START = set("，。、；：？！”’）》」』】〉…—·％%,.;:?!)]")
NO_END = set("“‘（《「『【〈([")
CN_NUM = "〇一二三四五六七八九十"


def cn_num(n):
    if n <= 10:
        return CN_NUM[n]
    if n < 20:
        return "十" + CN_NUM[n - 10]
    return CN_NUM[n // 10] + "十" + (CN_NUM[n % 10] if n % 10 else "")


def load_material():
    arts = []
    for name in ["originals_fresh.json", "rmrb_1946_p2.json"]:
        with open(os.path.join(HERE, "material", name), encoding="utf-8") as f:
            arts += json.load(f)["articles"]
    return arts


# ---------------------------------------------------------------- line breaking

def tokens(text):
    """Unbreakable units: a CJK char, a short ASCII word/number, a dash pair, an
    ellipsis; a space is glued to both neighbours (never at a line edge)."""
    raw = re.findall(r"[A-Za-z0-9.%/+\-]{1,8}|——|……|.", text)
    out = []
    i = 0
    while i < len(raw):
        t = raw[i]
        if t == " " and out and i + 1 < len(raw):
            out[-1] = out[-1] + " " + raw[i + 1]
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def break_lines(pdf, text, width, first_indent=0.0):
    """Greedy measured breaking with kinsoku. Returns [(text, natural_width, indent)]."""
    toks = tokens(text)
    lines = []
    cur = []
    curw = 0.0
    indent = first_indent
    i = 0
    while i < len(toks):
        t = toks[i]
        w = pdf.get_string_width(t)
        if curw + w <= width - indent + 0.01 or not cur:
            cur.append(t)
            curw += w
            i += 1
            continue
        # t does not fit: kinsoku adjustments
        if t[0] in NO_START and len(cur) > 1:
            # pull the last unit down with it
            i -= 1
            cur.pop()
        while len(cur) > 1 and cur[-1][-1] in NO_END:
            cur.pop()
            i -= 1
        s = "".join(cur)
        lines.append((s, pdf.get_string_width(s), indent))
        cur, curw, indent = [], 0.0, 0.0
    if cur:
        s = "".join(cur)
        lines.append((s, pdf.get_string_width(s), indent))
    return lines


# ---------------------------------------------------------------- page style

def page_style(rng, n):
    size = rng.choice([9, 9.5, 10, 10.5, 11, 11.5, 12])
    return {
        "page_w": rng.choice([842, 842, 800]),
        "page_h": rng.choice([1191, 1191, 1130]),
        "margin": rng.uniform(30, 48),
        "size": size,
        "leading": round(rng.uniform(1.3, 1.6), 2),
        "ncols": [3, 5, 2, 4, 5, 3, 4, 2][(n - 1) % 8],   # every count 2-5 on some page
        "gutter": rng.uniform(0.8, 1.7) * size,
        "justify": n not in (2, 5, 7),                  # three pages ragged right
        "para_space": rng.choice([0.0, 0.0, 0.0, 0.35]),
        "title_font": rng.choice(["zenhei", "microhei"]),
        "title_stroke": rng.random() < 0.5,
        "title_ratio": rng.uniform(1.6, 2.5),
        "byline_pos": ["body", "deck", "deck_right", "body", "deck", "body", "deck_right",
                       "body"][(n - 1) % 8],
        "byline_print": rng.random() < 0.5,
        "end_pos": "runon" if n % 2 else "right",
        "head_align": rng.choice(["center", "left"]),
        "col_rules": rng.random() < 0.5,
        "foot": rng.random() < 0.5,
        "marker": rng.choice(["（上接第{}版）", "■上接第{}版"]),
        "paper": rng.choice(PAPERS),
        "page_name": rng.choice(PAGE_NAMES),
        "page_no": rng.randint(2, 16),
        "date": datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randint(0, 330)),
    }


# ---------------------------------------------------------------- article layout

class Line:
    """One printed line of a block: font, size, text, x offset, height (pitch)."""

    def __init__(self, font, size, text, pitch, align="left", indent=0.0, justify=False,
                 width=0.0, stroke=False, role=None, space_before=0.0):
        self.font, self.size, self.text, self.pitch = font, size, text, pitch
        self.align, self.indent, self.justify = align, indent, justify
        self.width, self.stroke, self.role = width, stroke, role
        self.space_before = space_before

    @property
    def h(self):
        return self.pitch + self.space_before


def set_font(pdf, font, size):
    pdf.set_font(font, size=size)


def deck_lines(pdf, art, st, width):
    """Kicker / title / subtitle / byline lines centred over the article's width."""
    out = []
    size = st["size"]
    tsize = round(size * st["title_ratio"] * (0.85 if len(art["title"]) > 16 else 1.0), 1)
    tsize = max(tsize, size * 1.6)
    deck = art.get("deck")
    if deck:
        kick = [t for r, t in deck if r == "K"]
        mains = [t for r, t in deck if r == "M"]
        subs = [t for r, t in deck if r == "S"]
    else:
        kick, mains, subs = [], [art["title"]], []
        if art["subtitle"]:
            if art["subtitle"].startswith("——") or st["rng"].random() < 0.6:
                subs = [art["subtitle"]]
            else:
                kick = [art["subtitle"]]
    msize = round(size * 1.25, 1)
    sub_font = st["sub_font"]
    for k in kick:
        set_font(pdf, sub_font, msize)
        for t, w, _ in break_lines(pdf, k, width):
            out.append(Line(sub_font, msize, t, msize * 1.5, "center", width=w, role="kicker"))
    # title: one line each M line if it fits, else shrink, else wrap (at its space if any)
    tw = width * 0.94          # titles keep a little air at the block's edges
    for m in mains:
        s = tsize
        set_font(pdf, st["title_font"], s)
        while pdf.get_string_width(m) > tw and s > size * 1.6:
            s = round(s - 0.5, 1)
            set_font(pdf, st["title_font"], s)
        if pdf.get_string_width(m) <= tw:
            parts = [m]
        elif " " in m:
            parts = m.split(" ", 1)
        else:
            half = (len(m) + 1) // 2
            while half < len(m) and m[half] in NO_START:
                half += 1
            parts = [m[:half], m[half:]]
        for j, p in enumerate(parts):
            for t, w, _ in break_lines(pdf, p, tw):
                out.append(Line(st["title_font"], s, t, s * 1.3, "center", width=w,
                                stroke=st["title_stroke"], role="title",
                                space_before=(s * 0.2 if j == 0 else 0)))
    for sub in subs:
        set_font(pdf, sub_font, msize)
        for t, w, _ in break_lines(pdf, sub, width):
            out.append(Line(sub_font, msize, t, msize * 1.5, "center", width=w, role="subtitle"))
    if art["byline"] and st["byline_pos"] != "body":
        b = art.get("byline_print") if st["byline_print"] and art.get("byline_print") else art["byline"]
        set_font(pdf, "kai", size * 1.05)
        w = pdf.get_string_width(b)
        out.append(Line("kai", size * 1.05, b, size * 1.9,
                        "right" if st["byline_pos"] == "deck_right" else "center",
                        width=w, role="byline"))
    if out:
        out[-1].pitch += size * 0.5
    return out


def body_lines(pdf, art, st, colw, keep=None, cut_to=None):
    """Lines of the body in reading order; keep = number of paragraphs printed
    (cut with a 下转 line)."""
    size = st["size"]
    pitch = size * st["leading"]
    out = []
    if art["byline"] and st["byline_pos"] == "body":
        b = art.get("byline_print") if st["byline_print"] and art.get("byline_print") else art["byline"]
        set_font(pdf, "kai", size)
        for t, w, _ in break_lines(pdf, b, colw):
            out.append(Line("kai", size, t, pitch, "left", width=w, role="byline"))
    if art["continued_from_page"]:
        mk = st["marker"].format(cn_num(art["continued_from_page"]) if st["marker"][0] == "（"
                                 else art["continued_from_page"])
        set_font(pdf, "zenhei" if mk[0] == "■" else "ming", size)
        out.append(Line("zenhei" if mk[0] == "■" else "ming", size, mk, pitch, "left",
                        width=pdf.get_string_width(mk), role="marker"))
    end = list(art["end_matter"]) if keep is None else []
    n = 0
    total = sum(len(s["paragraphs"]) for s in art["sections"])
    printed_secs = []
    for si, sec in enumerate(art["sections"]):
        if keep is not None and n >= keep:
            break
        if sec["heading"]:
            set_font(pdf, "zenhei", size)
            for k, (t, w, _) in enumerate(break_lines(pdf, sec["heading"], colw)):
                out.append(Line("zenhei", size, t, pitch, st["head_align"], width=w,
                                role="heading", space_before=(pitch * 0.5 if k == 0 else 0),
                                stroke=st["head_stroke"]))
        paras = []
        for p in sec["paragraphs"]:
            if keep is not None and n >= keep:
                break
            n += 1
            paras.append(p)
            last = (n == total) if keep is None else False
            runon = last and st["end_pos"] == "runon" and end and end[0].startswith("（")
            text = p + (end[0] if runon else "")
            set_font(pdf, "ming", size)
            ls = break_lines(pdf, text, colw, first_indent=2 * size)
            for k, (t, w, ind) in enumerate(ls):
                out.append(Line("ming", size, t, pitch, "left", indent=ind,
                                justify=st["justify"] and k < len(ls) - 1, width=w,
                                role="para", space_before=(pitch * st["para_space"] if k == 0 and out else 0)))
            if runon:
                end = end[1:] + ["__runon__" + end[0]]
        printed_secs.append({"heading": sec["heading"], "paragraphs": paras})
    golden_end = []
    for e in end:
        if e.startswith("__runon__"):
            golden_end.append(e[len("__runon__"):])
            continue
        golden_end.append(e)
        font = "kai" if e.startswith("图为") else "ming"
        set_font(pdf, font, size * (0.9 if font == "kai" else 1))
        ls = break_lines(pdf, e, colw)
        for t, w, _ in ls:
            out.append(Line(font, size * (0.9 if font == "kai" else 1), t, pitch,
                            "right" if (font == "ming" and len(ls) == 1) else "left",
                            width=w, role="end"))
    if keep is not None:
        cut = "（下转第{}版）".format(cn_num(st["page_no"] + st["rng"].randint(1, 3)))
        set_font(pdf, "ming", size)
        out.append(Line("ming", size, cut, pitch, "right", width=pdf.get_string_width(cut),
                        role="end"))
        golden_end = [cut]
    return out, printed_secs, golden_end


def fill_columns(lines, ncols, height):
    """Greedy fill; returns list of columns or None if it does not fit."""
    cols = [[]]
    h = 0.0
    for ln in lines:
        lh = ln.pitch + (ln.space_before if cols[-1] else 0)
        if h + lh > height + 0.01 and cols[-1]:
            if len(cols) == ncols:
                return None
            cols.append([])
            h = 0.0
            lh = ln.pitch
        cols[-1].append(ln)
        h += lh
    return cols


def balance(lines, ncols, max_h=None):
    total = sum(ln.h for ln in lines)
    lo = max(max((ln.pitch for ln in lines), default=0), total / ncols - 1)
    hi = total + 1
    if max_h is not None:
        if fill_columns(lines, ncols, max_h) is None:
            return None, None
        hi = min(hi, max_h)
    for _ in range(30):
        mid = (lo + hi) / 2
        if fill_columns(lines, ncols, mid) is None:
            lo = mid
        else:
            hi = mid
    return fill_columns(lines, ncols, hi), hi


def make_block(pdf, art, st, width, ncols, max_h):
    """Lay out one article in a width x (<= max_h) box. Returns dict or None."""
    colw = (width - (ncols - 1) * st["gutter"]) / ncols
    deck = deck_lines(pdf, art, st, width)
    deck_h = sum(l.h for l in deck)
    total = sum(len(s["paragraphs"]) for s in art["sections"])
    for keep in [None] + list(range(total - 1, 0, -1)):
        lines, secs, end = body_lines(pdf, art, st, colw, keep)
        cols, h = balance(lines, ncols, max_h - deck_h if max_h else None)
        if cols is not None:
            return {"art": art, "deck": deck, "cols": cols, "h": deck_h + h, "deck_h": deck_h,
                    "colw": colw, "ncols": ncols, "width": width, "secs": secs, "end": end}
    return None


def draw_line(pdf, ln, x, y, colw, st):
    """y = top of the line box; baseline at top + 0.85 size + half the extra pitch."""
    set_font(pdf, ln.font, ln.size)
    base = y + ln.space_before + ln.size * 0.88 + (ln.pitch - ln.size * 1.0) * 0.3
    if ln.align == "center":
        tx = x + (colw - ln.width) / 2
    elif ln.align == "right":
        tx = x + colw - ln.width
    else:
        tx = x + ln.indent
    cs = 0.0
    if ln.justify and len(ln.text) > 1:
        cs = (colw - ln.indent - ln.width) / (len(ln.text) - 1)
        if cs < 0 or cs > ln.size * 0.6:
            cs = 0.0
    if cs:
        pdf.set_char_spacing(cs)
    if ln.stroke:
        pdf._out("BT 2 Tr %.2f w ET" % (ln.size * 0.03))
    pdf.text(tx, base, ln.text)
    if ln.stroke:
        pdf._out("BT 0 Tr ET")
    if cs:
        pdf.set_char_spacing(0)


def draw_block(pdf, b, x, y, st):
    yy = y
    for ln in b["deck"]:
        draw_line(pdf, ln, x, yy, b["width"], st)
        yy += ln.h
    body_top = yy
    for ci, col in enumerate(b["cols"]):
        cx = x + ci * (b["colw"] + st["gutter"])
        cy = body_top
        for k, ln in enumerate(col):
            if k == 0 and ln.space_before:
                ln = Line(ln.font, ln.size, ln.text, ln.pitch, ln.align, ln.indent, ln.justify,
                          ln.width, ln.stroke, ln.role, 0.0)
            draw_line(pdf, ln, cx, cy, b["colw"], st)
            cy += ln.h
        if st["col_rules"] and ci > 0:
            gx = cx - st["gutter"] / 2
            pdf.set_line_width(0.3)
            pdf.line(gx, body_top, gx, y + b["h"])


def golden_article(b):
    a = b["art"]
    return {
        "title": a["title"],
        "subtitle": a["subtitle"],
        "byline": a["byline"],
        "continued_from_page": a["continued_from_page"],
        "sections": b["secs"],
        "end_matter": b["end"],
    }


# ---------------------------------------------------------------- page

def plan_bands(rng, ncols, narts):
    """Split the page into bands of blocks: [[cols_of_block, ...], ...]."""
    bands = []
    left = narts
    while left > 0:
        if not bands and rng.random() < 0.6:
            bands.append([ncols])          # a lead article across the page
            left -= 1
            continue
        k = min(left, rng.choice([1, 2, 2, 3]), ncols)
        if ncols >= 4 and k == 1 and rng.random() < 0.5:
            k = 2
        k = min(k, left)
        # split ncols among k blocks, each >= 1
        cuts = sorted(rng.sample(range(1, ncols), k - 1)) if k > 1 else []
        widths = [b - a for a, b in zip([0] + cuts, cuts + [ncols])]
        bands.append(widths)
        left -= k
    return bands


def make_page(n, pool):
    rng = random.Random(SEED * 100 + n)
    st = page_style(rng, n)
    st["rng"] = rng
    st["sub_font"] = rng.choice(["kai", "ming"])
    st["head_stroke"] = rng.random() < 0.4
    W, H, M = st["page_w"], st["page_h"], st["margin"]
    pdf = FPDF(unit="pt", format=(W, H))
    pdf.set_creation_date(datetime.datetime(2026, 11, 30, tzinfo=datetime.timezone.utc))
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    for name, (path, idx) in FONTS.items():
        pdf.add_font(name, "", path, collection_font_number=idx)
    pdf.add_page()
    furniture = []
    # running head: paper name | date weekday | 第N版 page name, over a double rule
    d = st["date"]
    date_s = "{}年{}月{}日 星期{}".format(d.year, d.month, d.day, WEEKDAYS[d.weekday()])
    ban = "第{}版".format(st["page_no"])
    y0 = M
    set_font(pdf, "zenhei", 15)
    pdf.text(M, y0 + 15, st["paper"])
    set_font(pdf, "ming", 10)
    pdf.text((W - pdf.get_string_width(date_s)) / 2, y0 + 14, date_s)
    set_font(pdf, "zenhei", 11)
    right = ban + "  " + st["page_name"] if rng.random() < 0.5 else None
    if right:
        pdf.text(W - M - pdf.get_string_width(right), y0 + 14, right)
        furniture += [st["paper"], date_s, right]
    else:
        pdf.text(W - M - pdf.get_string_width(st["page_name"]), y0 + 14, st["page_name"])
        pdf.text(W - M - pdf.get_string_width(st["page_name"]) - 60, y0 + 14, ban)
        furniture += [st["paper"], date_s, ban, st["page_name"]]
    pdf.set_line_width(1.6)
    pdf.line(M, y0 + 22, W - M, y0 + 22)
    pdf.set_line_width(0.4)
    pdf.line(M, y0 + 25, W - M, y0 + 25)
    top = y0 + 25 + st["size"] * 1.2
    bottom = H - M - (24 if st["foot"] else 0)
    width = W - 2 * M
    ncols = st["ncols"]
    narts = rng.choice([3, 4, 4, 4]) if n != 3 else 2   # one page of two articles
    bands = plan_bands(rng, ncols, 8)
    colunit = (width - (ncols - 1) * st["gutter"]) / ncols
    y = top
    articles = []
    for band in bands:
        if not pool:
            break
        blocks = []
        x = M
        for bi, bc in enumerate(band):
            if not pool:
                break
            if len(articles) + len(blocks) >= narts:
                break
            if len(articles) + len(blocks) == narts - 1:
                bc = sum(band[bi:])        # the page's last article takes the band's rest
            bw = bc * colunit + (bc - 1) * st["gutter"]
            b = None
            for j in range(min(6, len(pool))):   # the first of the next few that fits
                b = make_block(pdf, pool[j], st, bw, bc, bottom - y)
                if b is not None:
                    pool.pop(j)
                    break
            if b is None:
                break
            b["x"] = x
            blocks.append(b)
            x += bw + st["gutter"]
        if not blocks:
            break
        bh = max(b["h"] for b in blocks)
        for i, b in enumerate(blocks):
            draw_block(pdf, b, b["x"], y, st)
            if i > 0:
                pdf.set_line_width(0.6)
                gx = b["x"] - st["gutter"] / 2
                pdf.line(gx, y, gx, y + bh)
            articles.append(golden_article(b))
        y += bh + st["size"] * 0.6
        pdf.set_line_width(0.8)
        if y < bottom - 30:
            pdf.line(M, y, W - M, y)
        y += st["size"] * 0.9
        if y > bottom - 60:
            break
    if st["foot"]:
        ed = "责任编辑：" + rng.choice(EDITORS)
        pdf.set_line_width(0.4)
        pdf.line(M, H - M - 16, W - M, H - M - 16)
        set_font(pdf, "ming", 9)
        pdf.text(M, H - M - 4, ed)
        pn = str(st["page_no"])
        pdf.text(W - M - pdf.get_string_width(pn), H - M - 4, pn)
        furniture += [ed, pn]
    name = "a_{:02d}".format(n)
    pdf.output(os.path.join(OUT, name + ".pdf"))
    golden = {
        "source": name + ".pdf",
        "family": "alt",
        "split": "alt",
        "page_furniture": furniture,
        "articles": articles,
        "bold_style": "tr2" if (st["title_stroke"] or st["head_stroke"]) else "face",
        "titles_drawn_last": False,
        "typesetter": "make_pages_alt.py (fpdf2)",
        "style": {k: (round(v, 2) if isinstance(v, float) else v) for k, v in st.items()
                  if k in ("size", "leading", "ncols", "justify", "para_space", "title_font",
                           "title_stroke", "byline_pos", "end_pos", "col_rules", "page_w",
                           "page_h", "sub_font", "head_stroke")},
    }
    golden["style"]["gutter_em"] = round(st["gutter"] / st["size"], 2)
    golden["style"]["title_ratio"] = round(st["title_ratio"], 2)
    with open(os.path.join(OUT, name + ".golden.json"), "w", encoding="utf-8") as f:
        json.dump(golden, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return name, len(articles)


def check():
    """Every PDF: fonts embedded (pdffonts), text layer present, and every golden
    title, subtitle line, byline, heading, paragraph and end-matter string found in
    `pdftotext -raw` output (whitespace removed; content-stream order = reading order)."""
    import subprocess
    bad = 0
    names = sorted(f[:-4] for f in os.listdir(OUT) if f.endswith(".pdf"))
    for name in names:
        pdf = os.path.join(OUT, name + ".pdf")
        fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout
        rows = fonts.splitlines()[2:]
        if not rows or any(r.split()[-5] != "yes" for r in rows):
            print(name, "fonts not embedded:", fonts)
            bad += 1
        raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"],
                             capture_output=True, text=True).stdout
        flat = re.sub(r"\s+", "", raw)
        with open(os.path.join(OUT, name + ".golden.json"), encoding="utf-8") as f:
            g = json.load(f)
        want = list(g["page_furniture"])
        for a in g["articles"]:
            want += [a["title"], a["byline"]] + (a["subtitle"] or "").split(" ")
            for s in a["sections"]:
                want += [s["heading"]] + s["paragraphs"]
            want += a["end_matter"]
        missing = [w for w in want if w and re.sub(r"\s+", "", w).replace("□", "") not in
                   flat.replace("□", "")]
        for w in missing:
            print(name, "not in pdftotext -raw:", w[:40])
        bad += bool(missing)
        print(name, "{} KB".format(os.path.getsize(pdf) // 1024), len(g["articles"]),
              "articles", "ok" if not missing else "MISSING")
    return 1 if bad else 0


def main():
    if "--check" in sys.argv:
        return check()
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.startswith("a_"):
            os.remove(os.path.join(OUT, f))
    arts = load_material()
    random.Random(SEED).shuffle(arts)
    # the articles continued from another page (上接 markers) spread over the pages
    cont = [a for a in arts if a["continued_from_page"]]
    pool = [a for a in arts if not a["continued_from_page"]]
    for k, a in enumerate(cont):
        pool.insert(1 + 9 * k, a)
    total = 0
    for n in range(1, NPAGES + 1):
        name, k = make_page(n, pool)
        total += k
        print(name, k, "articles")
    print(total, "articles on", NPAGES, "pages;", len(pool), "left unused")


if __name__ == "__main__":
    sys.exit(main())
