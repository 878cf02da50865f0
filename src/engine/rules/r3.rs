//! R3: the essay's third reason. LinkedIn is not a popularity contest, so open networkers are
//! refused: "LION", "open networker", "TopLinked", "I accept all invitations", a connection
//! count worn as a badge ("30K+"), or an e-mail address in the headline for all to invite.

use super::{Case, Field, Lists, Rule, Vocabulary};
use crate::text::{fold, positions, terms, Lexicon};
use crate::verdict::{english, Because, Decision};

pub const RULE: Rule = Rule {
    id: "R3",
    title: english("Open networkers"),
    reason: english(
        "LinkedIn is not a popularity contest involving who has the most fans or followers.",
    ),
    effect: Decision::Refuse,
    default_on: true,
    hint: None,
    matcher,
    reply: english(REPLY),
    terms: Some(add_terms),
};

/// The reply when this rule decides (see `Rule::reply`).
pub const REPLY: &str = "Hi $1, thank you for the invitation. My LinkedIn network is not about numbers: it is a trusted group of people I know personally, so I won't be connecting. All the best.";

/// Open networkers' own words, in the seven languages. "LION" itself is found in the raw text
/// (see [`lion`]): in lower case, "lion" is a name or an animal.
const OPEN_NETWORKER: &str = concat!(
    "l i o n, linkedin open networker, open networker, open networkers, toplinked, ",
    "top linked, accept all invitations, accepting all invitations, accept all invites, ",
    "all invitations accepted, all invites accepted, accept all connection requests, ",
    "accept all requests, i accept everyone, never idk, no idk, never ignore, ",
    "follow back, offener netzwerker, offene netzwerkerin, nehme alle einladungen an, ",
    "akzeptiere alle einladungen, reseauteur ouvert, reseauteuse ouverte, ",
    "accepte toutes les invitations, networker abierto, acepto todas las invitaciones, ",
    "acepto todas las solicitudes, networker aperto, accetto tutti gli inviti, ",
    "accetto tutte le richieste, open netwerker, accepteer alle uitnodigingen, ",
    "networker aberto, aceito todos os convites, aceito todas as conexoes, ",
);

/// What a count of that many is of, folded: "30K+ connections", "12.000 Kontakte".
const CONNECTION_WORDS: &[&str] = &[
    "connections",
    "connection",
    "contacts",
    "followers",
    "follower",
    "network",
    "kontakte",
    "verbindungen",
    "relations",
    "connexions",
    "abonnes",
    "conexiones",
    "contactos",
    "seguidores",
    "contatti",
    "collegamenti",
    "connessioni",
    "connecties",
    "contacten",
    "volgers",
    "conexoes",
    "contatos",
];

fn add_terms(lexicon: &mut Lexicon, lists: &Lists) {
    let open = Vocabulary::OpenNetworker;
    open.add(lexicon, terms(OPEN_NETWORKER));
    open.add(lexicon, lists.open_networker_terms.iter().map(String::as_str));
    // Cheap signs that the raw text is worth a look (see `open_networker`).
    Vocabulary::LionWord.add(lexicon, ["lion"]);
    Vocabulary::AtSign.add(lexicon, ["@"]);
}

/// What a field says of the sender, as messages (key, English): an open networker's term, a
/// connection count, an e-mail address.
type Says = [(&'static str, &'static str); 3];

const HEADLINE_SAYS: Says = [
    ("because_R3_headline_term", english("Headline calls the sender an open networker: \"$1\".")),
    ("because_R3_headline_count", english("Headline shows off a connection count: \"$1\".")),
    ("because_R3_headline_email", english("Headline shows an e-mail address to invite: \"$1\".")),
];

const NAME_SAYS: Says = [
    ("because_R3_name_term", english("Name calls the sender an open networker: \"$1\".")),
    ("because_R3_name_count", english("Name shows off a connection count: \"$1\".")),
    ("because_R3_name_email", english("Name shows an e-mail address to invite: \"$1\".")),
];

fn matcher<'a>(case: &Case<'a>) -> Option<Because<'a>> {
    let inv = case.invitation;
    open_networker(&HEADLINE_SAYS, &inv.headline, &case.headline)
        .or_else(|| open_networker(&NAME_SAYS, &inv.name, &case.name))
}

/// The raw text is only searched when the folded one shows a sign of what is sought.
fn open_networker<'a>(says: &Says, raw: &'a str, field: &Field<'a>) -> Option<Because<'a>> {
    let [(term_key, term), (count_key, count), (email_key, email)] = *says;
    let capital_lion =
        || (field.hit(Vocabulary::LionWord).is_some() && lion(raw)).then_some("LION");
    if let Some(found) = field.hit(Vocabulary::OpenNetworker).or_else(capital_lion) {
        return Some(Because::new(term_key, term, found));
    }
    if let Some(found) = field.saw_number().then(|| connection_count(raw)).flatten() {
        return Some(Because::new(count_key, count, found));
    }
    let address = field.hit(Vocabulary::AtSign).and_then(|_| email_address(raw))?;
    Some(Because::new(email_key, email, address))
}

