//! What one invitation card says, read from the page and nothing more.

/// Who sent the invitation. The rules are about people; the other kinds get no verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SenderKind {
    Person,
    Newsletter,
    Page,
    Event,
    Group,
}

impl SenderKind {
    /// Its name where the content script and the fixtures use it.
    pub fn name(self) -> &'static str {
        match self {
            SenderKind::Person => "person",
            SenderKind::Newsletter => "newsletter",
            SenderKind::Page => "page",
            SenderKind::Event => "event",
            SenderKind::Group => "group",
        }
    }
}

/// The mutual connections LinkedIn shows: never a reason to decide, but whom to ask.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MutualConnections {
    /// How many, as the card states it (0 when the card shows no such line).
    pub count: u32,
    /// The names the card spells out, in the card's order.
    pub names: Vec<String>,
}

/// One received invitation, as the card shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invitation {
    pub kind: SenderKind,
    /// The sender's display name, without LinkedIn's Verified/Premium marks.
    pub name: String,
    /// The `<slug>` of `/in/<slug>/`, lower-cased, when the card links to a profile.
    pub profile_slug: Option<String>,
    /// The sender's headline (several wrapped lines joined by a space).
    pub headline: String,
    /// LinkedIn's status line, e.g. "Ada follows you and is inviting you to connect".
    pub status_line: String,
    /// The "<Org> common organization" line's organization, when shown.
    pub common_organization: Option<String>,
    pub mutual: MutualConnections,
    /// The card's own age line, e.g. "2 weeks ago"; never taken from the note.
    pub age: Option<String>,
    /// The message text as written, whole (unclamped where the page has it), without LinkedIn's
    /// own controls ("See more", "Reply to …"). `None` when the card shows no message at all.
    /// Whether it is a *personal* note is the rules' question (LinkedIn's default text is not).
    pub message: Option<String>,
}

impl Invitation {
    /// A person's invitation with only a name: the starting point of tests and generated pages.
    pub fn person(name: &str) -> Self {
        Invitation {
            kind: SenderKind::Person,
            name: name.to_string(),
            profile_slug: None,
            headline: String::new(),
            status_line: String::new(),
            common_organization: None,
            mutual: MutualConnections::default(),
            age: None,
            message: None,
        }
    }
}
