//! The rules engine, case by case, through the public API: every rule, every switch turned
//! off, the precedence conflicts, the vocabularies in seven languages and the false positives
//! a naive matcher makes. Then a property test: classification never panics and is
//! deterministic on arbitrary Unicode.

use std::collections::BTreeMap;
use vetted::settings::{self, Value};
use vetted::{Decision, Engine, Invitation, MutualConnections, NoteState, SenderKind, CATALOGUE};

#[derive(Clone, Copy)]
struct Row {
    about: &'static str,
    name: &'static str,
    slug: &'static str,
    headline: &'static str,
    status: &'static str,
    common_organization: &'static str,
    /// The message; "" is a card without one.
    note: &'static str,
    mutual: u32,
    /// Rules switched off.
    off: &'static [&'static str],
    /// Settings lists: (key, entry).
    lists: &'static [(&'static str, &'static str)],
    /// "decision ids… note|no-note [hint]", e.g. "refuse R6 R5 no-note".
    expect: &'static str,
}

/// A plain personal note that no rule looks for.
const NOTE: &str = "Hello, I follow your work on compilers.";

const BASE: Row = Row {
    about: "",
    name: "Alex Morgan",
    slug: "",
    headline: "",
    status: "",
    common_organization: "",
    note: NOTE,
    mutual: 0,
    off: &[],
    lists: &[],
    expect: "",
};

