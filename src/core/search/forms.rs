//! A query in both scripts (issue 17): what is stored in simplified characters is found
//! by a query typed in traditional ones, and the other way round. The forms come from
//! `core::script::query_forms`, which keeps one char for one char, so a hit of any form
//! covers as many chars as the query.

use memchr::memmem::Finder;

use crate::core::script;

pub(super) struct Forms {
    forms: Vec<(String, Finder<'static>)>,
    /// Chars in the query (and in each form).
    pub chars: usize,
}

impl Forms {
    pub fn new(query: &str) -> Forms {
        Forms {
            forms: script::query_forms(query)
                .into_iter()
                .map(|form| {
                    let finder = Finder::new(form.as_bytes()).into_owned();
                    (form, finder)
                })
                .collect(),
            chars: query.chars().count(),
        }
    }

    /// Whether any form contains `c` (the notes use a separator char between fields).
    pub fn contains(&self, c: char) -> bool {
        self.forms.iter().any(|(form, _)| form.contains(c))
    }

    /// Byte ranges `[start, end)` of every match of any form in `hay`: in order, leftmost
    /// and non-overlapping, as one form's search gives them.
    pub fn find(&self, hay: &[u8]) -> Vec<(usize, usize)> {
        let mut hits: Vec<(usize, usize)> = Vec::new();
        for (form, finder) in &self.forms {
            hits.extend(finder.find_iter(hay).map(|b| (b, b + form.len())));
        }
        if self.forms.len() > 1 {
            hits.sort_unstable();
            let mut end = 0;
            hits.retain(|&(s, e)| {
                let keep = s >= end;
                if keep {
                    end = e;
                }
                keep
            });
        }
        hits
    }
}
