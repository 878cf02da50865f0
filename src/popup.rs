//! The popup: the rule catalogue with a switch per rule, the lists the rules use, import, export
//! and reset of settings, and what Vetted sees in the current tab.
//!
//! `extension/popup/popup.js` does the browser's asynchronous work (storage, tabs, permissions,
//! files) and calls `render_popup` once with what it found and a set of plain functions, which
//! this module calls synchronously:
//!
//! - state: `{settings, problems?, status, canGrantAccess, filesInTab?, strings?}`
//! - actions: `save(settings)` (may return a promise), `exportFile(text, filename)`,
//!   `readFile(file, done)` calling `done(text)` or `done(undefined, error)`, `requestAccess()`,
//!   `openInTab()` (used instead of the file picker when `filesInTab`: a Firefox popup closes
//!   when a file dialog opens).
//!
//! `strings` optionally maps the English texts shown here to other words. Every text reaches
//! the DOM as text, never as markup.

use crate::rules::CATALOGUE;
use crate::settings::{self, Settings, Value};
use crate::verdict::Decision;
use js_sys::{Array, Function, Object, Reflect, JSON};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// The list editors, in the order of `list_mut`: label, then what goes in it.
const LISTS: [(&str, &str); 4] = [
    (
        "People you know",
        "Profile links, profile names (the part after /in/) or full names. Their invitations get Accept.",
    ),
    (
        "People met elsewhere",
        "Names or handles of people you met on other channels. Their invitations get Accept.",
    ),
    (
        "Your organizations",
        "Companies, schools and groups you belong to. A sender from one of them gets Consider.",
    ),
    (
        "More roles to refuse",
        "Besides recruiters, HR, staffing and real estate, which are always refused.",
    ),
];

const FILE_NAME: &str = "vetted-settings.json";

fn list_mut(settings: &mut Settings, i: usize) -> &mut Vec<String> {
    match i {
        0 => &mut settings.known_people,
        1 => &mut settings.met_elsewhere,
        2 => &mut settings.own_organizations,
        _ => &mut settings.refused_roles,
    }
}

/// Settings as the stored JSON that `settings::load` reads, every rule's switch written out.
fn settings_value(s: &Settings) -> Value {
    let mut rules: BTreeMap<String, Value> =
        CATALOGUE.iter().map(|r| (r.id.to_string(), Value::Bool(s.is_on(r.id)))).collect();
    // Switches for rules this build does not know (a newer build's) are kept, not dropped.
    for id in &s.rules_off {
        rules.entry(id.clone()).or_insert(Value::Bool(false));
    }
    let list = |items: &[String]| Value::Array(items.iter().cloned().map(Value::String).collect());
    Value::Object(BTreeMap::from([
        ("version".to_string(), Value::Number(settings::VERSION.into())),
        ("rules".to_string(), Value::Object(rules)),
        ("known_people".to_string(), list(&s.known_people)),
        ("met_elsewhere".to_string(), list(&s.met_elsewhere)),
        ("own_organizations".to_string(), list(&s.own_organizations)),
        ("refused_roles".to_string(), list(&s.refused_roles)),
    ]))
}

/// JSON-like data as a plain JS value: objects, arrays and primitives only, ready to store.
fn to_js(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(*n),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Value::Object(fields) => {
            let object = Object::new();
            for (key, item) in fields {
                let _ = Reflect::set(&object, &JsValue::from_str(key), &to_js(item));
            }
            object.into()
        }
    }
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