const ROWS: &[Row] = &[
    // K: people the user knows.
    Row {
        about: "known by profile link",
        slug: "ada-lovelace-1815",
        note: "",
        lists: &[("known_people", "https://www.linkedin.com/in/ada-lovelace-1815/")],
        expect: "accept K no-note",
        ..BASE
    },
    Row {
        about: "known by name despite case, accents, credentials and emoji",
        name: "Dr. ZOË O’Neil, PhD 🚀",
        lists: &[("known_people", "Zoe O'Neil")],
        expect: "accept K note",
        ..BASE
    },
    Row {
        about: "known by name with dotted credentials and pronouns",
        name: "Zoe O'Neil M.B.A. (she/her)",
        note: "",
        lists: &[("known_people", "Zoë  O'Neil, CPA")],
        expect: "accept K no-note",
        ..BASE
    },
    Row {
        about: "a recruiter the user knows is accepted",
        headline: "Senior Recruiter at Hays",
        note: "",
        lists: &[("known_people", "Alex Morgan")],
        expect: "accept K R6 no-note",
        ..BASE
    },
    Row {
        about: "a known sender with only the default text",
        note: "I'd like to add you to my professional network on LinkedIn.",
        lists: &[("known_people", "Alex Morgan")],
        expect: "accept K no-note",
        ..BASE
    },
    Row {
        about: "K off: a known sender is left to consider, not refused",
        note: "",
        off: &["K"],
        lists: &[("known_people", "Alex Morgan")],
        expect: "consider no-note",
        ..BASE
    },
    Row {
        about: "a namesake with another profile is still known by name",
        slug: "alex-morgan-77",
        lists: &[("known_people", "in/alex-morgan-12")],
        expect: "consider R2 note",
        ..BASE
    },
    // E2: met on other channels.
    Row {
        about: "met elsewhere, by handle and slug",
        slug: "ferris-crab-a1b2c3",
        name: "Ferris 🦀",
        lists: &[("met_elsewhere", "@ferris_crab")],
        expect: "accept E2 note",
        ..BASE
    },
    Row {
        about: "met elsewhere, by name; a spammy note is still listed",
        name: "Linus Torvalds",
        note: "Dear friend, add me on WhatsApp",
        lists: &[("met_elsewhere", "Linus Torvalds")],
        expect: "accept E2 R1 note",
        ..BASE
    },
    Row {
        about: "E2 off",
        name: "Linus Torvalds",
        note: "",
        off: &["E2"],
        lists: &[("met_elsewhere", "Linus Torvalds")],
        expect: "consider no-note",
        ..BASE
    },
    // R6: refused roles, seven languages.
    Row {
        about: "EN recruiter",
        headline: "Senior Technical Recruiter at Google",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "EN talent acquisition",
        headline: "Talent Acquisition Partner | EMEA",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "EN HR business partner",
        headline: "HR Business Partner",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "EN dotted H.R.",
        headline: "H.R. Manager, retail",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "EN headhunter",
        headline: "Headhunter for C-level roles",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "EN realtor",
        headline: "Licensed Realtor® | Homes in Austin",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "EN real-estate agent",
        headline: "Real-Estate Agent, Keller Williams",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "EN staffing",
        headline: "Staffing Specialist - IT",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "EN people partner",
        headline: "People Partner at Stripe",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "EN sourcer",
        headline: "Sourcer | Tech | Remote",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "EN styled letters",
        headline: "𝗥𝗲𝗰𝗿𝘂𝗶𝘁𝗲𝗿 🚀 Fintech",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "DE recruiter",
        headline: "Personalvermittlerin bei Hays",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "DE estate agent",
        headline: "Immobilienmakler in München",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "FR recruiter",
        headline: "Chargée de recrutement chez Capgemini",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "FR estate agent",
        headline: "Agent immobilier indépendant",
        expect: "refuse R6 note",
        ..BASE
    },
    Row { about: "FR HR", headline: "Responsable RH", expect: "refuse R6 note", ..BASE },
    Row {
        about: "ES recruiter",
        headline: "Reclutadora IT en Madrid",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "ES estate agent",
        headline: "Agente inmobiliario",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "ES HR",
        headline: "Recursos Humanos | Selección de personal",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "IT recruiter",
        headline: "Selezionatrice presso Adecco",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "IT estate agent",
        headline: "Agente immobiliare a Milano",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "IT HR",
        headline: "Responsabile Risorse Umane",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "NL recruiter",
        headline: "Intercedent bij Randstad",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "NL estate agent",
        headline: "Makelaar in Amsterdam",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "PT recruiter",
        headline: "Recrutadora na Accenture",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "PT estate agent",
        headline: "Corretor de Imóveis",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "role in the status line",
        status: "Alex Morgan, Recruiter, is inviting you to connect",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "a role the user added",
        headline: "Personalentwickler",
        lists: &[("refused_roles", "Personalentwickler")],
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "R6 off",
        headline: "Senior Recruiter",
        off: &["R6"],
        expect: "consider R2 note",
        ..BASE
    },
    // R6: the false positives of a naive matcher.
    Row {
        about: "Shreya is not HR",
        name: "Shreya Patel",
        headline: "Data scientist",
        expect: "consider R2 note",
        ..BASE
    },
    Row { about: "HRV researcher", headline: "HRV researcher", expect: "consider R2 note", ..BASE },
    Row {
        about: "real-time is not real estate",
        headline: "Real-time systems engineer",
        expect: "consider R2 note",
        ..BASE
    },
    Row {
        about: "recruiting software",
        headline: "Software Engineer at a recruiting-software company",
        expect: "consider R2 note",
        ..BASE
    },
    Row {
        about: "Christopher is not HR",
        name: "Christopher Hrabal",
        headline: "Chrome extension developer",
        expect: "consider R2 note",
        ..BASE
    },
    Row { about: "Therapist", headline: "Therapist", expect: "consider R2 note", ..BASE },
    Row {
        about: "Chrome extension developer",
        headline: "Chrome extension developer",
        expect: "consider R2 note",
        ..BASE
    },
    Row {
        about: "the employer's business is not the role",
        headline: "Software Engineer at Hays Recruitment",
        expect: "consider R2 note",
        ..BASE
    },
    Row {
        about: "no recruiters, please",
        headline: "Rust developer | No recruiters, please",
        expect: "consider R2 note",
        ..BASE
    },
    Row {
        about: "a former recruiter",
        headline: "Ex-recruiter, now Rust developer",
        expect: "consider R2 note",
        ..BASE
    },
    // R3: open networkers.
    Row {
        about: "LION and a count",
        headline: "CEO | LION | 30K+",
        expect: "refuse R3 note",
        ..BASE
    },
    Row {
        about: "LION in the name",
        name: "Max Power [LION]",
        headline: "Sales",
        expect: "refuse R3 note",
        ..BASE
    },
    Row {
        about: "L.I.O.N.",
        headline: "L.I.O.N. - Growth hacker",
        expect: "refuse R3 note",
        ..BASE
    },
    Row {
        about: "open networker",
        headline: "Open Networker, coach",
        expect: "refuse R3 note",
        ..BASE
    },
    Row { about: "TopLinked", headline: "TopLinked member", expect: "refuse R3 note", ..BASE },
    Row {
        about: "accept all invitations",
        headline: "I accept all invitations",
        expect: "refuse R3 note",
        ..BASE
    },
    Row {
        about: "followers count",
        headline: "Coach | 12K followers",
        expect: "refuse R3 note",
        ..BASE
    },
    Row {
        about: "e-mail in the headline",
        headline: "Marketing | invite: max.power@example.com",
        expect: "refuse R3 note",
        ..BASE
    },
    Row {
        about: "DE open networker",
        headline: "Offener Netzwerker",
        expect: "refuse R3 note",
        ..BASE
    },
    Row {
        about: "FR accepts all",
        headline: "J'accepte toutes les invitations",
        expect: "refuse R3 note",
        ..BASE
    },
    Row {
        about: "ES accepts all",
        headline: "Acepto todas las invitaciones",
        expect: "refuse R3 note",
        ..BASE
    },
    Row {
        about: "IT accepts all",
        headline: "Accetto tutti gli inviti",
        expect: "refuse R3 note",
        ..BASE
    },
    Row {
        about: "NL accepts all",
        headline: "Accepteer alle uitnodigingen",
        expect: "refuse R3 note",
        ..BASE
    },
    Row {
        about: "PT accepts all",
        headline: "Aceito todos os convites",
        expect: "refuse R3 note",
        ..BASE
    },
    Row {
        about: "a term the user added",
        headline: "Mega Connector",
        lists: &[("open_networker_terms", "mega connector")],
        expect: "refuse R3 note",
        ..BASE
    },
    Row {
        about: "a sea lion is no LION",
        headline: "Sea lion biologist",
        expect: "consider R2 note",
        ..BASE
    },
    Row {
        about: "an at sign is no e-mail",
        headline: "Engineer @ Acme.com",
        expect: "consider R2 note",
        ..BASE
    },
    Row {
        about: "companies served are no connections",
        headline: "Helped 5000+ companies grow",
        expect: "consider R2 note",
        ..BASE
    },
    Row {
        about: "R3 off",
        headline: "LION | 30K+",
        off: &["R3"],
        expect: "consider R2 note",
        ..BASE
    },
    // R1: social or spam notes.
    Row {
        about: "romance opener",
        note: "Hello dear, your smile caught my attention.",
        expect: "refuse R1 note hint",
        ..BASE
    },
    Row {
        about: "dear friend with crypto",
        note: "Dear friend, I have an investment opportunity in bitcoin trading.",
        expect: "refuse R1 note hint",
        ..BASE
    },
    Row {
        about: "forex and passive income",
        note: "I can show you how to earn passive income with forex.",
        expect: "refuse R1 note hint",
        ..BASE
    },
    Row {
        about: "WhatsApp",
        note: "Add me on WhatsApp +1 555 0100",
        expect: "refuse R1 note hint",
        ..BASE
    },
    Row {
        about: "a shortened link",
        note: "Check my offer at bit.ly/3xYz",
        expect: "refuse R1 note hint",
        ..BASE
    },
    Row {
        about: "DE dear friend",
        note: "Hallo lieber Freund, wie geht es dir?",
        expect: "refuse R1 note hint",
        ..BASE
    },
    Row {
        about: "FR dear friend",
        note: "Bonjour cher ami, comment allez-vous ?",
        expect: "refuse R1 note hint",
        ..BASE
    },
    Row {
        about: "ES dear friend",
        note: "Hola querida amiga, ¿cómo estás?",
        expect: "refuse R1 note hint",
        ..BASE
    },
    Row {
        about: "IT dear friend",
        note: "Ciao caro amico, come stai?",
        expect: "refuse R1 note hint",
        ..BASE
    },
    Row {
        about: "NL passive income",
        note: "Hoi! Wil je passief inkomen verdienen?",
        expect: "refuse R1 note hint",
        ..BASE
    },
    Row {
        about: "PT crypto",
        note: "Olá! Renda passiva com criptomoedas, fale comigo.",
        expect: "refuse R1 note hint",
        ..BASE
    },
    Row {
        about: "a term the user added",
        note: "Win a gift card today",
        lists: &[("spam_terms", "gift card")],
        expect: "refuse R1 note hint",
        ..BASE
    },
    Row {
        about: "GitHub links are trusted",
        note: "Loved your crate, mine is at https://github.com/alex/thing",
        expect: "consider R2 note",
        ..BASE
    },
    Row {
        about: "a site the user trusts",
        note: "See https://www.example.org/talk for my slides",
        lists: &[("trusted_sites", "example.org")],
        expect: "consider R2 note",
        ..BASE
    },
    Row {
        about: "cryptography is not a crypto pitch",
        note: "I work on post-quantum crypto at ETH, loved your paper.",
        expect: "consider R2 note",
        ..BASE
    },
    Row {
        about: "a recruiter's spam still gets the hint",
        headline: "Recruiter",
        note: "Dear friend, add me on WhatsApp",
        expect: "refuse R6 R1 note hint",
        ..BASE
    },
    Row {
        about: "R1 off",
        note: "Dear friend, how are you?",
        off: &["R1"],
        expect: "refuse R5 no-reason",
        ..BASE
    },
    // R5: no personal note.
    Row { about: "no note at all", note: "", expect: "refuse R5 no-note", ..BASE },
    Row {
        about: "default text, curly apostrophe",
        note: "I’d like to add you to my professional network on LinkedIn.",
        expect: "refuse R5 no-note",
        ..BASE
    },
    Row {
        about: "default text with a signature",
        note: "I'd like to add you to my LinkedIn network. - Alex Morgan",
        expect: "refuse R5 no-note",
        ..BASE
    },
    Row {
        about: "default text in French",
        note: "Je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn.",
        expect: "refuse R5 no-note",
        ..BASE
    },
    Row {
        about: "default text in German",
        note: "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
        expect: "refuse R5 no-note",
        ..BASE
    },
    Row {
        about: "default text in Spanish",
        note: "Me gustaría añadirte a mi red profesional en LinkedIn.",
        expect: "refuse R5 no-note",
        ..BASE
    },
    Row { about: "blank message", note: "   \n ", expect: "refuse R5 no-note", ..BASE },
    Row { about: "R5 off", note: "", off: &["R5"], expect: "consider R2 no-note", ..BASE },
    // E1: business opportunities.
    Row {
        about: "EN budget and deadline",
        note: "We have a budget and a deadline for a Rust port.",
        expect: "consider E1 note",
        ..BASE
    },
    Row {
        about: "DE project",
        note: "Wir haben ein Projekt mit festem Budget.",
        expect: "consider E1 note",
        ..BASE
    },
    Row {
        about: "FR project",
        note: "Nous avons un projet pour vous.",
        expect: "consider E1 note",
        ..BASE
    },
    Row {
        about: "ES proposal",
        note: "Tenemos una propuesta para usted.",
        expect: "consider E1 note",
        ..BASE
    },
    Row {
        about: "IT project",
        note: "Abbiamo un nuovo progetto in Rust.",
        expect: "consider E1 note",
        ..BASE
    },
    Row {
        about: "NL partnership",
        note: "Wij zoeken samenwerking.",
        expect: "consider E1 note",
        ..BASE
    },
    Row {
        about: "PT partnership",
        note: "Temos uma proposta de parceria.",
        expect: "consider E1 note",
        ..BASE
    },
    Row {
        about: "a business pitch from a recruiter is refused",
        headline: "Tech Recruiter",
        note: "I have a contract with a great budget for you.",
        expect: "refuse R6 note",
        ..BASE
    },
    Row {
        about: "an open networker with a business pitch is refused",
        headline: "LION",
        note: "We have a proposal for a partnership.",
        expect: "refuse R3 E1 note",
        ..BASE
    },
    Row {
        about: "R6 off: the recruiter's pitch is business",
        headline: "Tech Recruiter",
        note: "I have a contract for you.",
        off: &["R6"],
        expect: "consider E1 note",
        ..BASE
    },
    Row {
        about: "E1 off",
        note: "We have a budget for a Rust port.",
        off: &["E1"],
        expect: "consider R2 note",
        ..BASE
    },
    // R4: groups are for open networking.
    Row {
        about: "EN shared group only",
        note: "Hi! We're both in the Rust Programming group.",
        expect: "consider R4 note",
        ..BASE
    },
    Row {
        about: "DE shared group only",
        note: "Wir sind beide in der Gruppe Rust DACH.",
        expect: "consider R4 note",
        ..BASE
    },
    Row {
        about: "FR shared group only",
        note: "Nous sommes membres du même groupe.",
        expect: "consider R4 note",
        ..BASE
    },
    Row {
        about: "a group phrase the user added",
        note: "Saw you at the Rustaceans Meetup.",
        lists: &[("group_terms", "rustaceans meetup")],
        expect: "consider R4 note",
        ..BASE
    },
    Row {
        about: "a group and a business proposal",
        note: "We're both in the Rust group; we have a budget for an audit.",
        expect: "consider E1 note",
        ..BASE
    },
    Row {
        about: "a group and a meeting",
        note: "We're both in the Rust group and we met at RustConf.",
        expect: "consider R2 note",
        ..BASE
    },
    Row {
        about: "R4 off",
        note: "We're both in the Rust group.",
        off: &["R4"],
        expect: "consider R2 note",
        ..BASE
    },
    // O: the user's own organizations.
    Row {
        about: "own organization in the headline",
        headline: "Data engineer at ACME corp.",
        lists: &[("own_organizations", "Acme Corp")],
        expect: "consider O note",
        ..BASE
    },
    Row {
        about: "LinkedIn's common organization",
        common_organization: "ETH Zürich",
        expect: "consider O note",
        ..BASE
    },
    // O before R5 for the user's own organizations: a colleague may well be known to them.
    Row {
        about: "own organization, no note",
        headline: "Analyst, Acme Corp",
        note: "",
        lists: &[("own_organizations", "Acme Corp")],
        expect: "consider O R5 no-note",
        ..BASE
    },
    Row {
        about: "own organization on LinkedIn's common organization line, no note",
        common_organization: "Acme Corp",
        note: "",
        lists: &[("own_organizations", "Acme Corp")],
        expect: "consider O R5 no-note",
        ..BASE
    },
    Row {
        about: "a common organization only LinkedIn names, no note: decides after R4",
        common_organization: "ETH Zürich",
        note: "",
        expect: "refuse R5 O no-note",
        ..BASE
    },
    Row {
        about: "a common organization only LinkedIn names, a shared group: R4 first",
        common_organization: "ETH Zürich",
        note: "We're both members of the Rust group.",
        expect: "consider R4 O note",
        ..BASE
    },
    Row {
        about: "a recruiter from the user's organization",
        headline: "Recruiter at Acme Corp",
        lists: &[("own_organizations", "Acme Corp")],
        expect: "refuse R6 O note",
        ..BASE
    },
    Row {
        about: "O off",
        common_organization: "ETH Zürich",
        off: &["O"],
        expect: "consider R2 note",
        ..BASE
    },
    // R2: everyone else is to consider.
    Row { about: "a stranger with a note", expect: "consider R2 note", ..BASE },
    Row {
        about: "a stranger with mutual connections",
        mutual: 12,
        expect: "consider R2 note",
        ..BASE
    },
    Row { about: "R2 off", off: &["R2"], expect: "consider note", ..BASE },
    Row {
        about: "every rule off",
        note: "",
        off: &["K", "E2", "R6", "R3", "R1", "R5", "E1", "R4", "O", "R2"],
        expect: "consider no-note",
        ..BASE
    },
];

