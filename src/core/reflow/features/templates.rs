//! Feature templates: which observations of a piece and its neighbours each feature
//! combines, compiled at compile time into the per-piece loop that gives a piece its ids.

use super::{value_count, Obs, A, ATOMS, VALUES};

/// Where an atom is read: this piece, or a neighbour at an offset.
#[derive(Clone, Copy)]
struct Part {
    offset: i8,
    atom: A,
}

const fn p(offset: i8, atom: A) -> Part {
    Part { offset, atom }
}

/// Feature templates: each a conjunction of one to three parts.
const TEMPLATES: &[&[Part]] = {
    use A::*;
    &[
        &[],
        &[p(0, KIND)],
        &[p(0, WIDTH)],
        &[p(0, END)],
        &[p(0, START)],
        &[p(0, BLANK)],
        &[p(0, INDENT)],
        &[p(0, LEN)],
        &[p(0, STOPS)],
        &[p(0, BYLINE)],
        &[p(0, ENDM)],
        &[p(0, FURN)],
        &[p(0, NUMBERED)],
        &[p(0, QUOTED)],
        &[p(0, POS)],
        &[p(0, BLOCK), p(0, BLOCKLEN)],
        &[p(0, SAMELEN), p(0, LEN)],
        &[p(-1, KIND)],
        &[p(1, KIND)],
        &[p(-1, WIDTH)],
        &[p(1, WIDTH)],
        &[p(-1, END)],
        &[p(1, START)],
        &[p(1, END)],
        &[p(-1, LEN)],
        &[p(1, LEN)],
        &[p(-1, BYLINE)],
        &[p(1, BYLINE)],
        &[p(-1, BLANK)],
        &[p(1, BLANK)],
        &[p(1, ENDM)],
        &[p(-1, FURN)],
        &[p(1, FURN)],
        &[p(-2, KIND)],
        &[p(2, KIND)],
        &[p(2, BYLINE)],
        &[p(-1, END), p(-1, WIDTH)],
        &[p(-1, END), p(-1, WIDTH), p(0, BLANK)],
        &[p(-1, END), p(-1, WIDTH), p(0, PAGE)],
        &[p(-1, END), p(0, WIDTH)],
        &[p(-1, END), p(0, INDENT)],
        &[p(0, WIDTH), p(1, WIDTH)],
        &[p(0, WIDTH), p(0, END)],
        &[p(0, WIDTH), p(0, BLANK), p(0, PAGE)],
        &[p(0, WIDTH), p(0, INDENT)],
        &[p(0, END), p(0, BLANK)],
        &[p(0, LEN), p(0, END)],
        &[p(0, LEN), p(0, BLANK), p(0, PAGE)],
        &[p(0, START), p(0, END)],
        &[p(0, STOPS), p(0, LEN)],
        &[p(-1, WIDTH), p(0, WIDTH), p(1, WIDTH)],
        &[p(0, END), p(1, START), p(1, WIDTH)],
        &[p(0, WIDTH), p(1, WIDTH), p(1, BLANK)],
        &[p(-1, KIND), p(0, LEN)],
        &[p(1, KIND), p(0, LEN)],
        &[p(0, BYLINE), p(0, LEN)],
        &[p(0, POS), p(0, LEN)],
        &[p(0, FURN), p(0, POS)],
        &[p(-1, LEN), p(0, LEN), p(1, LEN)],
        &[p(0, BLOCK), p(0, STOPS), p(0, PAGE)],
        &[p(-1, STOPS), p(0, STOPS)],
        &[p(0, STOPS), p(1, STOPS)],
        &[p(0, WIDTH), p(0, STOPS), p(1, KIND)],
        &[p(0, OPENER)],
        &[p(1, OPENER), p(0, LEN)],
        &[p(1, OPENER), p(0, END)],
        &[p(0, NUMBERED), p(-1, END)],
        &[p(0, NUMBERED), p(0, END)],
        &[p(-1, ENDM), p(0, END)],
        &[p(-1, ENDM), p(0, LEN)],
        &[p(0, END), p(1, WIDTH), p(0, PAGE)],
        &[p(0, FURN), p(0, LEN)],
        &[p(0, ENDM), p(0, POS)],
        &[p(-1, FURN), p(0, LEN), p(0, POS)],
        &[p(1, FURN), p(0, LEN), p(0, POS)],
        &[p(0, STOPS), p(0, LEN), p(0, ORDER)],
        &[p(-1, END), p(0, STOPS), p(0, ORDER)],
        &[p(0, END), p(1, LEN), p(0, ORDER)],
        // A deck's second line: as long as the first (a title wrapped in balance), or
        // longer (a subtitle under a short title), or opening with a dash.
        &[p(0, RELW)],
        &[p(0, RELW), p(-1, STOPS), p(0, STOPS)],
        &[p(0, RELW), p(0, START)],
        &[p(0, RELW), p(0, LEN), p(-1, LEN)],
        &[p(0, START), p(-1, STOPS), p(-1, LEN)],
        // The break before a line cuts a word (街道用 / 房改造): the line goes on with
        // what the line before it was saying. No title, head or byline ends inside a word.
        &[p(0, WORD)],
        &[p(1, WORD)],
        &[p(0, WORD), p(-1, WIDTH)],
        &[p(1, WORD), p(0, WIDTH)],
        // A line the extraction printed twice was drawn twice: fake bold, which papers
        // give heads and titles. The line after one opens a paragraph; the line before
        // one closes a paragraph (or is the head's first line, drawn twice as well).
        &[p(0, DRAWN)],
        &[p(0, DRAWN), p(0, LEN)],
        &[p(0, DRAWN), p(0, END)],
        &[p(-1, DRAWN), p(0, DRAWN)],
        &[p(0, DRAWN), p(1, DRAWN)],
        // Whether the line's shortfall is the typesetter's (the next line opens with
        // what could not be set at its end) or the writer's (a paragraph ends there).
        &[p(0, FALL)],
        &[p(0, FALL), p(-1, END)],
        &[p(0, FALL), p(0, END)],
        &[p(-1, FALL), p(-1, END)],
    ]
};

