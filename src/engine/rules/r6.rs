//! R6: the essay's sixth reason. Not looking for a job, to hire, or to buy property: so
//! recruiters, HR people and real-estate agents are refused.

use super::{Case, Lists, Rule, Vocabulary};
use crate::text::{tag_bit, terms, Lexicon};
use crate::verdict::{english, Because, Decision};

pub const RULE: Rule = Rule {
    id: "R6",
    title: english("Recruiters, HR and real-estate agents"),
    reason: english("I'm not looking for a job, I'm not looking to hire anyone and I don't want to purchase a property."),
    effect: Decision::Refuse,
    default_on: true,
    hint: None,
    matcher,
    reply: english(REPLY),
    terms: Some(add_terms),
};

/// The reply when this rule decides (see `Rule::reply`).
pub const REPLY: &str = "Hi $1, thank you for the invitation. I'm not looking for a job, not hiring and not buying property, so I keep my LinkedIn network to people I know and have worked with. I wish you every success.";

/// Refused roles, as headlines write them, in English, German, French, Spanish, Italian,
/// Dutch and Portuguese. Words are matched whole, after folding: "HR" is not in "Christopher",
/// and "recruiting" alone (as in "recruiting software") is not a role.
const ROLES: &str = concat!(
    // Recruiters and sourcers.
    "recruiter, recruiters, tech recruiter, it recruiter, sourcer, sourcers, ",
    "talent sourcer, sourcing specialist, sourcing partner, head of recruitment, ",
    "head of recruiting, director of recruitment, director of recruiting, vp recruiting, ",
    "vp of recruiting, recruiterin, recruiterinnen, personalvermittler, ",
    "personalvermittlerin, personalberater, personalberaterin, recruteur, recruteuse, ",
    "recruteurs, charge de recrutement, chargee de recrutement, responsable recrutement, ",
    "responsable du recrutement, reclutador, reclutadora, reclutadores, ",
    "tecnico de seleccion, tecnica de seleccion, consultor de seleccion, ",
    "consultora de seleccion, seleccion de personal, selezionatore, selezionatrice, ",
    "selezione del personale, ricerca e selezione, werving en selectie, wervingsspecialist, ",
    "intercedent, intercedente, recrutador, recrutadora, recrutadores, ",
    "analista de recrutamento, recrutamento e selecao, ",
    // Talent acquisition and headhunters.
    "talent acquisition, talent partner, talent advisor, talent scout, headhunter, ",
    "headhunters, head hunter, executive search, headhunterin, acquisition de talents, ",
    "chasseur de tetes, chasseuse de tetes, chasseur de tete, adquisicion de talento, ",
    "cazatalentos, acquisizione talenti, cacciatore di teste, aquisicao de talentos, ",
    "cacador de talentos, ",
    // HR and people partners.
    "hr, h r, hrbp, human resources, people partner, people business partner, ",
    "people operations, people ops, head of people, chief people officer, vp people, ",
    "people and culture, people culture, personalreferent, personalreferentin, ",
    "personalleiter, personalleiterin, personalwesen, personalmanager, ",
    "personalmanagerin, ressources humaines, rh, drh, rrh, recursos humanos, ",
    "rrhh, risorse umane, personeelszaken, p o adviseur, ",
    // Staffing.
    "staffing agency, staffing firm, staffing specialist, staffing consultant, ",
    "staffing manager, staffing coordinator, staffing partner, it staffing, ",
    "personaldienstleister, zeitarbeit, arbeitnehmeruberlassung, agence d interim, ",
    "empresa de trabajo temporal, uitzendbureau, ",
    // Real-estate agents, realtors and brokers.
    "realtor, realtors, real estate agent, real estate agents, real estate broker, ",
    "real estate brokers, real estate advisor, real estate consultant, ",
    "real estate professional, real estate specialist, real estate sales, ",
    "licensed real estate, estate agent, estate agents, property agent, listing agent, ",
    "buyers agent, buyer s agent, mortgage broker, property broker, broker associate, ",
    "immobilienmakler, immobilienmaklerin, immobilienberater, immobilienberaterin, ",
    "makler, maklerin, agent immobilier, agente immobiliere, conseiller immobilier, ",
    "conseillere immobiliere, negociateur immobilier, negociatrice immobiliere, ",
    "courtier immobilier, mandataire immobilier, agente inmobiliario, agente inmobiliaria, ",
    "asesor inmobiliario, asesora inmobiliaria, corredor de propiedades, ",
    "corredora de propiedades, corredor inmobiliario, broker inmobiliario, ",
    "agente immobiliare, consulente immobiliare, mediatore immobiliare, makelaar, ",
    "makelaars, vastgoedmakelaar, corretor de imoveis, corretora de imoveis, ",
    "corretor imobiliario, consultor imobiliario, agente imobiliario, mediador imobiliario, ",
    "mediadora imobiliaria, ",
);

