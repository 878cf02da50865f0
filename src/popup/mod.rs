//! The popup: the rule catalogue with a switch per rule, the lists the rules use, the replies,
//! import, export and reset of settings, and what Vetted sees in the current tab.
//!
//! `extension/popup/popup.js` does the browser's asynchronous work (storage, tabs, permissions,
//! files) and calls `render_popup` once with what it found and a set of plain functions, which
//! this module calls synchronously:
//!
//! - state: `{settings, problems?, status, canGrantAccess, filesInTab?, message?, knownNames?}`
//!   (`knownNames`: `{profile address: name}` for entries of the people the user knows)
//! - actions: `save(settings)`, `exportFile(text, filename)`, `readFile(file)`,
//!   `requestAccess()`, `openInTab()` (used instead of the file picker when `filesInTab`: a
//!   Firefox popup closes as soon as a file dialog opens).
//!
//! Actions return at once; what comes later (a file's text, a failed save) comes back as a
//! `vetted:done` event on the root, `detail` = `{action: "readFile", text}`, or
//! `{action, error}` when it failed. A `vetted:status` event, `detail` = the tab's status,
//! shows new counts for "This tab".
//!
//! `message(key, substitutions)` is the browser's `i18n.getMessage`: the popup's words in the
//! browser's language, from `extension/_locales`. Without it, or for a key it lacks, the popup
//! speaks English (its own texts in `texts.rs`, the rules' in the catalogue). Every text
//! reaches the DOM as text, never as markup.

use crate::boundary::bindings::{read_value, value_to_js as to_js};
use crate::rules::{self, Rule, CATALOGUE};
use crate::settings::{self, Fields, Settings, Value};
use crate::verdict::Decision;
use js_sys::{Array, Function, Reflect, JSON};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// The list editors, by key in the settings format; each has a label (message `list_<key>`) and
/// a hint (`list_<key>_hint`). The first `OPEN_LISTS` are shown; the others, words the rules look
/// for, are behind a disclosure.
const LISTS: [&str; 10] = [
    "known_people",
    "met_elsewhere",
    "own_organizations",
    "invite_templates",
    "refused_roles",
    "open_networker_terms",
    "spam_terms",
    "trusted_sites",
    "business_terms",
    "group_terms",
];
const OPEN_LISTS: usize = 4;
/// The switch each list of `LISTS` serves (a rule's id, or a key of `settings::OPTIONS`): while
/// it is off, the list changes nothing, and the popup says so.
const LIST_SWITCHES: [&str; 10] =
    ["K", "E2", "O", "invite_help", "R6", "R3", "R1", "R1", "E1", "R4"];

const FILE_NAME: &str = "vetted-settings.json";

/// The popup's own texts in English, by message key.
const TEXTS: &[(&str, &str)] = include!("texts.rs");