struct Expected {
    decision: Decision,
    rules: Vec<String>,
    note: NoteState,
    hint: bool,
}

fn expected(text: &str) -> Expected {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let hint = words.last() == Some(&"hint");
    if hint {
        words.pop();
    }
    let note = match words.pop() {
        Some("note") => NoteState::Present,
        Some("no-note") => NoteState::Missing,
        Some("no-reason") => NoteState::NoReason,
        other => panic!("expectation {text:?} ends with {other:?}, not note, no-note or no-reason"),
    };
    let decision = match words.first() {
        Some(&"accept") => Decision::Accept,
        Some(&"consider") => Decision::Consider,
        Some(&"refuse") => Decision::Refuse,
        other => panic!("expectation {text:?} starts with {other:?}"),
    };
    Expected { decision, rules: words[1..].iter().map(|w| w.to_string()).collect(), note, hint }
}

fn settings_of(row: &Row) -> vetted::Settings {
    let mut fields: BTreeMap<String, Value> = BTreeMap::new();
    let switches = row.off.iter().map(|id| (id.to_string(), Value::Bool(false)));
    fields.insert("rules".into(), Value::Object(switches.collect()));
    for (key, entry) in row.lists {
        let list = fields.entry(key.to_string()).or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(items) = list {
            items.push(Value::String(entry.to_string()));
        }
    }
    let loaded = settings::load(&Value::Object(fields.into_iter().collect()));
    assert!(loaded.problems.is_empty(), "{}: {:?}", row.about, loaded.problems);
    loaded.settings
}