/// Number of templates (the model's weight table has `TEMPLATE_COUNT * VALUES` rows).
pub const TEMPLATE_COUNT: usize = TEMPLATES.len();

/// The readable name of feature `id`, e.g. `p:end|width=stop|short`.
pub fn feature_name(id: u32) -> Option<String> {
    let (t, mut v) = (id as usize / VALUES, id as usize % VALUES);
    let parts = TEMPLATES.get(t)?;
    if parts.is_empty() {
        return Some("bias".into());
    }
    let mut names = Vec::new();
    let mut values = Vec::new();
    for part in parts.iter().rev() {
        let n = value_count(part.atom);
        values.push(*ATOMS[part.atom as usize].values.get(v % n)?);
        v /= n;
        let prefix = match part.offset {
            0 => String::new(),
            o if o < 0 => "p".repeat(o.unsigned_abs() as usize) + ":",
            o => "n".repeat(o as usize) + ":",
        };
        names.push(prefix + ATOMS[part.atom as usize].name);
    }
    names.reverse();
    values.reverse();
    Some(format!("{}={}", names.join("|"), values.join("|")))
}

/// The id of a feature named as `feature_name` writes it.
pub fn feature_id(name: &str) -> Option<u32> {
    name_index().get(name).copied()
}

fn name_index() -> &'static std::collections::HashMap<String, u32> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<String, u32>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for (t, parts) in TEMPLATES.iter().enumerate() {
            let combos: usize = parts.iter().map(|p| value_count(p.atom)).product();
            for v in 0..combos {
                let id = (t * VALUES + v) as u32;
                if let Some(name) = feature_name(id) {
                    map.insert(name, id);
                }
            }
        }
        map
    })
}

/// What the page looks like beyond its first and last piece: no piece (`kind=none`), no
/// blank line, every other atom at its "not applicable" value.
const OFF_PAGE: Obs = {
    let mut o = [0u8; ATOMS.len()];
    let mut k = 0;
    while k < ATOMS.len() {
        o[k] = (ATOMS[k].values.len() - 1) as u8;
        k += 1;
    }
    o[A::KIND as usize] = 3;
    o[A::BLANK as usize] = 0;
    Obs(o)
};