/// The settings in the stored format, as fields.
fn exported(settings: &Settings) -> Fields {
    match settings::export(settings) {
        Value::Object(fields) => fields,
        _ => Fields::new(),
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
    /// The browser's `i18n.getMessage`, when there is one.
    i18n: Option<Function>,
    settings: Settings,
    files_in_tab: bool,
    switches: Vec<HtmlInputElement>,
    /// The switches of `settings::OPTIONS`, in their order.
    options: Vec<HtmlInputElement>,
    lists: Vec<HtmlTextAreaElement>,
    replies: Vec<HtmlTextAreaElement>,
    file: Option<HtmlInputElement>,
    confirm: Option<Element>,
    /// The message region under the control last used.
    message: Option<Element>,
    /// "This tab": what Vetted sees in the active tab, rebuilt when its counts change.
    status: Option<Element>,
    grant: bool,
    /// Per list, what says that its switch is off.
    offs: Vec<Element>,
    /// The names the badges' "I know them" noted for the profiles of `known_people`, by entry.
    names: Vec<(String, String)>,
    names_box: Option<Element>,
    /// What an import would change, and the file's settings until the user chooses.
    preview: Option<Element>,
    pending: Option<Settings>,
}

type Shared = Rc<RefCell<Popup>>;

impl Popup {
    /// Message `key` in the browser's language, `$1`, `$2`… filled in from `args`; `english`
    /// when the browser has none.
    fn text(&self, key: &str, english: &str, args: &[&str]) -> String {
        let substitutions: Array = args.iter().map(|a| JsValue::from_str(a)).collect();
        let local = self
            .i18n
            .as_ref()
            .and_then(|f| f.call2(&JsValue::NULL, &key.into(), &substitutions).ok());
        match local.and_then(|text| text.as_string()).filter(|text| !text.is_empty()) {
            Some(text) => text,
            None => args.iter().enumerate().fold(english.to_string(), |text, (i, arg)| {
                text.replace(&format!("${}", i + 1), arg)
            }),
        }
    }

    /// One of the popup's own texts (`texts.rs`).
    fn t(&self, key: &str, args: &[&str]) -> String {
        let english = TEXTS.iter().find(|(k, _)| *k == key).map_or(key, |(_, english)| english);
        self.text(key, english, args)
    }

    /// A rule's text: `what` is `title`, `reason` or (`$1` the first name) `reply`.
    fn rule_text(&self, rule: &Rule, what: &str) -> String {
        match what {
            "title" => self.text(&format!("rule_{}_title", rule.id), rule.title, &[]),
            "reason" => self.text(&format!("rule_{}_reason", rule.id), rule.reason, &[]),
            _ => self.text(&format!("reply_{}", rule.id), rule.reply(), &[settings::NAME_IN_REPLY]),
        }
    }

    /// Adds an element showing the popup's text `key` (none when `key` is empty).
    fn add(&self, parent: &Element, tag: &str, class: &str, key: &str) -> Element {
        let text = if key.is_empty() { String::new() } else { self.t(key, &[]) };
        add(&self.doc, parent, tag, class, &text)
    }

    /// Calls one of popup.js's actions; `Err` carries what went wrong, in words.
    fn call(&self, name: &str, args: &[&JsValue]) -> Result<JsValue, String> {
        let function: Function = get(&self.actions, name)
            .dyn_into()
            .map_err(|_| self.t("popup_unavailable", &[name]))?;
        function.apply(&self.actions, &args.iter().collect::<Array>()).map_err(|e| error_text(&e))
    }

    fn button(&self, parent: &Element, key: &str, text: &str) -> Element {
        let button = self.add(parent, "button", "", text);
        set(&button, &[("type", "button"), ("data-k", key)]);
        button
    }

    /// A titled section, closed until opened, with an explanation under its heading: a
    /// `<details>`, which the keyboard reaches and opens natively, so that the popup's window
    /// shows every section's heading at once.
    fn section(&self, root: &Element, id: &str, title: &str, intro: &str) -> Element {
        let section = self.add(root, "details", "section", "");
        set(&section, &[("id", &format!("s-{id}"))]);
        let summary = self.add(&section, "summary", "", "");
        set(&self.add(&summary, "h2", "", title), &[("id", &format!("h-{id}"))]);
        self.add(&section, "p", "intro", intro);
        section
    }

    /// A place for the messages about the controls before it, in the flow of the popup (never
    /// over a control), announced as it changes.
    fn message_region(&self, parent: &Element) {
        set(&self.add(parent, "div", "message", ""), &[("role", "status")]);
    }

    /// Shows one message, and the problems behind it, under the control last used.
    fn say(&self, text: &str, problems: &[String], error: bool) {
        if let Some(message) = &self.message {
            message.set_text_content(None);
            message.set_class_name(if error { "message error" } else { "message" });
            add_points(&self.doc, message, text, problems);
        }
    }

    /// The messages now go under `target`, the control being used: the region of its field or
    /// section. The previous message, elsewhere, goes.
    fn speak_at(&mut self, target: &Element) {
        let scope = target.closest(".field, .section").ok().flatten();
        let region = scope.and_then(|s| s.query_selector(":scope > .message").ok().flatten());
        let Some(region) = region else { return };
        if let Some(old) = self.message.replace(region.clone()) {
            if old != region {
                old.set_text_content(None);
            }
        }
    }

    /// Says the popup's text `key` (`$1` = `why`) as an error.
    fn failed(&self, key: &str, why: &str) {
        self.say(&self.t(key, &[why]), &[], true);
    }

    /// Says the popup's text `key`.
    fn done(&self, key: &str) {
        self.say(&self.t(key, &[]), &[], false);
    }

    fn build(&mut self, root: &Element, problems: &[String], notes: &[String], status: &JsValue) {
        let header = self.add(root, "header", "", "");
        add(&self.doc, &header, "h1", "", "Vetted");
        self.add(&header, "p", "intro", "popup_intro");

        if !problems.is_empty() || !notes.is_empty() {
            let alert = self.add(root, "div", "problems", "");
            set(&alert, &[("role", "alert")]);
            for note in notes {
                add(&self.doc, &alert, "p", "", note);
            }
            if !problems.is_empty() {
                add_points(&self.doc, &alert, &self.t("popup_problems", &[]), problems);
            }
        }

        let section = self.add(root, "section", "status", "");
        set(&section, &[("aria-label", &self.t("popup_this_tab", &[]))]);
        self.status = Some(section);
        self.show_status(status);

        let rules = self.section(root, "rules", "popup_rules", "popup_rules_intro");
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
            // One line: what the rule detects, and the verdict it gives.
            let detects = format!("{}: ", self.t(&format!("rule_{}_detects", rule.id), &[]));
            let label = add(&self.doc, &li, "label", "", &detects);
            set(&label, &[("for", &id)]);
            let (class, word) = match rule.effect {
                Decision::Accept => ("effect accept", "verdict_accept"),
                Decision::Consider => ("effect consider", "verdict_consider"),
                Decision::Refuse => ("effect refuse", "verdict_refuse"),
            };
            self.add(&label, "span", class, word);
            // Under it, the essay's words: the rule's title and its reason.
            let reason = self.add(&li, "p", "why", "");
            set(&reason, &[("id", &why)]);
            add(&self.doc, &reason, "b", "", &self.rule_text(rule, "title"));
            let _ = reason.append_with_str_1(&format!(" {}", self.rule_text(rule, "reason")));
            self.switches.push(input);
        }
        // The switches that are not rules (reading notes, help with the user's own invitations).
        let ul = self.add(&rules, "ul", "rules options", "");
        for (i, key) in settings::OPTIONS.iter().enumerate() {
            let li = self.add(&ul, "li", "", "");
            let (id, why) = (format!("option-{i}"), format!("option-why-{i}"));
            let input: HtmlInputElement = self.add(&li, "input", "", "").unchecked_into();
            input.set_type("checkbox");
            let data = format!("o{i}");
            set(
                &input,
                &[("role", "switch"), ("id", &id), ("data-k", &data), ("aria-describedby", &why)],
            );
            set(&self.add(&li, "label", "", &format!("option_{key}")), &[("for", &id)]);
            set(&self.add(&li, "p", "why", &format!("option_{key}_hint")), &[("id", &why)]);
            self.options.push(input);
        }
        self.message_region(&rules);

        let mut parent = self.section(root, "lists", "popup_lists", "popup_lists_intro");
        for (i, key) in LISTS.iter().enumerate() {
            if i == OPEN_LISTS {
                parent = self.add(&parent, "details", "", "");
                self.add(&parent, "summary", "", "popup_words");
            }
            let field = self.add(&parent, "div", "field", "");
            let (id, hint_id) = (format!("list-{i}"), format!("hint-{i}"));
            set(&self.add(&field, "label", "", &format!("list_{key}")), &[("for", &id)]);
            set(&self.add(&field, "p", "hint", &format!("list_{key}_hint")), &[("id", &hint_id)]);
            // Said when the switch the list serves is off: the list then changes nothing.
            let off = self.add(&field, "p", "hint off", "");
            let switch = LIST_SWITCHES[i];
            off.set_text_content(Some(&self.t("popup_list_off", &[&self.switch_name(switch)])));
            set(&off, &[("id", &format!("off-{i}")), ("hidden", "")]);
            self.offs.push(off);
            let area: HtmlTextAreaElement = self.add(&field, "textarea", "", "").unchecked_into();
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
            if LISTS[i] == "known_people" {
                let names = self.add(&field, "div", "names", "");
                set(&names, &[("hidden", "")]);
                self.names_box = Some(names);
            }
            self.message_region(&field);
            self.lists.push(area);
        }

        let replies = self.section(root, "replies", "popup_replies", "popup_replies_intro");
        for (i, rule) in CATALOGUE.iter().enumerate() {
            let field = self.add(&replies, "div", "field", "");
            let id = format!("reply-{i}");
            set(
                &add(&self.doc, &field, "label", "", &self.rule_text(rule, "title")),
                &[("for", &id)],
            );
            let area: HtmlTextAreaElement =
                self.add(&field, "textarea", "reply", "").unchecked_into();
            let key = format!("p{i}");
            let placeholder = self.rule_text(rule, "reply");
            set(
                &area,
                &[("id", &id), ("data-k", &key), ("rows", "4"), ("placeholder", &placeholder)],
            );
            self.message_region(&field);
            self.replies.push(area);
        }

        let intro = if self.files_in_tab { "popup_file_intro_tab" } else { "popup_file_intro" };
        let file = self.section(root, "file", "popup_file", intro);
        let row = self.add(&file, "div", "row", "");
        self.button(&row, "export", "popup_export");
        self.button(&row, "import", "popup_import");
        self.button(&row, "reset", "popup_reset");
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
        self.add(&confirm, "p", "", "popup_reset_question");
        let row = self.add(&confirm, "div", "row", "");
        self.button(&row, "reset-yes", "popup_reset_yes").set_class_name("danger");
        self.button(&row, "reset-no", "popup_cancel");
        self.confirm = Some(confirm);

        // What an import would change, filled in once a file is read; nothing is saved before
        // the user chooses.
        let preview = self.add(&file, "div", "preview", "");
        set(&preview, &[("hidden", "")]);
        self.preview = Some(preview);
        self.message_region(&file);
    }

    /// What Vetted sees in the active tab: its counts, or why there are none.
    fn show_status(&self, status: &JsValue) {
        let Some(section) = &self.status else { return };
        section.set_text_content(None);
        let section = section.clone();
        if get(status, "page").as_string().as_deref() != Some("invitations") {
            self.add(&section, "p", "", "popup_not_invitations");
        } else if get(status, "readable").as_bool() == Some(false) {
            self.add(&section, "p", "", "popup_unreadable");
        } else {
            let p = self.add(&section, "p", "counts", "popup_counts");
            let counts = get(status, "counts");
            for key in ["accept", "consider", "refuse", "missing_note", "no_reason"] {
                let n = (get(&counts, key).as_f64().unwrap_or(0.0) as u32).to_string();
                add(&self.doc, &p, "span", key, &self.t(&format!("popup_count_{key}"), &[&n]));
            }
        }
        if self.grant {
            self.add(&section, "p", "", "popup_no_access");
            self.button(&section, "grant", "popup_grant");
        }
    }

    /// Shows the settings in the switches and list editors.
    fn fill(&self) {
        for (rule, switch) in CATALOGUE.iter().zip(&self.switches) {
            switch.set_checked(self.settings.is_on(rule.id));
        }
        for (key, switch) in settings::OPTIONS.iter().zip(&self.options) {
            switch.set_checked(self.settings.option(key));
        }
        let fields = exported(&self.settings);
        for (key, area) in LISTS.iter().zip(&self.lists) {
            area.set_value(&lines(fields.get(key)));
        }
        for (rule, area) in CATALOGUE.iter().zip(&self.replies) {
            area.set_value(self.settings.reply_template(rule.id).unwrap_or_default());
        }
        self.show_offs();
        self.show_names();
    }

    /// Whether the rule or option `key` is on.
    fn switch_on(&self, key: &str) -> bool {
        match rules::rule(key) {
            Some(rule) => self.settings.is_on(rule.id),
            None => self.settings.option(key),
        }
    }

    /// What the rule or option `key` is called in its switch's line.
    fn switch_name(&self, key: &str) -> String {
        match rules::rule(key) {
            Some(rule) => self.t(&format!("rule_{}_detects", rule.id), &[]),
            None => self.t(&format!("option_{key}"), &[]),
        }
    }

    /// Shows, under each list whose switch is off, that it changes nothing now; the list's box
    /// is then described by that too.
    fn show_offs(&self) {
        for (i, (off, area)) in self.offs.iter().zip(&self.lists).enumerate() {
            let on = self.switch_on(LIST_SWITCHES[i]);
            let _ = off.toggle_attribute_with_force("hidden", on);
            let hint = format!("hint-{i}");
            let described = if on { hint } else { format!("{hint} off-{i}") };
            set(area, &[("aria-describedby", &described)]);
        }
    }

    /// Under the people you know, the name noted for each profile address of the list.
    fn show_names(&self) {
        let Some(names_box) = &self.names_box else { return };
        names_box.set_text_content(None);
        let known: Vec<(&str, &str)> = self
            .settings
            .known_people
            .iter()
            .filter_map(|entry| {
                let (_, name) = self.names.iter().find(|(address, _)| address == entry)?;
                Some((entry.as_str(), name.as_str()))
            })
            .collect();
        let _ = names_box.toggle_attribute_with_force("hidden", known.is_empty());
        if known.is_empty() {
            return;
        }
        let id = "names-0";
        set(&self.add(names_box, "p", "hint", "popup_known_names"), &[("id", id)]);
        let ul = self.add(names_box, "ul", "", "");
        set(&ul, &[("aria-labelledby", id)]);
        for (address, name) in known {
            let li = add(&self.doc, &ul, "li", "", "");
            add(&self.doc, &li, "b", "", name);
            let _ = li.append_with_str_1(&format!(": {}", short_address(address)));
        }
    }

    fn save(&self) {
        if let Err(why) = self.call("save", &[&to_js(&settings::export(&self.settings))]) {
            self.failed("popup_save_failed", &why);
        }
    }

    fn replace(&mut self, settings: Settings, done: &str) {
        self.settings = settings;
        self.fill();
        self.save();
        self.done(done);
    }

    /// A list editor was left changed: its valid entries are saved, the others reported.
    fn edit_list(&mut self, area: &HtmlTextAreaElement, key: &str) {
        let typed = area.value();
        let entries = typed.lines().filter(|l| !l.trim().is_empty());
        let entries = Value::Array(entries.map(|l| Value::String(l.to_string())).collect());
        let mut alone = Fields::new();
        alone.insert(key.to_string(), entries.clone());
        let problems = settings::load(&Value::Object(alone)).problems;
        let mut fields = exported(&self.settings);
        fields.insert(key.to_string(), entries);
        self.settings = settings::load(&Value::Object(fields)).settings;
        self.save();
        self.show_names();
        if problems.is_empty() {
            area.set_value(&lines(exported(&self.settings).get(key)));
            self.done("popup_saved");
        } else {
            // The box keeps what was typed, to be corrected.
            self.say(&self.t("popup_saved_except", &[]), &problems, true);
        }
    }

    /// A reply box was left changed: saved when it can be used (empty: Vetted's own reply),
    /// else reported, the box keeping what was typed.
    fn edit_reply(&mut self, area: &HtmlTextAreaElement, rule: &str) {
        let typed = area.value();
        let mut replies = Fields::new();
        if !typed.trim().is_empty() {
            replies.insert(rule.to_string(), Value::String(typed));
        }
        let mut alone = Fields::new();
        alone.insert("reply_templates".to_string(), Value::Object(replies));
        let loaded = settings::load(&Value::Object(alone));
        if !loaded.problems.is_empty() {
            return self.say(&self.t("popup_not_saved", &[]), &loaded.problems, true);
        }
        let text = loaded.settings.reply_template(rule).map(str::to_string);
        self.settings.set_reply_template(rule, text);
        self.save();
        self.done("popup_saved");
    }

    fn on_change(state: &Shared, target: &Element, key: &str) {
        let mut popup = state.borrow_mut();
        let (kind, rest) = key.split_at(1.min(key.len()));
        popup.speak_at(target);
        if let ("r", Some(rule)) = (kind, rules::rule(rest)) {
            popup.settings.set_on(rule.id, target.unchecked_ref::<HtmlInputElement>().checked());
            popup.save();
            popup.show_offs();
        } else if let ("o", Some(key)) = (kind, option_at(rest)) {
            popup.settings.set_option(key, target.unchecked_ref::<HtmlInputElement>().checked());
            popup.save();
            popup.show_offs();
        } else if let ("l", Some(&digit)) = (kind, rest.as_bytes().first()) {
            let key = LISTS[usize::from(digit.wrapping_sub(b'0')).min(LISTS.len() - 1)];
            popup.edit_list(target.unchecked_ref(), key);
        } else if let ("p", Some(&digit)) = (kind, rest.as_bytes().first()) {
            let rule = CATALOGUE[usize::from(digit.wrapping_sub(b'0')).min(CATALOGUE.len() - 1)];
            popup.edit_reply(target.unchecked_ref(), rule.id);
        } else if key == "file" {
            let input = target.unchecked_ref::<HtmlInputElement>();
            let file = input.files().and_then(|files| files.get(0));
            input.set_value("");
            let Some(file) = file else { return };
            if file.size() > 1_000_000.0 {
                popup.failed("popup_import_refused", &popup.t("popup_too_large", &[]));
            } else if let Err(why) = popup.call("readFile", &[&file]) {
                popup.failed("popup_read_failed", &why);
            }
        }
    }

    fn on_click(state: &Shared, target: &Element, key: &str) {
        let mut popup = state.borrow_mut();
        popup.speak_at(target);
        let result = match key {
            "export" | "import" if popup.files_in_tab => popup.call("openInTab", &[]),
            "export" => {
                let data = to_js(&settings::export(&popup.settings));
                let text = JSON::stringify_with_replacer_and_space(
                    &data,
                    &JsValue::NULL,
                    &JsValue::from(2),
                )
                .map(JsValue::from)
                .unwrap_or_default();
                let result = popup.call("exportFile", &[&text, &JsValue::from_str(FILE_NAME)]);
                if result.is_ok() {
                    popup.say(&popup.t("popup_exported", &[FILE_NAME]), &[], false);
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
                    popup.replace(Settings::default(), "popup_reset_done");
                }
                Ok(JsValue::UNDEFINED)
            }
            "import-replace" | "import-merge" | "import-cancel" => {
                popup.answer_import(key);
                Ok(JsValue::UNDEFINED)
            }
            "grant" => popup.call("requestAccess", &[]),
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
                self.failed("popup_save_failed", &error_text(&error));
            }
            return;
        }
        match self.read_import(&get(detail, "text"), &error) {
            Ok(settings) => self.preview(settings),
            Err((why, problems)) => {
                self.say(&self.t("popup_import_refused", &[&why]), &problems, true)
            }
        }
    }

    /// Shows what importing `file` would change, and asks: Replace, Merge or Cancel. Nothing is
    /// saved until then.
    fn preview(&mut self, file: Settings) {
        let Some(preview) = self.preview.clone() else { return };
        if let Some(message) = &self.message {
            message.set_text_content(None);
        }
        preview.set_text_content(None);
        let (mine, theirs, merged) =
            (exported(&self.settings), exported(&file), exported(&merge(&self.settings, &file)));
        let mut changes = Vec::new();
        for key in LISTS {
            let count = |fields: &Fields| match fields.get(key) {
                Some(Value::Array(items)) => items.len(),
                _ => 0,
            };
            if mine.get(key) != theirs.get(key) {
                let (has, have) = (count(&theirs).to_string(), count(&mine).to_string());
                let adds = (count(&merged) - count(&mine)).to_string();
                let list = self.t(&format!("list_{key}"), &[]);
                changes.push(self.t("popup_preview_list", &[&list, &has, &have, &adds]));
            }
        }
        let switches = CATALOGUE.iter().map(|r| r.id).chain(settings::OPTIONS.iter().copied());
        for key in switches {
            let on = rules::rule(key).map_or(file.option(key), |r| file.is_on(r.id));
            if on != self.switch_on(key) {
                let how = if on { "popup_preview_on" } else { "popup_preview_off" };
                changes.push(self.t(how, &[&self.switch_name(key)]));
            }
        }
        let replies = CATALOGUE
            .iter()
            .filter(|r| file.reply_template(r.id) != self.settings.reply_template(r.id))
            .count();
        if replies > 0 {
            changes.push(self.t("popup_preview_replies", &[&replies.to_string()]));
        }
        if changes.is_empty() {
            let _ = preview.toggle_attribute_with_force("hidden", true);
            return self.done("popup_preview_same");
        }
        add_points(&self.doc, &preview, &self.t("popup_preview", &[]), &changes);
        self.add(&preview, "p", "hint", "popup_preview_how");
        let row = self.add(&preview, "div", "row", "");
        self.button(&row, "import-replace", "popup_import_replace");
        self.button(&row, "import-merge", "popup_import_merge");
        self.button(&row, "import-cancel", "popup_cancel");
        let _ = preview.toggle_attribute_with_force("hidden", false);
        // Named by its question, so that a screen reader says it on the way in; the focus goes
        // to Cancel, the choice that changes nothing.
        set(&preview, &[("role", "group"), ("aria-label", &self.t("popup_preview", &[]))]);
        if let Ok(Some(cancel)) = preview.query_selector("[data-k=import-cancel]") {
            let _ = cancel.unchecked_ref::<HtmlElement>().focus();
        }
        self.pending = Some(file);
    }

    /// The user's answer to the import's preview: `import-replace`, `import-merge` or
    /// `import-cancel`.
    fn answer_import(&mut self, key: &str) {
        let Some(file) = self.pending.take() else { return };
        if let Some(preview) = &self.preview {
            preview.set_text_content(None);
            let _ = preview.toggle_attribute_with_force("hidden", true);
        }
        if let Ok(Some(import)) = self.doc.query_selector("[data-k=import]") {
            let _ = import.unchecked_ref::<HtmlElement>().focus();
        }
        match key {
            "import-replace" => self.replace(file, "popup_imported"),
            "import-merge" => {
                let merged = merge(&self.settings, &file);
                self.replace(merged, "popup_merged")
            }
            _ => self.done("popup_import_cancelled"),
        }
    }

    /// Checks an imported file's text (else the error that kept it from being read): it must
    /// be JSON, a Vetted settings object, and load without a single problem. `Err` says why not,
    /// with `settings::load`'s problems when there are some.
    fn read_import(
        &self,
        text: &JsValue,
        error: &JsValue,
    ) -> Result<Settings, (String, Vec<String>)> {
        let refuse = |key: &str, why: &str| (self.t(key, &[why]), Vec::new());
        let Some(text) = text.as_string() else {
            return Err(refuse("popup_not_read", &error_text(error)));
        };
        let data = JSON::parse(&text).map_err(|e| refuse("popup_not_json", &error_text(&e)))?;
        let value = read_value(&data, 0);
        match &value {
            Value::Object(fields) if fields.contains_key("version") => {}
            _ => return Err(refuse("popup_not_settings", "")),
        }
        let loaded = settings::load(&value);
        match loaded.problems.is_empty() {
            true => Ok(loaded.settings),
            // Each problem as what is wrong, without what loading would do about it: nothing
            // is loaded.
            false => Err((
                self.t("popup_file_problems", &[]),
                loaded.problems.iter().map(|p| fault(p)).collect(),
            )),
        }
    }
}