fn invitation_of(row: &Row) -> Invitation {
    let optional = |text: &str| (!text.is_empty()).then(|| text.to_string());
    let mut inv = Invitation::person(row.name);
    inv.profile_slug = optional(row.slug);
    inv.headline = row.headline.into();
    inv.status_line = row.status.into();
    inv.common_organization = optional(row.common_organization);
    inv.message = optional(row.note);
    inv.mutual = MutualConnections { count: row.mutual, names: Vec::new() };
    inv
}

#[test]
fn the_table() {
    assert!(ROWS.len() >= 80, "{} rows", ROWS.len());
    let mut failures = Vec::new();
    for row in ROWS {
        let want = expected(row.expect);
        let (engine, invitation) = (Engine::new(settings_of(row)), invitation_of(row));
        let verdict = engine.classify(&invitation).expect("a person gets a verdict");
        let got = (verdict.decision, verdict.rule_ids(), verdict.note, verdict.hint.is_some());
        if got
            != (
                want.decision,
                want.rules.iter().map(String::as_str).collect(),
                want.note,
                want.hint,
            )
        {
            failures.push(format!(
                "{}: expected {:?}, got {got:?} {:#?}",
                row.about, row.expect, verdict.matches
            ));
        }
        for m in &verdict.matches {
            assert!(
                m.reason().len() > 10 && m.reason().ends_with('.'),
                "{}: reason {:?}",
                row.about,
                m.reason()
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        ROWS.len(),
        failures.join("\n")
    );
}

/// Notes that, once greetings, names, thanks, sign-offs and connect-phrases are set aside, say
/// nothing of why, in the seven languages of the vocabularies.
const NO_REASON: &[&str] = &[
    "Hi Anand, happy to connect.",
    "Hello! I'd like to join your network.",
    "Hi, let's connect!",
    "Please accept my invitation. Regards, Alex Morgan",
    "Looking forward to connecting with you.",
    "Hi there, let's grow our networks together!",
    "Dear Anand, I would love to connect with like-minded professionals.",
    "Good morning Anand, hope you are well. Would be great to connect.",
    "Guten Tag, gerne möchte ich Sie zu meinem Netzwerk hinzufügen.",
    "Hallo Anand, ich würde mich freuen, mich mit Ihnen zu vernetzen.",
    "Liebe Frau Müller, bitte nehmen Sie meine Anfrage an. Viele Grüße",
    "Bonjour Anand, ravi de me connecter avec vous.",
    "Bonjour, j'aimerais rejoindre votre réseau. Cordialement",
    "Je serais heureux de faire partie de votre réseau.",
    "Hola Anand, me gustaría conectar contigo.",
    "Hola, encantado de unirme a tu red profesional. Saludos",
    "Ciao Anand, mi piacerebbe collegarmi con te.",
    "Buongiorno, vorrei aggiungerti alla mia rete. Grazie!",
    "Hallo Anand, ik wil graag met je connecten.",
    "Beste Anand, graag voeg ik je toe aan mijn netwerk.",
    "Olá Anand, gostaria de me conectar com você.",
    "Oi, vamos nos conectar? Abraços",
];

/// Notes that say why: a shared event or place, a common person, a topic, a proposal, a question.
const A_REASON: &[&str] = &[
    "Hi Anand, I recently joined ExampleCo. Happy to connect.",
    "Thank you for the lovely session today",
    "We met at RustConf last week; happy to connect.",
    "Hi Anand, Priya Nair suggested I reach out.",
    "Are you hiring Rust engineers in Zurich?",
    "Loved your article on borrow checking.",
    "Hallo Anand, wir haben uns auf der RustConf kennengelernt.",
    "Danke für Ihren Vortrag über Compiler gestern.",
    "Bonjour, nous nous sommes rencontrés au salon VivaTech.",
    "Merci pour votre présentation sur Rust.",
    "Hola, nos conocimos en la conferencia de Madrid.",
    "Ciao, ho letto il tuo articolo sui compilatori.",
    "Hoi, we hebben samen aan het Rust-project gewerkt.",
    "Olá, trabalhamos juntos na Globo em 2019.",
];

#[test]
fn a_note_that_gives_no_reason_is_no_note_for_r5() {
    assert!(NO_REASON.len() + A_REASON.len() >= 30);
    let engine = Engine::new(vetted::Settings::default());
    let judge = |note: &str| {
        let mut invitation = Invitation::person("Alex Morgan");
        invitation.message = Some(note.to_string());
        let verdict = engine.classify(&invitation).expect("a person gets a verdict");
        (verdict.decision, verdict.deciding_rule(), verdict.note)
    };
    let mut wrong: Vec<String> = Vec::new();
    for note in NO_REASON {
        let got = judge(note);
        if got != (Decision::Refuse, Some("R5"), NoteState::NoReason) {
            wrong.push(format!("{note:?} should give no reason: {got:?}"));
        }
    }
    for note in A_REASON {
        let got = judge(note);
        if got.2 != NoteState::Present || got.1 == Some("R5") {
            wrong.push(format!("{note:?} should give a reason: {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn switched_off_any_note_counts_and_a_known_sender_needs_no_reason() {
    let note = Some(NO_REASON[0].to_string());
    let loaded = settings::load(&Value::Object(
        [("notes_need_a_reason".to_string(), Value::Bool(false))].into_iter().collect(),
    ));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let mut invitation = Invitation::person("Alex Morgan");
    invitation.message = note;
    let engine = Engine::new(loaded.settings);
    let verdict = engine.classify(&invitation).unwrap();
    assert_eq!((verdict.decision, verdict.note), (Decision::Consider, NoteState::Present));
    let known = settings::load(&Value::Object(
        [("known_people".to_string(), Value::Array(vec![Value::String("Alex Morgan".into())]))]
            .into_iter()
            .collect(),
    ));
    let engine = Engine::new(known.settings);
    let verdict = engine.classify(&invitation).unwrap();
    assert_eq!((verdict.decision, verdict.note), (Decision::Accept, NoteState::NoReason));
}

#[test]
fn every_rule_and_every_switch_is_in_the_table() {
    for rule in CATALOGUE {
        let decides = ROWS
            .iter()
            .any(|r| expected(r.expect).rules.first().map(String::as_str) == Some(rule.id));
        let off = ROWS.iter().any(|r| r.off == [rule.id]);
        assert!(decides && off, "rule {}: deciding row {decides}, switched-off row {off}", rule.id);
    }
}

#[test]
fn reasons_are_specific() {
    let row = Row { headline: "Senior Technical RECRUITER", ..BASE };
    let (engine, invitation) = (Engine::new(settings_of(&row)), invitation_of(&row));
    let verdict = engine.classify(&invitation).unwrap();
    assert_eq!(verdict.matches[0].reason(), "Headline names a refused role: \"recruiter\".");
    assert_eq!(verdict.deciding_rule(), Some("R6"));
}

#[test]
fn invitations_not_from_a_person_get_no_verdict() {
    let engine = Engine::new(vetted::Settings::default());
    for kind in [SenderKind::Newsletter, SenderKind::Page, SenderKind::Event, SenderKind::Group] {
        let mut inv = Invitation::person("Rust Weekly");
        inv.kind = kind;
        assert_eq!(engine.classify(&inv), None, "{kind:?}");
    }
}

/// A small seeded generator (xorshift64*): reproducible, and no dependency for it.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Text of up to `max_bytes`: ASCII, accents, combining marks, emoji, CJK, right-to-left,
    /// controls, and pieces of the vocabularies, so that matchers run on the odd text too.
    fn text(&mut self, max_bytes: usize) -> String {
        const PIECES: &[&str] = &[
            "LION",
            "[lion]",
            "30K+",
            "5,000+ ",
            "@",
            "a@b.co",
            "https://",
            "www.",
            "bit.ly/",
            "Recruiter",
            "H.R.",
            "dear friend",
            "group",
            "both",
            " at ",
            " - ",
            "|",
            ".",
            "I'd like to add you to my professional network",
            "\u{301}",
            "\u{200D}",
            "\u{FE0F}",
            "ß",
            "İ",
            "𝗥",
            "ｆ",
            "🦀",
            "👩‍👩‍👧",
            "中文",
            "עברית",
            "\0",
            "\n",
            "'",
            "’",
        ];
        let target = self.below(max_bytes + 1);
        let mut out = String::new();
        while out.len() < target {
            match self.below(4) {
                0 => out.push_str(PIECES[self.below(PIECES.len())]),
                1 => out.push((b' ' + self.below(95) as u8) as char),
                _ => out.extend(char::from_u32(self.below(0x3_0000) as u32)),
            }
        }
        out
    }
}

fn random_invitation(random: &mut Random, max_bytes: usize) -> Invitation {
    let mut inv = Invitation::person(&random.text(max_bytes));
    inv.profile_slug = (random.below(2) == 0).then(|| random.text(60));
    inv.headline = random.text(max_bytes);
    inv.status_line = random.text(max_bytes);
    inv.common_organization = (random.below(3) == 0).then(|| random.text(60));
    inv.message = (random.below(4) != 0).then(|| random.text(max_bytes));
    let names = (0..random.below(3)).map(|_| random.text(30)).collect();
    inv.mutual = MutualConnections { count: random.next() as u32, names };
    inv
}

#[test]
fn classification_never_panics_and_is_deterministic_on_arbitrary_unicode() {
    let mut random = Random(0x5EED_1234_ABCD_0001);
    let mut settings = vetted::Settings::default();
    for list in [
        &mut settings.known_people,
        &mut settings.met_elsewhere,
        &mut settings.own_organizations,
        &mut settings.refused_roles,
    ] {
        *list = (0..20).map(|_| random.text(40)).collect();
    }
    settings.spam_terms = (0..20).map(|_| random.text(20)).collect();
    let engine = Engine::new(settings);
    let fresh = Engine::new(vetted::Settings::default());
    for round in 0..3000 {
        let max_bytes = if round % 10 == 0 { 10 * 1024 } else { 300 };
        let inv = random_invitation(&mut random, max_bytes);
        let first = engine.classify(&inv);
        assert_eq!(first, engine.classify(&inv), "round {round}");
        let verdict = first.expect("a person gets a verdict");
        assert!(verdict.matches.iter().all(|m| CATALOGUE.iter().any(|r| r.id == m.rule)));
        assert_eq!(fresh.classify(&inv), fresh.classify(&inv), "round {round}");
    }
}
