//! E1: the essay's first exception. Business opportunities are welcome, as long as they are
//! qualified: a note that proposes concrete business is to consider, unless R6 refused the
//! sender (a recruiter's "opportunity" is a job).

use super::{Case, Lists, Rule, Vocabulary};
use crate::text::{terms, Lexicon};
use crate::verdict::{english, Because, Decision};

pub const RULE: Rule = Rule {
    id: "E1",
    title: english("Business opportunities"),
    reason: english(
        "I'm always open to potential business opportunities as long as they're qualified.",
    ),
    effect: Decision::Consider,
    default_on: true,
    hint: None,
    matcher,
    reply: english(REPLY),
    terms: Some(add_terms),
};

/// The reply when this rule decides (see `Rule::reply`).
pub const REPLY: &str = "Hi $1, thank you for the invitation. I'm always open to business opportunities: could you tell me a little more about what you have in mind (the scope, the timing, and why me)?";

/// Concrete business (a project, a partnership, a contract, a proposal, a budget, a deadline)
/// in the seven languages. A project counts when proposed ("a project", "our new project"),
/// not when praised ("your project").
const BUSINESS: &str = concat!(
    "partnership, contract, proposal, budget, deadline, rfp, rfq, tender, ",
    "quotation, joint venture, business opportunity, statement of work, your rates, ",
    "your services, hire you, a project, our project, new project, partnerschaft, kooperation, vertrag, auftrag, ",
    "angebot, frist, ausschreibung, ein projekt, unser projekt, neues projekt, ",
    "projektanfrage, geschaftsmoglichkeit, partenariat, contrat, proposition, ",
    "date limite, echeance, appel d offres, un projet, notre projet, nouveau projet, ",
    "opportunite d affaires, alianza, contrato, propuesta, presupuesto, ",
    "fecha limite, licitacion, un proyecto, nuestro proyecto, nuevo proyecto, ",
    "oportunidad de negocio, contratto, proposta, scadenza, preventivo, ",
    "gara d appalto, un progetto, nuovo progetto, nostro progetto, ",
    "opportunita di business, opportunita commerciale, samenwerking, partnerschap, ",
    "opdracht, voorstel, offerte, aanbesteding, een project, nieuw project, ",
    "ons project, zakelijke kans, parceria, orcamento, licitacao, ",
    "um projeto, novo projeto, nosso projeto, um projecto, oportunidade de negocio, ",
);

fn add_terms(lexicon: &mut Lexicon, lists: &Lists) {
    let business = Vocabulary::Business;
    business.add(lexicon, terms(BUSINESS));
    business.add(lexicon, lists.business_terms.iter().map(String::as_str));
}

fn matcher<'a>(case: &Case<'a>) -> Option<Because<'a>> {
    if case.has_matched("R6") {
        return None;
    }
    let term = case.note.hit(Vocabulary::Business)?;
    Some(Because::new(
        "because_E1",
        "Note proposes business (\"$1\"): check that it is qualified.",
        term,
    ))
}

#[cfg(test)]
mod tests {
    use crate::invitation::Invitation;
    use crate::judge::Engine;
    use crate::settings::Settings;
    use crate::verdict::Decision;

    /// The decision, the matched rules and the first reason, in English.
    fn verdict(headline: &str, note: &str) -> (Decision, Vec<&'static str>, String) {
        let mut inv = Invitation::person("A B");
        inv.headline = headline.into();
        inv.message = Some(note.into());
        let engine = Engine::new(Settings::default());
        let v = engine.classify(&inv).unwrap();
        (v.decision, v.rule_ids(), v.matches[0].reason())
    }

    #[test]
    fn a_concrete_proposal_is_to_consider() {
        let (decision, rules, reason) =
            verdict("Founder at Acme", "We have a budget for a Rust port and a deadline in May.");
        assert_eq!((decision, rules), (Decision::Consider, vec!["E1"]));
        assert_eq!(reason, "Note proposes business (\"budget\"): check that it is qualified.");
    }

    #[test]
    fn praise_for_a_project_is_not_business() {
        assert_eq!(verdict("Engineer", "I loved your project on allocators.").1, ["R2"]);
    }

    #[test]
    fn a_recruiters_opportunity_is_refused() {
        let (decision, rules, _) = verdict("Tech Recruiter", "I have a contract role for you.");
        assert_eq!((decision, rules), (Decision::Refuse, vec!["R6"]));
    }
}
