//! The few lines that only words tell apart: mutual connections, the common organization, the
//! age, and which control is Ignore. Each knows English, French and German (docs/ARCHITECTURE.md, The pages: labels
//! are translated), and a few neighbours where the word is cheap to know.

use crate::invitation::{MutualConnections, SenderKind};
use crate::text::fold;

/// Words of an Ignore control's label, folded.
const IGNORE: &[&str] = &["ignore", "ignorer", "ignorieren", "ignorar", "ignora", "negeren"];

/// Words of an Accept control's label, folded ("Accept Ada’s invitation", "Accepter l’invitation
/// de Léa", "Einladung von Jonas annehmen").
const ACCEPT: &[&str] = &[
    "accept",
    "accepter",
    "annehmen",
    "akzeptieren",
    "aceptar",
    "accetta",
    "aceitar",
    "accepteren",
];

/// How a mutual-connections line names itself, folded.
const MUTUAL: &[&str] = &[
    "mutual connection",
    "relation en commun",
    "relations en commun",
    "gemeinsame kontakte",
    "gemeinsamer kontakt",
];

/// Words that end the names in a mutual-connections line: its verbs and its own first words.
const MUTUAL_STOPS: &[&str] = &[
    "is",
    "are",
    "est",
    "sont",
    "ist",
    "sind",
    "mutual",
    "relation",
    "relations",
    "gemeinsame",
    "gemeinsamer",
];

/// Words joining two names ("Ada and Alan").
const AND: &[&str] = &["and", "et", "und", "y"];

/// How a common-organization line names itself, folded; the rest of the line is the organization.
const ORGANIZATION: &[&str] = &[
    "common organization",
    "common organisation",
    "organisation en commun",
    "gemeinsame organisation",
];

/// Ages in words alone, folded.
const AGE_WORDS: &[&str] = &[
    "just now",
    "today",
    "yesterday",
    "a l instant",
    "aujourd hui",
    "hier",
    "gerade eben",
    "heute",
    "gestern",
];

/// "… ago" in each language: a suffix (English) or a prefix (French, German, Spanish).
const AGO_SUFFIX: &[&str] = &["ago"];
const AGO_PREFIX: &[&str] = &["il y a", "vor", "hace"];

/// Articles that stand for "one" in "a week ago", "vor einer Woche".
const ONE: &[&str] = &["a", "an", "one", "un", "une", "einem", "einer", "una"];

/// Status wording of invitations that are not from a person, folded: the fallback when a card
/// links to nothing (docs/ARCHITECTURE.md, The pages).
const NOT_PERSON: &[(&str, SenderKind)] = &[
    ("invited you to subscribe", SenderKind::Newsletter),
    ("vous invite a vous abonner", SenderKind::Newsletter),
    ("zu abonnieren", SenderKind::Newsletter),
    ("invited you to follow", SenderKind::Page),
    ("vous invite a suivre", SenderKind::Page),
    ("zu folgen", SenderKind::Page),
    ("invited you to attend", SenderKind::Event),
    ("vous invite a participer", SenderKind::Event),
    ("teilzunehmen", SenderKind::Event),
    ("invited you to join", SenderKind::Group),
    ("vous invite a rejoindre", SenderKind::Group),
    ("beizutreten", SenderKind::Group),
];

/// Whether a control's label, or its text, says Ignore.
pub fn is_ignore(label: &str) -> bool {
    says(label, IGNORE)
}

/// Words of the marks LinkedIn writes beside a name, folded: "Verified", "Premium", "Open to
/// work", the degree of connection ("· 2nd").
const MARKS: &[&str] = &[
    "verified",
    "premium",
    "open",
    "to",
    "work",
    "hiring",
    "1st",
    "2nd",
    "3rd",
    "verifie",
    "verifiee",
    "verifiziert",
    "1er",
    "2e",
    "3e",
];

/// Whether a folded piece of text is only LinkedIn's marks beside a name.
pub fn is_mark(folded: &str) -> bool {
    folded.split(' ').all(|w| w.is_empty() || MARKS.contains(&w))
}

/// Whether a control's label, or its text, says Accept.
pub fn is_accept(label: &str) -> bool {
    says(label, ACCEPT)
}

/// Whether a label starts or ends with one of `verbs`: English and Romance labels start with the
/// verb ("Ignore an invitation to connect from Ada"), German ones end with it ("Einladung von
/// Jonas ignorieren"), and a control's own text is the verb alone. A word in the middle is the
/// sender's name ("Invite Ignatius Accept to connect").
fn says(label: &str, verbs: &[&str]) -> bool {
    let folded = fold(label);
    // Folded text has single spaces between words: its first and last words, by bytes.
    let first = folded
        .bytes()
        .position(|b| b == b' ')
        .map_or(&*folded, |at| folded.get(..at).unwrap_or_default());
    let last = folded
        .bytes()
        .rposition(|b| b == b' ')
        .map_or(&*folded, |at| folded.get(at + 1..).unwrap_or_default());
    verbs.contains(&first) || verbs.contains(&last)
}