/// `mine` and `file` together: each list of both, without duplicates (whatever their case),
/// mine first; the switches from the file; the file's replies, and mine for rules it has none for.
fn merge(mine: &Settings, file: &Settings) -> Settings {
    let (mut fields, theirs) = (exported(mine), exported(file));
    for (key, value) in &theirs {
        let united = match (fields.get(key), value) {
            (Some(Value::Array(mine)), Value::Array(theirs)) => {
                let mut united = mine.clone();
                for entry in theirs {
                    let folded = |v: &Value| match v {
                        Value::String(s) => s.to_lowercase(),
                        _ => String::new(),
                    };
                    if !united.iter().any(|e| folded(e) == folded(entry)) {
                        united.push(entry.clone());
                    }
                }
                Value::Array(united)
            }
            (Some(Value::Object(mine)), Value::Object(theirs)) if key == "reply_templates" => {
                let mut replies = mine.clone();
                for (id, text) in theirs {
                    replies.insert(id.clone(), text.clone());
                }
                Value::Object(replies)
            }
            _ => value.clone(),
        };
        fields.insert(key.clone(), united);
    }
    settings::load(&Value::Object(fields)).settings
}

/// A loader's problem as what is wrong alone: its first clause. (The loader's texts say what is
/// wrong, then, after "; ", what loading does about it.)
fn fault(problem: &str) -> String {
    match problem.split_once("; ") {
        Some((wrong, _)) => format!("{wrong}."),
        None => problem.to_string(),
    }
}

