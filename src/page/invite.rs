//! LinkedIn's dialogs for the invitations the user sends: what Vetted looks for in them, written
//! where the content script's `invite.js` reads it (`build.sh` writes it into the built script, so
//! that no wasm is loaded until a note dialog opens). The dialogs as the demo page `www/invite.html`
//! reproduces them, from public surveys and automation code of 2024 to 2026:
//!
//! - The Connect control: a button, or (2026) a link labelled "Invite <Name> to connect" whose
//!   href is `/preload/custom-invite/?vanityName=<slug>`.
//! - "Add a note to your invitation?": buttons labelled "Add a note" and "Send without a note",
//!   and Dismiss. Older markup: `.artdeco-modal.send-invite[role="dialog"]`
//!   (`data-test-modal-id="send-invite-modal"`); 2026: a native `<dialog>`, sometimes inside an
//!   iframe on `https://www.linkedin.com/preload/…`. A variant first asks "How do you know <Name>?".
//! - The note dialog: `textarea#custom-message` (`name="message"`, no maxlength), a counter "0/200"
//!   (free accounts) or "0/300" (Premium), "Cancel adding a note" and "Send invitation";
//!   sometimes "1 personalized invitation remaining for this month"; when free notes are spent,
//!   "You're out of free custom notes" with a link to `/premium/`.
//!
//! Vetted reads these dialogs and adds one line of its own; it never clicks, hides or disables
//! LinkedIn's controls and never sends.

/// What the content script looks for, as selectors and regular expressions (JavaScript's, with
/// the flags `iu`).
pub struct InviteProfile {
    /// The dialogs: LinkedIn's modals of every generation, and native dialogs.
    pub dialogs: &'static str,
    /// The note's text box.
    pub note: &'static str,
    /// The label (or text) of the first dialog's controls: "Add a note", "Send without a note".
    pub ask: &'static str,
    /// The counter of characters, "12/200": the second number is the limit.
    pub counter: &'static str,
    /// "1 personalized invitation remaining": the number of free notes left.
    pub remaining: &'static str,
    /// "You're out of free custom notes".
    pub out: &'static str,
    /// The label of a Connect control, "Invite Ada Lovelace to connect": the invitee's name.
    pub connect: &'static str,
    /// The question of the variant, "How do you know Ada Lovelace?": the invitee's name.
    pub how_know: &'static str,
    /// The parameter of the dialog's own address (in the iframe) that holds the invitee's
    /// profile name, `vanityName=ada-lovelace-1815`.
    pub vanity: &'static str,
}

pub const INVITE: InviteProfile = InviteProfile {
    dialogs: r#"dialog, [role="dialog"], [role="alertdialog"], [data-test-modal-id="send-invite-modal"]"#,
    note: r#"textarea#custom-message, textarea[name="message"]"#,
    ask: concat!(
        r"^\s*(add a note|send without a note|eine notiz hinzufügen|notiz hinzufügen|",
        r"ohne notiz senden|ajouter une note|envoyer sans note)\s*$"
    ),
    counter: r"(\d+)\s*/\s*(\d+)",
    remaining: concat!(
        r"(\d+)\s+(?:personali[sz]ed invitations?|personalisierte einladungen?|",
        r"invitations? personnalisées?)"
    ),
    out: concat!(
        r"out of free custom notes|keine kostenlosen (?:persönlichen )?notizen|",
        r"plus de notes personnalisées gratuites"
    ),
    connect: r"^\s*(?:invite|laden sie|inviter)\s+(.+?)\s+(?:to connect|ein, sich zu vernetzen|à se connecter)\s*$",
    how_know: r"(?:how do you know|woher kennen sie|comment connaissez-vous)\s+(.+?)\s*\?",
    vanity: "vanityName",
};