/// A template made ready for `features`: for each of its parts, where in the window of
/// five observations it reads (the slot), which atom, and the radix its value is
/// multiplied by. Computed once at compile time, so the per-piece loop is a sum of
/// products with no lookups into `ATOMS` (it runs once per template, for every line of
/// a page).
#[derive(Clone, Copy)]
struct Compiled {
    len: usize,
    slot: [usize; 3],
    atom: [usize; 3],
    radix: [usize; 3],
}

const COMPILED: [Compiled; TEMPLATE_COUNT] = {
    let empty = Compiled {
        len: 0,
        slot: [0; 3],
        atom: [0; 3],
        radix: [0; 3],
    };
    let mut out = [empty; TEMPLATE_COUNT];
    let mut t = 0;
    while t < TEMPLATE_COUNT {
        let parts = TEMPLATES[t];
        assert!(parts.len() <= 3, "a template has at most three parts");
        // The same mixed-radix number `feature_name` reads back: the last part is the
        // least significant digit.
        let mut radix = 1;
        let mut k = parts.len();
        while k > 0 {
            k -= 1;
            let part = parts[k];
            out[t].slot[k] = (part.offset + 2) as usize;
            out[t].atom[k] = part.atom as usize;
            out[t].radix[k] = radix;
            radix *= ATOMS[part.atom as usize].values.len();
        }
        out[t].len = parts.len();
        t += 1;
    }
    out
};

/// The feature ids of piece `i`, given every piece's observations.
pub fn features(obs: &[Obs], i: usize) -> Vec<u32> {
    feature_ids(obs, i).to_vec()
}

/// `features` on the stack: the reflow scores every piece once and keeps no list.
pub fn feature_ids(obs: &[Obs], i: usize) -> [u32; TEMPLATE_COUNT] {
    // The observations at offsets -2..=2 (the reach of every template), looked up once.
    let window: [Obs; 5] = std::array::from_fn(|k| {
        (i + k)
            .checked_sub(2)
            .and_then(|j| obs.get(j))
            .copied()
            .unwrap_or(OFF_PAGE)
    });
    std::array::from_fn(|t| {
        let c = &COMPILED[t];
        let v: usize = (0..c.len)
            .map(|k| window[c.slot[k]].0[c.atom[k]] as usize * c.radix[k])
            .sum();
        (t * VALUES + v) as u32
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_fits_its_value_space() {
        for parts in TEMPLATES {
            let combos: usize = parts.iter().map(|p| value_count(p.atom)).product();
            assert!(combos <= VALUES, "{combos}");
            // `features` looks neighbours up in a window of two either side.
            assert!(parts.iter().all(|p| (-2..=2).contains(&p.offset)));
        }
    }

    #[test]
    fn compiled_templates_give_the_ids_the_names_read_back() {
        let mut obs = [OFF_PAGE; 5];
        for (k, o) in obs.iter_mut().enumerate() {
            for (a, v) in o.0.iter_mut().enumerate() {
                *v = ((a * 7 + k * 3) % ATOMS[a].values.len()) as u8;
            }
        }
        let ids = features(&obs, 2);
        assert_eq!(ids.len(), TEMPLATE_COUNT);
        for (t, (&id, parts)) in ids.iter().zip(TEMPLATES).enumerate() {
            let expected = parts.iter().fold(0usize, |v, part| {
                v * value_count(part.atom) + obs[(2 + part.offset) as usize].get(part.atom)
            });
            assert_eq!(id as usize, t * VALUES + expected, "template {t}");
        }
    }

    #[test]
    fn names_round_trip() {
        let id = (36 * VALUES + 3) as u32;
        let name = feature_name(id).unwrap();
        assert_eq!(feature_id(&name), Some(id), "{name}");
        assert_eq!(feature_name(0).as_deref(), Some("bias"));
    }
}