/// For the content script's search for controls: patterns that match a label or a control's
/// text starting or ending with the verb of Ignore, and of Accept, in any case (see [`says`]),
/// the verbs of [`IGNORE`] and [`ACCEPT`] (a test checks that they are the same).
pub const IGNORE_PATTERN: &str = concat!(
    r"^[^\p{L}]*(ignore|ignorer|ignorieren|ignorar|ignora|negeren)([^\p{L}]|$)",
    r"|(^|[^\p{L}])(ignore|ignorer|ignorieren|ignorar|ignora|negeren)[^\p{L}]*$",
);
pub const ACCEPT_PATTERN: &str = concat!(
    r"^[^\p{L}]*(accept|accepter|annehmen|akzeptieren|aceptar|accetta|aceitar|accepteren)([^\p{L}]|$)",
    r"|(^|[^\p{L}])(accept|accepter|annehmen|akzeptieren|aceptar|accetta|aceitar|accepteren)[^\p{L}]*$",
);

/// The kind of a non-person invitation from its status wording.
pub fn kind_from_status(line: &str) -> Option<SenderKind> {
    let folded = fold(line);
    NOT_PERSON.iter().find(|(words, _)| contains_words(&folded, words)).map(|&(_, kind)| kind)
}

/// Reads a mutual-connections line, given `folded`, its [`fold`]: "Ada Lovelace and 12 other
/// mutual connections" (13, Ada), "Ada Lovelace is a mutual connection", "Ada and Alan are mutual
/// connections", "12 mutual connections". `None` when the line is not one.
pub fn mutual(line: &str, folded: &str) -> Option<MutualConnections> {
    // Word starts only: "mutual connection" also stands for its plural.
    if !holds_words(folded, MUTUAL, false) {
        return None;
    }
    let mut names: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut others = 0;
    for token in line.split_whitespace() {
        let word = fold(token);
        if let Some(n) = number(token) {
            others = n;
            break;
        }
        if MUTUAL_STOPS.contains(&word.as_str()) {
            break;
        }
        if AND.contains(&word.as_str()) {
            push_name(&mut names, &mut current);
            continue;
        }
        current.push(token.trim_end_matches(','));
        if token.ends_with(',') {
            push_name(&mut names, &mut current);
        }
    }
    push_name(&mut names, &mut current);
    let count = others.saturating_add(names.len() as u32);
    Some(MutualConnections { count, names })
}

fn push_name(names: &mut Vec<String>, current: &mut Vec<&str>) {
    if !current.is_empty() {
        names.push(crate::text::joined(current, " "));
        current.clear();
    }
}

/// A count as LinkedIn writes it ("12", "1,204"); `None` for a word, `u32::MAX` when too large.
fn number(token: &str) -> Option<u32> {
    let mut count: Option<u32> = None;
    for c in token.chars().filter(|c| !matches!(c, ',' | '.' | '\u{a0}')) {
        let digit = c.to_digit(10)?;
        let more = count.unwrap_or(0).checked_mul(10).and_then(|n| n.checked_add(digit));
        count = Some(more.unwrap_or(u32::MAX));
    }
    count
}

/// The organization of a "<Org> common organization" line, given `folded`, its [`fold`]; `None`
/// when the line is not one.
pub fn organization(line: &str, folded: &str) -> Option<String> {
    let marker =
        ORGANIZATION.iter().find(|m| ends_with_words(folded, m) || starts_with_words(folded, m))?;
    let at_end = folded.ends_with(*marker);
    let mut tokens: Vec<&str> = line.split_whitespace().collect();
    let mut words_left = marker.split(' ').count();
    while words_left > 0 && !tokens.is_empty() {
        let token = if at_end { tokens.pop() } else { Some(tokens.remove(0)) };
        words_left = words_left.saturating_sub(fold(token.unwrap_or("")).split(' ').count());
    }
    let org = crate::text::joined(&tokens, " ");
    let org = org.trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '.');
    (!org.is_empty()).then(|| org.to_string())
}

/// Whether a line is an age ("2 weeks ago", "Yesterday", "il y a 3 jours", "vor 2 Wochen"),
/// given its [`fold`].
pub fn is_age(folded: &str) -> bool {
    if AGE_WORDS.contains(&folded) {
        return true;
    }
    let ago = AGO_SUFFIX.iter().any(|s| ends_with_words(folded, s))
        || AGO_PREFIX.iter().any(|p| starts_with_words(folded, p));
    let words = || folded.split(' ');
    let counted = || words().any(|w| w.chars().all(|c| c.is_ascii_digit()) || ONE.contains(&w));
    ago && words().count() <= 5 && counted()
}

/// A line that ends with an age ("Data Engineer 2 weeks ago"): the text before it, and the age.
pub fn split_age(line: &str) -> (&str, Option<&str>) {
    // By bytes (spaces are ASCII): the last two, three and four words.
    let mut words = 0;
    for (at, _) in line.bytes().enumerate().rev().filter(|&(_, b)| b == b' ') {
        words += 1;
        if words > 4 {
            break;
        }
        let (Some(head), Some(tail)) = (line.get(..at), line.get(at + 1..)) else { continue };
        if words > 1 && is_age(&fold(tail)) {
            return (head, Some(tail));
        }
    }
    (line, None)
}