/// "LION" in capitals as a word of its own, in text that is not all capitals or set apart by
/// punctuation ("Ada LION", "CEO | LION 🦁", but not "ADA LION"), or any case in brackets or as
/// a hashtag: "[LION]", "(lion)", "#Lion".
fn lion(text: &str) -> bool {
    let has_lower_case = text.chars().any(char::is_lowercase);
    let alnum = char::is_alphanumeric;
    let capital = positions(text, "LION").any(|at| {
        let (before, after) = (text.get(..at).unwrap_or(""), text.get(at + 4..).unwrap_or(""));
        let word = !before.ends_with(alnum) && !after.starts_with(alnum);
        let set_apart =
            !before.trim_end().ends_with(alnum) && !after.trim_start().starts_with(alnum);
        word && (has_lower_case || set_apart)
    });
    capital
        || text.bytes().enumerate().any(|(at, b)| {
            matches!(b, b'[' | b'(' | b'{' | b'#' | b'<')
                && text.get(at + 1..at + 5).is_some_and(|w| w.eq_ignore_ascii_case("lion"))
                && !text.get(at + 5..).is_some_and(|rest| rest.starts_with(alnum))
        })
}

/// A count worn as a badge: 5,000 or more followed by "+" ("5000+", "30K+ |"), or 1,000 or
/// more of connections or followers ("12K followers"). "5000+ companies served" is not one.
fn connection_count(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() || (at > 0 && bytes[at - 1].is_ascii_alphanumeric()) {
            at += 1;
            continue;
        }
        let (end, value) = read_count(bytes, at);
        if let Some(claim_end) = count_claim(text, end, value) {
            return text.get(at..claim_end);
        }
        at = end.max(at + 1);
    }
    None
}

/// The number starting at `start` ("30", "5,000", "10.000", "30 000", "30K"): where it ends,
/// and its value.
fn read_count(bytes: &[u8], start: usize) -> (usize, u64) {
    let digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    let mut end = start;
    let mut value: u64 = 0;
    while digit(end) {
        value = value.saturating_mul(10).saturating_add(u64::from(bytes[end] - b'0'));
        end += 1;
        let grouped = matches!(bytes.get(end), Some(b',' | b'.' | b' '))
            && (1..=3).all(|i| digit(end + i))
            && !digit(end + 4);
        if grouped {
            end += 1;
        }
    }
    let thousands = matches!(bytes.get(end), Some(b'k' | b'K'))
        && !bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic);
    if thousands {
        return (end + 1, value.saturating_mul(1000));
    }
    (end, value)
}

/// Where the claim ends, when the number at `end` is one.
fn count_claim(text: &str, end: usize, value: u64) -> Option<usize> {
    if value < 1000 {
        return None;
    }
    let rest = text.get(end..)?;
    let after_plus = rest.trim_start_matches(' ').strip_prefix('+');
    let after = after_plus.unwrap_or(rest).trim_start();
    let word_len = after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len());
    let word_end = text.len() - after.len() + word_len;
    if word_len > 0 && CONNECTION_WORDS.contains(&fold(after.get(..word_len)?).as_str()) {
        return Some(word_end);
    }
    let alone = !after.starts_with(char::is_alphanumeric);
    (after_plus.is_some() && value >= 5000 && alone)
        .then(|| text.len() - after_plus.map_or(0, str::len))
}

/// The first e-mail address in the text ("jane@example.com"); "Engineer @ Acme" is not one.
fn email_address(text: &str) -> Option<&str> {
    let local = |b: &u8| b.is_ascii_alphanumeric() || b"._%+-".contains(b);
    let domain = |b: &u8| b.is_ascii_alphanumeric() || b".-".contains(b);
    text.match_indices('@').find_map(|(at, _)| {
        let (before, after) = (text.get(..at)?, text.get(at + 1..)?);
        let start = before.bytes().rposition(|b| !local(&b)).map_or(0, |p| p + 1);
        let length = after.bytes().position(|b| !domain(&b)).unwrap_or(after.len());
        let host = after.get(..length)?.trim_end_matches(['.', '-']);
        if start < at && is_host(host) {
            text.get(start..at + 1 + host.len())
        } else {
            None
        }
    })
}

/// "example.com": labels of letters, digits and dashes, the last one letters only.
fn is_host(host: &str) -> bool {
    super::r1::ending_of(host).is_some_and(|(labels, last)| {
        labels.split('.').all(|l| !l.is_empty())
            && last.len() >= 2
            && last.bytes().all(|b| b.is_ascii_alphabetic())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lion_in_its_spellings_but_not_the_animal_or_the_name() {
        for text in
            ["Ada Smith [LION]", "CEO | LION 🦁", "Ada (lion)", "#lion networker", "Ada LION"]
        {
            assert!(lion(text), "{text:?}");
        }
        for text in
            ["Lion Feuchtwanger", "Sea lion researcher", "DANDELION", "ADA LION", "LIONS club"]
        {
            assert!(!lion(text), "{text:?}");
        }
    }

    #[test]
    fn counts_worn_as_badges() {
        assert_eq!(connection_count("CEO | 30K+ | LION"), Some("30K+"));
        assert_eq!(connection_count("5,000+ connections"), Some("5,000+ connections"));
        assert_eq!(connection_count("Coach 🔗 10.000+"), Some("10.000+"));
        assert_eq!(connection_count("12K followers"), Some("12K followers"));
        assert_eq!(connection_count("Helped 5000+ companies grow"), None);
        assert_eq!(connection_count("500+ connections"), None);
        assert_eq!(connection_count("Since 2019, 30 years"), None);
        assert_eq!(connection_count("Call +1 555 123 4567"), None);
    }

    #[test]
    fn email_addresses_but_not_at_signs() {
        assert_eq!(
            email_address("Invite me: jane.doe+li@example.co.uk."),
            Some("jane.doe+li@example.co.uk")
        );
        assert_eq!(email_address("Engineer @ Acme.com"), None);
        assert_eq!(email_address("Engineer@Google"), None);
        assert_eq!(email_address("@@@ x@y.c"), None);
    }
}