/// Role titles that make a recruiting, recruitment or staffing phrase a role ("Recruitment
/// Consultant"), where the word alone may be the employer's business.
const TITLES: &str = concat!(
    "consultant, manager, specialist, partner, lead, officer, advisor, adviser, ",
    "coordinator, director, agency, agent, executive, associate, business partner, ",
    "team lead, resourcer, ",
);

/// Words after which a role is not the sender's own, until the phrase ends: the employer
/// ("Engineer at Hays Recruitment", "bei", "chez", "presso", "bij", "na"), or a negation or a
/// past ("No recruiters, please", "ex-recruiter", "former HR").
const NOT_THEIR_ROLE: &str = concat!(
    "at, @, for, bei, fur, chez, pour, en, para, presso, per, bij, voor, ",
    "em, na, no, not, without, ex, former, formerly, retired, kein, keine, ",
    "ohne, ehemals, ehemalige, ehemaliger, pas, sans, ancien, ancienne, sin, ",
    "antiguo, antigua, nessun, nessuna, geen, voormalig, voormalige, sem, nao, ",
);

fn add_terms(lexicon: &mut Lexicon, lists: &Lists) {
    let role = Vocabulary::RefusedRole;
    role.add(lexicon, terms(ROLES));
    for head in ["recruitment", "recruiting", "staffing"] {
        for title in terms(TITLES) {
            lexicon.add(role.tag(), &crate::text::joined(&[head, title], " "));
        }
    }
    role.add(lexicon, lists.refused_roles.iter().map(String::as_str));
    for word in terms(NOT_THEIR_ROLE) {
        lexicon.add_stop(word, tag_bit(role.tag()));
    }
}

fn matcher<'a>(case: &Case<'a>) -> Option<Because<'a>> {
    if let Some(role) = case.headline.hit(Vocabulary::RefusedRole) {
        return Some(Because::new(
            "because_R6_headline",
            "Headline names a refused role: \"$1\".",
            role,
        ));
    }
    if let Some(role) = case.name.hit(Vocabulary::RefusedRole) {
        let says =
            ("because_R6_name", "The name in the status line carries a refused role: \"$1\".");
        return Some(Because::new(says.0, says.1, role));
    }
    let role = case.status.hit(Vocabulary::RefusedRole)?;
    Some(Because::new("because_R6_status", "Status line names a refused role: \"$1\".", role))
}

#[cfg(test)]
mod tests {
    use crate::invitation::Invitation;
    use crate::judge::Engine;
    use crate::settings::Settings;

    fn role_found(headline: &str) -> Option<String> {
        let mut inv = Invitation::person("A B");
        inv.headline = headline.to_string();
        let judge = Engine::new(Settings::default());
        let v = judge.classify(&inv).unwrap();
        v.matches.into_iter().find(|m| m.rule == "R6").map(|m| m.reason())
    }

    #[test]
    fn names_the_role_it_found() {
        assert_eq!(
            role_found("Senior Technical RECRUITER").unwrap(),
            "Headline names a refused role: \"recruiter\"."
        );
        assert!(role_found("Recruitment Consultant at Hays").is_some());
        assert!(role_found("Immobilienmaklerin · Berlin").is_some());
    }

    #[test]
    fn a_role_after_at_or_no_is_not_the_senders() {
        assert_eq!(role_found("Software Engineer at Hays Recruitment Consultants"), None);
        assert_eq!(role_found("Rust developer | No recruiters please"), None);
        assert_eq!(role_found("Ex-recruiter, now a Rust developer"), None);
        assert!(role_found("Rust developer | Ex Google | Recruiter").is_some());
    }
}
