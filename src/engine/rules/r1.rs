//! R1: the essay's first reason. LinkedIn is a professional network, not a social one: a note
//! that is social or spam (romance and "dear friend" openers, crypto, forex and investment
//! pitches, "add me on WhatsApp", links to unknown sites) is refused, and LinkedIn's own
//! "I don't know this person" or "Report spam" suggested.

use super::{Case, Lists, Rule, Vocabulary};
use crate::text::{after, terms, Lexicon};
use crate::verdict::{english, Because, Decision};
use std::borrow::Cow;

pub const RULE: Rule = Rule {
    id: "R1",
    title: english("Social or spam notes"),
    reason: english("LinkedIn is a professional network, not a social network."),
    effect: Decision::Refuse,
    default_on: true,
    hint: Some(english(
        "If you don't know the sender at all, use LinkedIn's \"I don't know this person\" or \
         \"Report spam\" (Vetted never clicks them for you).",
    )),
    matcher,
    reply: english(REPLY),
    terms: Some(add_terms),
};

/// The reply when this rule decides (see `Rule::reply`).
pub const REPLY: &str = "Hi $1, thank you for reaching out. I keep LinkedIn for professional contacts with people I know, so I won't be accepting your invitation.";

/// Romance and "dear friend" openers, in the seven languages. Single words that a
/// professional note also uses ("beautiful code", "friendship") are left out.
const SOCIAL: &str = concat!(
    "dear friend, my dear, hello dear, hi dear, dear one, hello beautiful, ",
    "hi beautiful, hello handsome, hi handsome, you are beautiful, you re beautiful, ",
    "beautiful lady, beautiful woman, pretty lady, handsome man, ",
    "beautiful smile, lovely smile, your smile, your profile picture, your pretty, ",
    "sweetheart, my darling, hi darling, hello darling, hi honey, hello honey, ",
    "soulmate, serious relationship, looking for a relationship, ",
    "looking for friendship, new friendship, make friends, be friends, lieber freund, ",
    "liebe freundin, mein lieber, meine liebe, hallo schone, schones lacheln, ",
    "dein lacheln, ernsthafte beziehung, cher ami, chere amie, mon cher, ma chere, ",
    "ma belle, mon amour, beau sourire, ton sourire, relation serieuse, ",
    "querido amigo, querida amiga, mi querida, mi querido, hola hermosa, hola guapa, ",
    "mi amor, hermosa sonrisa, tu sonrisa, relacion seria, caro amico, cara amica, ",
    "mia cara, mio caro, ciao bella, amore mio, bel sorriso, tuo sorriso, ",
    "relazione seria, beste vriend, lieve vriend, lieve vriendin, mijn lieve, ",
    "hallo schat, mooie glimlach, je glimlach, serieuze relatie, meu querido, ",
    "minha querida, ola linda, meu amor, lindo sorriso, seu sorriso, ",
    "relacionamento serio, ",
);

/// Crypto, forex and investment pitches. "crypto" alone is also cryptography.
const MONEY: &str = concat!(
    "forex, fx trading, usdt, airdrop, binary options, binary trading, ",
    "trading signals, crypto trading, crypto investment, crypto investments, ",
    "invest in crypto, crypto currency, cryptocurrency investment, cryptocurrency trading, ",
    "bitcoin investment, bitcoin trading, invest in bitcoin, earn bitcoin, ",
    "bitcoin mining, crypto mining, investment opportunity, investment platform, ",
    "investment plan, trading platform, passive income, financial freedom, ",
    "guaranteed returns, guaranteed return, guaranteed profit, daily profit, ",
    "weekly profit, make money online, earn money online, double your money, ",
    "double your investment, kryptowahrung, passives einkommen, finanzielle freiheit, ",
    "garantierte rendite, devisenhandel, cryptomonnaie, crypto monnaie, revenu passif, ",
    "revenus passifs, liberte financiere, rendement garanti, ",
    "opportunite d investissement, criptomoneda, criptomonedas, ingresos pasivos, ",
    "libertad financiera, rentabilidad garantizada, oportunidad de inversion, ",
    "criptovaluta, criptovalute, reddito passivo, liberta finanziaria, ",
    "rendimento garantito, opportunita di investimento, cryptomunt, cryptomunten, ",
    "passief inkomen, financiele vrijheid, gegarandeerd rendement, beleggingskans, ",
    "criptomoeda, criptomoedas, renda passiva, liberdade financeira, retorno garantido, ",
    "oportunidade de investimento, ",
);

