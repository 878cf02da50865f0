//! The popup: the rule catalogue with a switch per rule, the lists the rules use, import, export
//! and reset of settings, and what Vetted sees in the current tab.
//!
//! `extension/popup/popup.js` does the browser's asynchronous work (storage, tabs, permissions,
//! files) and calls `render_popup` once with what it found and a set of plain functions, which
//! this module calls synchronously:
//!
//! - state: `{settings, problems?, status, canGrantAccess, filesInTab?, strings?}`
//! - actions: `save(settings)`, `exportFile(text, filename)`, `readFile(file)`,
//!   `requestAccess()`, `openInTab()` (used instead of the file picker when `filesInTab`: a
//!   Firefox popup closes as soon as a file dialog opens).
//!
//! Actions return at once; what comes later (a file's text, a failed save) comes back as a
//! `vetted:done` event on the root, `detail` = `{action: "readFile", text}`, or
//! `{action, error}` when it failed.
//!
//! `strings` optionally maps the English texts shown here to other words. Every text reaches
//! the DOM as text, never as markup.

use crate::rules::{self, CATALOGUE};
use crate::settings::{self, Settings, Value};
use crate::verdict::Decision;
use js_sys::{Array, Function, Reflect, JSON};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use crate::boundary::value_to_js as to_js;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// The list editors: key in the settings format, label, what goes in it. The first
/// `OPEN_LISTS` are shown; the others, words the rules look for, are behind a disclosure.
const LISTS: [(&str, &str, &str); 9] = [
    (
        "known_people",
        "People you know",
        "Profile links (linkedin.com/in/…) or full names. Their invitations get Accept.",
    ),
    (
        "met_elsewhere",
        "People met elsewhere",
        "Names, profile links or handles (@name) of people you met on other channels. Accept.",
    ),
    (
        "own_organizations",
        "Your organizations",
        "Where you work or worked. A sender from one of them gets Consider.",
    ),
    (
        "refused_roles",
        "More roles to refuse",
        "Added to recruiters, HR, staffing and real-estate agents, which are always refused.",
    ),
    (
        "open_networker_terms",
        "Open networker words",
        "Added to LION, TopLinked, “open networker” and the like.",
    ),
    ("spam_terms", "Spam words", "Words that mark a social or spam note, added to Vetted's own."),
    (
        "trusted_sites",
        "Trusted sites",
        "Sites a note may link to, such as example.org. LinkedIn, GitHub and GitLab always are.",
    ),
    (
        "business_terms",
        "Business words",
        "Words that propose business (a project, a contract), added to Vetted's own.",
    ),
    (
        "group_terms",
        "Shared groups",
        "Names of groups a note may mention, such as “rustaceans meetup”.",
    ),
];
const OPEN_LISTS: usize = 4;

const FILE_NAME: &str = "vetted-settings.json";

/// The settings in the stored format, as fields.
fn exported(settings: &Settings) -> BTreeMap<String, Value> {
    match settings::export(settings) {
        Value::Object(fields) => fields,
        _ => BTreeMap::new(),
    }
}