/// Shows one message, and the problems behind it, in the live region.
fn say(message: &Element, text: &str, problems: &[String], error: bool) {
    message.set_text_content(None);
    message.set_class_name(if error { "message error" } else { "message" });
    if let Some(doc) = message.owner_document() {
        add(&doc, message, "p", "", text);
        let ul = add(&doc, message, "ul", "", "");
        for problem in problems {
            add(&doc, &ul, "li", "", problem);
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
        if !intro.is_empty() {
            self.add(&section, "p", "intro", intro);
        }
        section
    }

    fn say(&self, text: &str, problems: &[String], error: bool) {
        if let Some(message) = &self.message {
            say(message, &self.t(text), problems, error);
        }
    }

    fn build(&mut self, root: &Element, problems: &[String], notes: &[String], status: &JsValue) {
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
                self.add(&alert, "p", "", "Some stored settings could not be used; defaults apply to them:");
                let ul = self.add(&alert, "ul", "", "");
                for problem in problems {
                    add(&self.doc, &ul, "li", "", problem);
                }
            }
        }

        self.build_status(root, status);

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
            set(&input, &[("role", "switch"), ("id", &id), ("data-k", &format!("r{i}")), ("aria-describedby", &why)]);
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

        let lists = self.section(
            root,
            "h-lists",
            "Your lists",
            "One entry per line; saved when you leave the box.",
        );
        for (i, (label, hint)) in LISTS.iter().enumerate() {
            let (id, hint_id) = (format!("list-{i}"), format!("hint-{i}"));
            set(&self.add(&lists, "label", "", label), &[("for", &id)]);
            set(&self.add(&lists, "p", "hint", hint), &[("id", &hint_id)]);
            let area: HtmlTextAreaElement = self.add(&lists, "textarea", "", "").unchecked_into();
            set(&area, &[("id", &id), ("data-k", &format!("l{i}")), ("aria-describedby", &hint_id), ("rows", "3"), ("spellcheck", "false")]);
            self.lists.push(area);
        }

        let file = self.section(root, "h-file", "Settings file", "");
        let row = self.add(&file, "div", "row", "");
        self.button(&row, "export", "Export…");
        self.button(&row, "import", "Import…");
        self.button(&row, "reset", "Reset to defaults…");
        if self.files_in_tab {
            self.add(&file, "p", "hint", "Export and import open Vetted in a tab.");
        }
        let input: HtmlInputElement = self.add(&file, "input", "", "").unchecked_into();
        input.set_type("file");
        set(&input, &[("accept", ".json,application/json"), ("data-k", "file"), ("hidden", ""), ("tabindex", "-1")]);
        self.file = Some(input);

        let confirm = self.add(&file, "div", "confirm", "");
        set(&confirm, &[("hidden", "")]);
        self.add(&confirm, "p", "", "Switch every rule back on and empty your lists?");
        let row = self.add(&confirm, "div", "row", "");
        self.button(&row, "reset-yes", "Reset").set_class_name("danger");
        self.button(&row, "reset-no", "Cancel");
        self.confirm = Some(confirm);

        let message = self.add(root, "div", "message", "");
        set(&message, &[("role", "status")]);
        self.message = Some(message);
    }

    fn build_status(&self, root: &Element, status: &JsValue) {
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
    }

    /// Shows the settings in the switches and list editors.
    fn fill(&mut self) {
        let Popup { settings, switches, lists, .. } = self;
        for (rule, switch) in CATALOGUE.iter().zip(switches.iter()) {
            switch.set_checked(settings.is_on(rule.id));
        }
        for (i, area) in lists.iter().enumerate() {
            area.set_value(&list_mut(settings, i).join("\n"));
        }
    }

    fn save(&self) {
        let message = self.message.clone();
        let failed = move |why: String| {
            if let Some(message) = &message {
                say(message, &format!("Could not save: {why}."), &[], true);
            }
        };
        match call(&self.actions, "save", &[&to_js(&settings_value(&self.settings))]) {
            Err(why) => failed(why),
            Ok(result) => {
                // A promise: report its failure when it comes.
                if let Ok(catch) = get(&result, "catch").dyn_into::<Function>() {
                    let on_error = Closure::once_into_js(move |e: JsValue| failed(error_text(&e)));
                    let _ = catch.call1(&result, &on_error);
                }
            }
        }
    }

    fn replace(&mut self, settings: Settings, done: &str) {
        self.settings = settings;
        self.fill();
        self.save();
        self.say(done, &[], false);
    }

    fn on_change(state: &Shared, target: &Element, key: &str) {
        let mut popup = state.borrow_mut();
        let index = key.get(1..).and_then(|i| i.parse::<usize>().ok()).unwrap_or(usize::MAX);
        if let (Some('r'), Some(rule)) = (key.chars().next(), CATALOGUE.get(index)) {
            let on = target.unchecked_ref::<HtmlInputElement>().checked();
            popup.settings.rules_off.retain(|id| id != rule.id);
            if !on {
                popup.settings.rules_off.push(rule.id.to_string());
            }
            popup.save();
        } else if let (Some('l'), true) = (key.chars().next(), index < LISTS.len()) {
            let area = target.unchecked_ref::<HtmlTextAreaElement>();
            let lines: Vec<String> =
                area.value().lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
            area.set_value(&lines.join("\n"));
            *list_mut(&mut popup.settings, index) = lines;
            popup.save();
        } else if key == "file" {
            let input = target.unchecked_ref::<HtmlInputElement>();
            let file = input.files().and_then(|files| files.get(0));
            input.set_value("");
            let Some(file) = file else { return };
            if file.size() > 1_000_000.0 {
                popup.say("Import refused, nothing changed: the file is too large to be Vetted's settings.", &[], true);
                return;
            }
            let (actions, file) = (popup.actions.clone(), JsValue::from(file));
            drop(popup);
            let shared = state.clone();
            let done = Closure::once_into_js(move |text: JsValue, error: JsValue| {
                let mut popup = shared.borrow_mut();
                match read_import(&text, &error) {
                    Ok(settings) => popup.replace(settings, "Settings imported."),
                    Err((why, problems)) => {
                        let text = format!("{} {why}", popup.t("Import refused, nothing changed:"));
                        popup.say(&text, &problems, true);
                    }
                }
            });
            if let Err(why) = call(&actions, "readFile", &[&file, &done]) {
                state.borrow().say(&format!("Could not read the file: {why}."), &[], true);
            }
        }
    }

    fn on_click(state: &Shared, key: &str) {
        let mut popup = state.borrow_mut();
        let result = match key {
            "export" if popup.files_in_tab => call(&popup.actions, "openInTab", &[]),
            "import" if popup.files_in_tab => call(&popup.actions, "openInTab", &[]),
            "export" => {
                let data = to_js(&settings_value(&popup.settings));
                let text = JSON::stringify_with_replacer_and_space(&data, &JsValue::NULL, &JsValue::from(2))
                    .map(JsValue::from)
                    .unwrap_or_default();
                let result = call(&popup.actions, "exportFile", &[&text, &JsValue::from_str(FILE_NAME)]);
                if result.is_ok() {
                    popup.say(&format!("{} {FILE_NAME}", popup.t("Settings exported to")), &[], false);
                }
                result
            }
            "import" => {
                if let Some(file) = &popup.file {
                    file.unchecked_ref::<HtmlElement>().click();
                }
                Ok(JsValue::UNDEFINED)
            }
            "reset" | "reset-no" => {
                let opening = key == "reset";
                if let Some(confirm) = &popup.confirm {
                    confirm.toggle_attribute_with_force("hidden", !opening).unwrap_throw();
                    let focus = if opening { "[data-k=reset-no]" } else { "[data-k=reset]" };
                    let root = if opening { confirm.clone() } else { confirm.parent_element().unwrap_throw() };
                    if let Ok(Some(el)) = root.query_selector(focus) {
                        let _ = el.unchecked_ref::<HtmlElement>().focus();
                    }
                }
                Ok(JsValue::UNDEFINED)
            }
            "reset-yes" => {
                if let Some(confirm) = &popup.confirm {
                    let _ = confirm.set_attribute("hidden", "");
                }
                popup.replace(Settings::default(), "Settings reset to defaults.");
                Ok(JsValue::UNDEFINED)
            }
            "grant" => call(&popup.actions, "requestAccess", &[]),
            _ => Ok(JsValue::UNDEFINED),
        };
        if let Err(why) = result {
            popup.say(&why, &[], true);
        }
    }
}