/// Asking to move the conversation to a messenger, in the seven languages.
const OFF_PLATFORM: &str = concat!(
    "whatsapp, on telegram, via telegram, my telegram, telegram me, on wechat, ",
    "my wechat, wechat id, on viber, on kik, on snapchat, on hangouts, ",
    "google hangouts, text me, auf telegram, per telegram, sur telegram, en telegram, ",
    "por telegram, su telegram, op telegram, no telegram, pelo telegram, ",
);

/// Sites a note may always link to: LinkedIn's own, and code hosts.
const TRUSTED_SITES: &[&str] = &["linkedin.com", "lnkd.in", "github.com", "gitlab.com"];

/// Top-level domains of a bare "site.tld/path" link; "node.js/react" is not a link.
const BARE_LINK_ENDINGS: &str = concat!(
    "com, net, org, io, co, me, ly, gl, gg, app, dev, xyz, info, biz, ",
    "site, online, top, link, click, live, shop, store, vip, club, to, cc, ",
    "tk, ml, ga, cf, gq, ru, cn, in, us, uk, de, fr, es, it, nl, ",
    "pt, br, eu, ai, ",
);

fn add_terms(lexicon: &mut Lexicon, lists: &Lists) {
    Vocabulary::Social.add(lexicon, terms(SOCIAL));
    Vocabulary::Money.add(lexicon, terms(MONEY));
    Vocabulary::OffPlatform.add(lexicon, terms(OFF_PLATFORM));
    Vocabulary::SpamTerm.add(lexicon, lists.spam_terms.iter().map(String::as_str));
    // A sign that the raw note is worth searching for links (see `matcher`).
    Vocabulary::WebAddress.add(lexicon, ["www", "http", "https"]);
}

/// The sites a note may link to: Vetted's own and the user's, as host names.
pub fn trusted_sites(lists: &Lists) -> Vec<String> {
    let own = TRUSTED_SITES.iter().map(|s| s.to_string());
    own.chain(lists.trusted_sites.iter().filter_map(|s| site_of(s))).collect()
}

/// What a note with a term of each vocabulary is, as a message (key, English).
const SAYS: [(Vocabulary, &str, &str); 4] = [
    (
        Vocabulary::Social,
        "because_R1_social",
        english("Note opens like a social or romance message: \"$1\"."),
    ),
    (
        Vocabulary::Money,
        "because_R1_money",
        english("Note pitches crypto, forex or investments: \"$1\"."),
    ),
    (
        Vocabulary::OffPlatform,
        "because_R1_app",
        english("Note asks to continue on another app: \"$1\"."),
    ),
    (
        Vocabulary::SpamTerm,
        "because_R1_spam",
        english("Note uses a term on your spam list: \"$1\"."),
    ),
];

fn matcher<'a>(case: &Case<'a>) -> Option<Because<'a>> {
    let note = &case.note;
    for (vocabulary, key, english) in SAYS {
        if let Some(term) = note.hit(vocabulary) {
            return Some(Because::new(key, english, term));
        }
    }
    let raw = case.personal_note?;
    // Every link has a "/" or a "www": most notes have neither, and are not searched.
    if note.hit(Vocabulary::WebAddress).is_none() && !raw.as_bytes().contains(&b'/') {
        return None;
    }
    let detail = Cow::Owned(unknown_site(raw, case.trusted_sites)?);
    Some(Because::new(
        "because_R1_site",
        "Note links to a site you have not trusted: \"$1\".",
        detail,
    ))
}