/// Whether `folded` holds `words` as whole words.
fn contains_words(folded: &str, words: &str) -> bool {
    holds_words(folded, &[words], true)
}

/// Whether `folded` holds one of `phrases` from a word's start, and to a word's end when `whole`:
/// all of them looked for in one pass over its words.
pub fn holds_words(folded: &str, phrases: &[&str], whole: bool) -> bool {
    let mut rest = folded;
    loop {
        // The first byte first: most words differ there.
        let starts = |phrase: &&str| {
            let after = (rest.as_bytes().first() == phrase.as_bytes().first())
                .then(|| rest.strip_prefix(*phrase))
                .flatten();
            after.is_some_and(|after| !whole || after.is_empty() || after.starts_with(' '))
        };
        if phrases.iter().any(starts) {
            return true;
        }
        // Folded text has one space between words.
        let Some(space) = rest.bytes().position(|b| b == b' ') else { return false };
        rest = rest.get(space + 1..).unwrap_or_default();
    }
}

/// Whether `folded` starts with `words` followed by more words.
fn starts_with_words(folded: &str, words: &str) -> bool {
    folded.strip_prefix(words).is_some_and(|rest| rest.starts_with(' '))
}

/// Whether `folded` ends with `words` after other words.
fn ends_with_words(folded: &str, words: &str) -> bool {
    folded.strip_suffix(words).is_some_and(|rest| rest.ends_with(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> (u32, Vec<String>) {
        let m = mutual(line, &fold(line)).expect("a mutual-connections line");
        (m.count, m.names)
    }

    #[test]
    fn mutual_connections_in_each_phrasing() {
        assert_eq!(
            read("Ada Lovelace and 12 other mutual connections"),
            (13, vec!["Ada Lovelace".into()])
        );
        assert_eq!(read("Ada Lovelace is a mutual connection"), (1, vec!["Ada Lovelace".into()]));
        assert_eq!(
            read("Ada Lovelace and Alan Turing are mutual connections"),
            (2, vec!["Ada Lovelace".into(), "Alan Turing".into()])
        );
        assert_eq!(read("12 mutual connections"), (12, vec![]));
        assert_eq!(
            read("Léa Martin et 4 autres relations en commun"),
            (5, vec!["Léa Martin".into()])
        );
        assert_eq!(
            read("Anna Schmidt und 3 weitere gemeinsame Kontakte"),
            (4, vec!["Anna Schmidt".into()])
        );
        assert_eq!(
            read("Anna Schmidt ist ein gemeinsamer Kontakt"),
            (1, vec!["Anna Schmidt".into()])
        );
        assert_eq!(mutual("Mutual fund analyst", "mutual fund analyst"), None);
    }

    #[test]
    fn organization_lines() {
        let org = |line: &str| organization(line, &fold(line));
        assert_eq!(
            org("Globex Corporation common organization").as_deref(),
            Some("Globex Corporation")
        );
        assert_eq!(org("Siemens AG · gemeinsame Organisation").as_deref(), Some("Siemens AG"));
        assert_eq!(org("Organisation en commun : Airbus").as_deref(), Some("Airbus"));
        assert_eq!(org("Head of common organization design"), None);
    }

    #[test]
    fn ages_and_not_ages() {
        for age in [
            "2 weeks ago",
            "Yesterday",
            "3 days ago",
            "an hour ago",
            "Il y a 3 jours",
            "vor 2 Wochen",
            "Gestern",
        ] {
            assert!(is_age(&fold(age)), "{age}");
        }
        for line in
            ["Vor Ort Service GmbH", "Founder, 3 startups", "Today I learned", "Head of Sales"]
        {
            assert!(!is_age(&fold(line)), "{line}");
        }
    }

    #[test]
    fn the_content_scripts_patterns_hold_the_same_verbs() {
        for (pattern, verbs) in [(IGNORE_PATTERN, IGNORE), (ACCEPT_PATTERN, ACCEPT)] {
            let any = verbs.join("|");
            let want =
                format!(r"^[^\p{{L}}]*({any})([^\p{{L}}]|$)|(^|[^\p{{L}}])({any})[^\p{{L}}]*$");
            assert_eq!(pattern, want);
        }
        assert!(
            is_accept("Einladung von Jonas annehmen") && !is_accept("Invite Ada Accept to connect")
        );
    }

    #[test]
    fn ignore_labels_in_three_languages() {
        assert!(is_ignore("Ignore an invitation to connect from Ada"));
        assert!(is_ignore("Ignorer l’invitation de Camille"));
        assert!(is_ignore("Einladung zum Vernetzen von Jonas ignorieren"));
        assert!(!is_ignore("Invite Ada to connect"));
    }
}