/// Checks an imported file: it must be JSON, a Vetted settings object, and load without a
/// single problem. `Err` says why not, with `settings::load`'s problems when there are some.
fn read_import(text: &JsValue, error: &JsValue) -> Result<Settings, (String, Vec<String>)> {
    let refuse = |why: String| (why, Vec::new());
    if !error.is_undefined() && !error.is_null() {
        return Err(refuse(format!("the file could not be read ({}).", error_text(error))));
    }
    let data = JSON::parse(&text.as_string().unwrap_or_default())
        .map_err(|e| refuse(format!("the file is not valid JSON ({}).", error_text(&e))))?;
    let value: Value = serde_wasm_bindgen::from_value(data).map_err(|e| refuse(format!("{e}.")))?;
    match &value {
        Value::Object(fields) if fields.contains_key("version") => {}
        _ => return Err(refuse("this is not a Vetted settings file (it has no \"version\").".to_string())),
    }
    let loaded = settings::load(&value);
    if loaded.problems.is_empty() {
        Ok(loaded.settings)
    } else {
        Err(("the file has these problems:".to_string(), loaded.problems))
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
    let mut problems = Vec::new();
    let settings = if stored.is_undefined() || stored.is_null() {
        Settings::default()
    } else {
        match serde_wasm_bindgen::from_value::<Value>(stored) {
            Ok(value) => {
                let loaded = settings::load(&value);
                problems = loaded.problems;
                loaded.settings
            }
            Err(e) => {
                problems.push(format!("The stored settings could not be read ({e})."));
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
    popup.build(&root, &problems, &texts(&get(&state, "problems")), &get(&state, "status"));
    if get(&state, "canGrantAccess").is_truthy() {
        let access = popup.add(&root, "section", "access", "");
        set(&access, &[("aria-label", &popup.t("Access to LinkedIn"))]);
        popup.add(&access, "p", "", "Vetted cannot read linkedin.com until you allow it.");
        popup.button(&access, "grant", "Allow access to linkedin.com");
        // Right under the status line, where the missing access shows.
        if let Ok(Some(status)) = root.query_selector(".status") {
            let _ = status.after_with_node_1(&access);
        }
    }
    popup.fill();

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
    gloo::events::EventListener::new(&root, "click", move |event| {
        if let Some((key, _)) = key_of(event) {
            Popup::on_click(&state, &key);
        }
    })
    .forget();
}