/// The first site the note links to that is not trusted.
fn unknown_site(note: &str, trusted: &[String]) -> Option<String> {
    note.split_whitespace()
        .filter_map(link_host)
        .find(|host| !trusted.iter().any(|t| is_within(host, t)))
}

/// `host` is `site` or one of its subdomains ("www.github.com" is within "github.com").
fn is_within(host: &str, site: &str) -> bool {
    host == site || host.strip_suffix(site).is_some_and(|sub| sub.ends_with('.'))
}

/// The host a word links to: "https://…", "www.…", or a bare "site.tld/path" in lower case.
fn link_host(word: &str) -> Option<String> {
    let word = word
        .trim_start_matches(['(', '[', '<', '"', '\'', '“', '«'])
        .trim_end_matches([')', ']', '>', '"', '\'', '.', ',', ';', ':', '!', '?', '”', '»']);
    let has_scheme =
        starts_with_ignoring_case(word, "http://") || starts_with_ignoring_case(word, "https://");
    if has_scheme || starts_with_ignoring_case(word, "www.") {
        return site_of(word);
    }
    let (host, _path) = word.split_once('/')?;
    let known_ending =
        |(_, ending): (&str, &str)| terms(BARE_LINK_ENDINGS).any(|known| known == ending);
    let bare_link =
        !host.bytes().any(|b| b.is_ascii_uppercase()) && ending_of(host).is_some_and(known_ending);
    if bare_link {
        return site_of(host);
    }
    None
}

fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// The host name of a site or link, lower-cased and without "www.": "https://WWW.Example.org/x"
/// is "example.org". `None` when it is not one.
pub fn site_of(text: &str) -> Option<String> {
    let text = text.trim();
    let after_scheme = after(text, "://").unwrap_or(text);
    let host = after_scheme.split(['/', '?', '#', ':']).next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").map(str::to_string).unwrap_or(host);
    let (labels, last) = ending_of(&host)?;
    let labels_ok = labels
        .split('.')
        .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    let ok = labels_ok && last.len() >= 2 && last.bytes().all(|b| b.is_ascii_alphabetic());
    ok.then_some(host)
}

/// A host's labels before its last dot, and its ending: "mail.example.org" is ("mail.example",
/// "org"); `None` without a dot. By bytes: a split from the back brings a searcher of its own
/// into the wasm.
pub fn ending_of(host: &str) -> Option<(&str, &str)> {
    let dot = host.bytes().rposition(|b| b == b'.')?;
    Some((host.get(..dot)?, host.get(dot + 1..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_unknown_sites_but_not_to_trusted_ones_or_code_names() {
        let trusted: Vec<String> = ["github.com".to_string(), "example.org".to_string()].into();
        let site = |note: &str| unknown_site(note, &trusted);
        assert_eq!(
            site("Check https://Crypto-Gains.xyz/join now").as_deref(),
            Some("crypto-gains.xyz")
        );
        assert_eq!(site("see (bit.ly/3xYz)").as_deref(), Some("bit.ly"));
        assert_eq!(site("or t.me/richlife").as_deref(), Some("t.me"));
        assert_eq!(site("My work: https://github.com/ada and www.example.org."), None);
        assert_eq!(site("I work with Node.js/React and ASP.NET/C#, at Booking.com"), None);
    }

    #[test]
    fn sites_are_host_names() {
        assert_eq!(site_of("https://WWW.Example.org/x?y").as_deref(), Some("example.org"));
        assert_eq!(site_of("rust-lang.org").as_deref(), Some("rust-lang.org"));
        assert_eq!(site_of("not a site"), None);
        assert_eq!(site_of("localhost"), None);
    }
}