/// A list's entries, one per line, as the editor shows them.
fn lines(value: Option<&Value>) -> String {
    let Some(Value::Array(items)) = value else { return String::new() };
    let texts: Vec<&str> = items
        .iter()
        .filter_map(|v| if let Value::String(s) = v { Some(s.as_str()) } else { None })
        .collect();
    texts.join("\n")
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Calls one of popup.js's actions; `Err` carries what went wrong, in words.
fn call(actions: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, String> {
    let function: Function =
        get(actions, name).dyn_into().map_err(|_| format!("{name} is not available here"))?;
    function.apply(actions, &args.iter().collect::<Array>()).map_err(|e| error_text(&e))
}

fn error_text(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => e.message().into(),
        None => error.as_string().unwrap_or_else(|| "unknown error".to_string()),
    }
}

fn add(doc: &Document, parent: &Element, tag: &str, class: &str, text: &str) -> Element {
    let el = doc.create_element(tag).unwrap_throw();
    if !class.is_empty() {
        el.set_class_name(class);
    }
    if !text.is_empty() {
        el.set_text_content(Some(text));
    }
    parent.append_child(&el).unwrap_throw();
    el
}

fn set(el: &Element, attributes: &[(&str, &str)]) {
    for (name, value) in attributes {
        let _ = el.set_attribute(name, value);
    }
}

/// Shows one text, and a list of points under it when there are some.
fn add_points(doc: &Document, parent: &Element, text: &str, points: &[String]) {
    add(doc, parent, "p", "", text);
    if !points.is_empty() {
        let ul = add(doc, parent, "ul", "", "");
        for point in points {
            add(doc, &ul, "li", "", point);
        }
    }
}

struct Popup {
    doc: Document,
    actions: JsValue,
    strings: JsValue,
    settings: Settings,
    files_in_tab: bool,
    switches: Vec<HtmlInputElement>,
    lists: Vec<HtmlTextAreaElement>,
    file: Option<HtmlInputElement>,
    confirm: Option<Element>,
    message: Option<Element>,
}

type Shared = Rc<RefCell<Popup>>;

impl Popup {
    /// The text in the user's words: `strings[text]` when popup.js gave one, else the English.
    fn t(&self, text: &str) -> String {
        get(&self.strings, text).as_string().unwrap_or_else(|| text.to_string())
    }

    fn add(&self, parent: &Element, tag: &str, class: &str, text: &str) -> Element {
        add(&self.doc, parent, tag, class, &self.t(text))
    }

    fn button(&self, parent: &Element, key: &str, text: &str) -> Element {
        let button = self.add(parent, "button", "", text);
        set(&button, &[("type", "button"), ("data-k", key)]);
        button
    }

    /// A titled section with an explanation under its heading.
    fn section(&self, root: &Element, id: &str, title: &str, intro: &str) -> Element {
        let section = self.add(root, "section", "", "");
        set(&section, &[("aria-labelledby", id)]);
        set(&self.add(&section, "h2", "", title), &[("id", id)]);
        self.add(&section, "p", "intro", intro);
        section
    }

    /// Shows one message, and the problems behind it, in the live region at the bottom.
    fn say(&self, text: &str, problems: &[String], error: bool) {
        if let Some(message) = &self.message {
            message.set_text_content(None);
            message.set_class_name(if error { "message error" } else { "message" });
            add_points(&self.doc, message, &self.t(text), problems);
        }
    }

    fn failed(&self, what: &str, why: &str) {
        self.say(&format!("{} {why}", self.t(what)), &[], true);
    }

    fn build(
        &mut self,
        root: &Element,
        problems: &[String],
        notes: &[String],
        status: &JsValue,
        grant: bool,
    ) {
        let header = self.add(root, "header", "", "");
        self.add(&header, "h1", "", "Vetted");
        self.add(
            &header,
            "p",
            "intro",
            "Advice on LinkedIn invitations, by the rules of “6 Reasons For Refusing LinkedIn \
             Invitations”. Vetted never clicks, sends or uploads anything.",
        );

        if !problems.is_empty() || !notes.is_empty() {
            let alert = self.add(root, "div", "problems", "");
            set(&alert, &[("role", "alert")]);
            for note in notes {
                add(&self.doc, &alert, "p", "", note);
            }
            if !problems.is_empty() {
                add_points(
                    &self.doc,
                    &alert,
                    &self.t("Some of your stored settings could not be used:"),
                    problems,
                );
            }
        }

        self.build_status(root, status, grant);

        let rules = self.section(
            root,
            "h-rules",
            "Rules",
            "From the top, the first rule that matches decides. A rule switched off is skipped.",
        );
        let ul = self.add(&rules, "ul", "rules", "");
        for (i, rule) in CATALOGUE.iter().enumerate() {
            let li = self.add(&ul, "li", "", "");
            let (id, why) = (format!("rule-{i}"), format!("why-{i}"));
            let input: HtmlInputElement = self.add(&li, "input", "", "").unchecked_into();
            input.set_type("checkbox");
            let key = format!("r{}", rule.id);
            set(
                &input,
                &[("role", "switch"), ("id", &id), ("data-k", &key), ("aria-describedby", &why)],
            );
            set(&self.add(&li, "label", "", rule.title), &[("for", &id)]);
            let (class, word) = match rule.effect {
                Decision::Accept => ("effect accept", "Accept"),
                Decision::Consider => ("effect consider", "Consider"),
                Decision::Refuse => ("effect refuse", "Refuse"),
            };
            self.add(&li, "span", class, word);
            set(&self.add(&li, "p", "why", rule.reason), &[("id", &why)]);
            self.switches.push(input);
        }

        let mut parent = self.section(
            root,
            "h-lists",
            "Your lists",
            "One entry per line; saved when you leave the box.",
        );
        for (i, (_, label, hint)) in LISTS.iter().enumerate() {
            if i == OPEN_LISTS {
                parent = self.add(&parent, "details", "", "");
                self.add(&parent, "summary", "", "Words the rules look for");
            }
            let (id, hint_id) = (format!("list-{i}"), format!("hint-{i}"));
            set(&self.add(&parent, "label", "", label), &[("for", &id)]);
            set(&self.add(&parent, "p", "hint", hint), &[("id", &hint_id)]);
            let area: HtmlTextAreaElement = self.add(&parent, "textarea", "", "").unchecked_into();
            let key = format!("l{i}");
            set(
                &area,
                &[
                    ("id", &id),
                    ("data-k", &key),
                    ("aria-describedby", &hint_id),
                    ("rows", "3"),
                    ("spellcheck", "false"),
                ],
            );
            self.lists.push(area);
        }

        let file = self.section(
            root,
            "h-file",
            "Settings file",
            if self.files_in_tab {
                "Export and import open Vetted in a tab, where files can be chosen."
            } else {
                "Save your settings to a file, or load them from one."
            },
        );
        let row = self.add(&file, "div", "row", "");
        self.button(&row, "export", "Export…");
        self.button(&row, "import", "Import…");
        self.button(&row, "reset", "Reset to defaults…");
        let input: HtmlInputElement = self.add(&file, "input", "", "").unchecked_into();
        input.set_type("file");
        set(
            &input,
            &[
                ("accept", ".json,application/json"),
                ("data-k", "file"),
                ("hidden", ""),
                ("tabindex", "-1"),
            ],
        );
        self.file = Some(input);

        let confirm = self.add(&file, "div", "confirm", "");
        set(&confirm, &[("hidden", "")]);
        self.add(&confirm, "p", "", "Switch every rule back to its default and empty your lists?");
        let row = self.add(&confirm, "div", "row", "");
        self.button(&row, "reset-yes", "Reset").set_class_name("danger");
        self.button(&row, "reset-no", "Cancel");
        self.confirm = Some(confirm);

        let message = self.add(root, "div", "message", "");
        set(&message, &[("role", "status")]);
        self.message = Some(message);
    }

    fn build_status(&self, root: &Element, status: &JsValue, grant: bool) {
        let section = self.add(root, "section", "status", "");
        set(&section, &[("aria-label", &self.t("This tab"))]);
        if get(status, "page").as_string().as_deref() != Some("invitations") {
            self.add(&section, "p", "", "Not a LinkedIn invitations page.");
        } else if get(status, "readable").as_bool() == Some(false) {
            self.add(&section, "p", "", "This layout is not readable yet.");
        } else {
            let p = self.add(&section, "p", "counts", "Invitations here:");
            let counts = get(status, "counts");
            for (key, word) in [
                ("accept", "Accept"),
                ("consider", "Consider"),
                ("refuse", "Refuse"),
                ("missing_note", "without a note"),
            ] {
                let n = get(&counts, key).as_f64().unwrap_or(0.0) as u32;
                add(&self.doc, &p, "span", key, &format!("{n} {}", self.t(word)));
            }
        }
        if grant {
            self.add(&section, "p", "", "Vetted cannot read linkedin.com until you allow it.");
            self.button(&section, "grant", "Allow access to linkedin.com");
        }
    }

    /// Shows the settings in the switches and list editors.
    fn fill(&self) {
        for (rule, switch) in CATALOGUE.iter().zip(&self.switches) {
            switch.set_checked(self.settings.is_on(rule.id));
        }
        let fields = exported(&self.settings);
        for ((key, ..), area) in LISTS.iter().zip(&self.lists) {
            area.set_value(&lines(fields.get(*key)));
        }
    }

    fn save(&self) {
        if let Err(why) = call(&self.actions, "save", &[&to_js(&settings::export(&self.settings))])
        {
            self.failed("Could not save:", &why);
        }
    }

    fn replace(&mut self, settings: Settings, done: &str) {
        self.settings = settings;
        self.fill();
        self.save();
        self.say(done, &[], false);
    }

    /// A list editor was left changed: its valid entries are saved, the others reported.
    fn edit_list(&mut self, area: &HtmlTextAreaElement, key: &str) {
        let typed = area.value();
        let entries = typed.lines().filter(|l| !l.trim().is_empty());
        let entries = Value::Array(entries.map(|l| Value::String(l.to_string())).collect());
        let mut alone = BTreeMap::new();
        alone.insert(key.to_string(), entries.clone());
        let problems = settings::load(&Value::Object(alone)).problems;
        let mut fields = exported(&self.settings);
        fields.insert(key.to_string(), entries);
        self.settings = settings::load(&Value::Object(fields)).settings;
        self.save();
        if problems.is_empty() {
            area.set_value(&lines(exported(&self.settings).get(key)));
            self.say("Saved.", &[], false);
        } else {
            // The box keeps what was typed, to be corrected.
            self.say("Saved, except:", &problems, true);
        }
    }

    fn on_change(state: &Shared, target: &Element, key: &str) {
        let mut popup = state.borrow_mut();
        let (kind, rest) = key.split_at(1.min(key.len()));
        if let ("r", Some(rule)) = (kind, rules::rule(rest)) {
            popup.settings.set_on(rule.id, target.unchecked_ref::<HtmlInputElement>().checked());
            popup.save();
        } else if let ("l", Some(&digit)) = (kind, rest.as_bytes().first()) {
            let (key, ..) = LISTS[usize::from(digit.wrapping_sub(b'0')).min(LISTS.len() - 1)];
            popup.edit_list(target.unchecked_ref(), key);
        } else if key == "file" {
            let input = target.unchecked_ref::<HtmlInputElement>();
            let file = input.files().and_then(|files| files.get(0));
            input.set_value("");
            let Some(file) = file else { return };
            if file.size() > 1_000_000.0 {
                let why = popup.t("the file is too large to be Vetted's settings.");
                popup.failed("Import refused, nothing changed:", &why);
            } else if let Err(why) = call(&popup.actions, "readFile", &[&file]) {
                popup.failed("Could not read the file:", &why);
            }
        }
    }

    fn on_click(state: &Shared, key: &str) {
        let mut popup = state.borrow_mut();
        let result = match key {
            "export" | "import" if popup.files_in_tab => call(&popup.actions, "openInTab", &[]),
            "export" => {
                let data = to_js(&settings::export(&popup.settings));
                let text = JSON::stringify_with_replacer_and_space(
                    &data,
                    &JsValue::NULL,
                    &JsValue::from(2),
                )
                .map(JsValue::from)
                .unwrap_or_default();
                let result =
                    call(&popup.actions, "exportFile", &[&text, &JsValue::from_str(FILE_NAME)]);
                if result.is_ok() {
                    popup.say(
                        &format!("{} {FILE_NAME}", popup.t("Settings exported to")),
                        &[],
                        false,
                    );
                }
                result
            }
            "import" => {
                if let Some(file) = &popup.file {
                    file.unchecked_ref::<HtmlElement>().click();
                }
                Ok(JsValue::UNDEFINED)
            }
            "reset" | "reset-no" | "reset-yes" => {
                let opening = key == "reset";
                if let Some(confirm) = &popup.confirm {
                    let _ = confirm.toggle_attribute_with_force("hidden", !opening);
                    // Focus goes into the question, and back to the button that asked it.
                    let (within, focus) = match opening {
                        true => (Some(confirm.clone()), "[data-k=reset-no]"),
                        false => (confirm.parent_element(), "[data-k=reset]"),
                    };
                    if let Some(Ok(Some(el))) = within.map(|w| w.query_selector(focus)) {
                        let _ = el.unchecked_ref::<HtmlElement>().focus();
                    }
                }
                if key == "reset-yes" {
                    popup.replace(Settings::default(), "Settings reset to defaults.");
                }
                Ok(JsValue::UNDEFINED)
            }
            "grant" => call(&popup.actions, "requestAccess", &[]),
            _ => Ok(JsValue::UNDEFINED),
        };
        if let Err(why) = result {
            popup.say(&why, &[], true);
        }
    }

    /// An action's asynchronous outcome, sent back by popup.js as a `vetted:done` event.
    fn on_done(&mut self, detail: &JsValue) {
        let error = get(detail, "error");
        if get(detail, "action").as_string().as_deref() != Some("readFile") {
            if !error.is_undefined() {
                self.failed("Could not save:", &error_text(&error));
            }
            return;
        }
        match read_import(&get(detail, "text"), &error) {
            Ok(settings) => self.replace(settings, "Settings imported."),
            Err((why, problems)) => {
                let text = format!("{} {why}", self.t("Import refused, nothing changed:"));
                self.say(&text, &problems, true);
            }
        }
    }
}

/// Checks an imported file's text (else the error that kept it from being read): it must be
/// JSON, a Vetted settings object, and load without a single problem. `Err` says why not, with
/// `settings::load`'s problems when there are some.
fn read_import(text: &JsValue, error: &JsValue) -> Result<Settings, (String, Vec<String>)> {
    let refuse = |why: String| (why, Vec::new());
    let Some(text) = text.as_string() else {
        return Err(refuse(format!("the file could not be read ({}).", error_text(error))));
    };
    let data = JSON::parse(&text)
        .map_err(|e| refuse(format!("the file is not valid JSON ({}).", error_text(&e))))?;
    let value: Value = serde_wasm_bindgen::from_value(data).map_err(|e| refuse(format!("{e}.")))?;
    match &value {
        Value::Object(fields) if fields.contains_key("version") => {}
        _ => {
            return Err(refuse(
                "this is not a Vetted settings file (it has no \"version\").".to_string(),
            ))
        }
    }
    let loaded = settings::load(&value);
    match loaded.problems.is_empty() {
        true => Ok(loaded.settings),
        false => Err(("the file has these problems:".to_string(), loaded.problems)),
    }
}

fn texts(value: &JsValue) -> Vec<String> {
    if Array::is_array(value) {
        Array::from(value).iter().filter_map(|v| v.as_string()).collect()
    } else {
        Vec::new()
    }
}

/// Builds the popup into `root` (emptied first). See the module's doc for `state` and `actions`.
#[wasm_bindgen]
pub fn render_popup(root: Element, state: JsValue, actions: JsValue) {
    let Some(doc) = root.owner_document() else { return };
    let stored = get(&state, "settings");
    let mut notes = texts(&get(&state, "problems"));
    let mut problems = Vec::new();
    let mut migrated = false;
    let settings = if stored.is_undefined() || stored.is_null() {
        Settings::default()
    } else {
        match serde_wasm_bindgen::from_value::<Value>(stored) {
            Ok(value) => {
                let loaded = settings::load(&value);
                let version = settings::version_of(&value);
                if version < settings::VERSION {
                    notes.push(format!(
                        "Your settings were updated from an older Vetted (format {version} → {}).",
                        settings::VERSION
                    ));
                    // Written back only when nothing was lost on the way.
                    migrated = loaded.problems.is_empty();
                }
                problems = loaded.problems;
                loaded.settings
            }
            Err(e) => {
                problems.push(format!(
                    "The stored settings could not be read ({e}); the defaults apply."
                ));
                Settings::default()
            }
        }
    };
    let mut popup = Popup {
        doc,
        strings: get(&state, "strings"),
        files_in_tab: get(&state, "filesInTab").is_truthy(),
        actions,
        settings,
        switches: Vec::new(),
        lists: Vec::new(),
        file: None,
        confirm: None,
        message: None,
    };
    root.set_text_content(None);
    let grant = get(&state, "canGrantAccess").is_truthy();
    popup.build(&root, &problems, &notes, &get(&state, "status"), grant);
    popup.fill();
    if migrated {
        popup.save();
    }

    let state: Shared = Rc::new(RefCell::new(popup));
    let key_of = |event: &Event| {
        let target: Element = event.target()?.dyn_into().ok()?;
        let keyed = target.closest("[data-k]").ok()??;
        Some((keyed.get_attribute("data-k")?, keyed))
    };
    let shared = state.clone();
    gloo::events::EventListener::new(&root, "change", move |event| {
        if let Some((key, target)) = key_of(event) {
            Popup::on_change(&shared, &target, &key);
        }
    })
    .forget();
    let shared = state.clone();
    gloo::events::EventListener::new(&root, "vetted:done", move |event| {
        if let Ok(mut popup) = shared.try_borrow_mut() {
            popup.on_done(&get(event, "detail"));
        }
    })
    .forget();
    gloo::events::EventListener::new(&root, "click", move |event| {
        if let Some((key, _)) = key_of(event) {
            Popup::on_click(&state, &key);
        }
    })
    .forget();
}