/// The switch of `settings::OPTIONS` numbered so in a `data-k`.
fn option_at(number: &str) -> Option<&'static str> {
    number.parse().ok().and_then(|i: usize| settings::OPTIONS.get(i).copied())
}

fn texts(value: &JsValue) -> Vec<String> {
    if Array::is_array(value) {
        Array::from(value).iter().filter_map(|v| v.as_string()).collect()
    } else {
        Vec::new()
    }
}

/// `knownNames`: the name noted for each profile address, `{address: name}`.
fn names(value: &JsValue) -> Vec<(String, String)> {
    let Some(object) = value.dyn_ref::<js_sys::Object>() else { return Vec::new() };
    js_sys::Object::entries(object)
        .iter()
        .filter_map(|entry| {
            let entry = Array::from(&entry);
            Some((entry.get(0).as_string()?, entry.get(1).as_string()?))
        })
        .collect()
}

/// A profile address as short as it reads: linkedin.com/in/name.
fn short_address(address: &str) -> &str {
    let address = address.trim_end_matches('/');
    let address = address.split_once("://").map_or(address, |(_, rest)| rest);
    address.strip_prefix("www.").unwrap_or(address)
}

/// Builds the popup into `root` (emptied first). See the module's doc for `state` and `actions`.
#[wasm_bindgen]
pub fn render_popup(root: Element, state: JsValue, actions: JsValue) {
    let Some(doc) = root.owner_document() else { return };
    let mut popup = Popup {
        doc,
        i18n: get(&state, "message").dyn_into().ok(),
        files_in_tab: get(&state, "filesInTab").is_truthy(),
        actions,
        settings: Settings::default(),
        switches: Vec::new(),
        options: Vec::new(),
        lists: Vec::new(),
        replies: Vec::new(),
        file: None,
        confirm: None,
        message: None,
        status: None,
        grant: get(&state, "canGrantAccess").is_truthy(),
        offs: Vec::new(),
        names: names(&get(&state, "knownNames")),
        names_box: None,
        preview: None,
        pending: None,
    };
    let stored = get(&state, "settings");
    let mut notes = texts(&get(&state, "problems"));
    let mut problems = Vec::new();
    let mut migrated = false;
    if !stored.is_undefined() && !stored.is_null() {
        let value = read_value(&stored, 0);
        let loaded = settings::load(&value);
        let version = settings::version_of(&value);
        if version < settings::VERSION {
            let (from, to) = (version.to_string(), settings::VERSION.to_string());
            notes.push(popup.t("popup_migrated", &[&from, &to]));
            // Written back only when nothing was lost on the way.
            migrated = loaded.problems.is_empty();
        }
        problems = loaded.problems;
        popup.settings = loaded.settings;
    }
    root.set_text_content(None);
    popup.build(&root, &problems, &notes, &get(&state, "status"));
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
    listen(&root, "change", move |event| {
        if let Some((key, target)) = key_of(event) {
            Popup::on_change(&shared, &target, &key);
        }
    });
    let shared = state.clone();
    listen(&root, "vetted:status", move |event| {
        if let Ok(popup) = shared.try_borrow() {
            popup.show_status(&get(event, "detail"));
        }
    });
    let shared = state.clone();
    listen(&root, "vetted:done", move |event| {
        if let Ok(mut popup) = shared.try_borrow_mut() {
            popup.on_done(&get(event, "detail"));
        }
    });
    listen(&root, "click", move |event| {
        if let Some((key, target)) = key_of(event) {
            Popup::on_click(&state, &target, &key);
        }
    });
}

/// Calls `handle` with each `name` event on `root`, for as long as the popup is open. (Not
/// gloo's listener: its options object weighs more in the wasm than this plain one.)
fn listen(root: &Element, name: &str, mut handle: impl FnMut(&Event) + 'static) {
    let listener = Closure::<dyn FnMut(Event)>::new(move |event: Event| handle(&event));
    let _ = root.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
    listener.forget();
}
