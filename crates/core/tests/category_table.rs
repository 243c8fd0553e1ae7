//! Issue 12 point 5: every category is defined once, in the core's table
//! (`src/category.rs`). The extension's labels (`extension/shared/categories.json`, read
//! by `categories.ts`) are written from it, and the English locale's `cat_<id>` labels and
//! `group_<prefix>` names are checked against it: an id missing, a label different or an
//! extra id fails. `BLESS=1 cargo test -p bedside-core --test category_table` rewrites the JSON.

use std::collections::BTreeSet;
use std::path::PathBuf;

use bedside_core::Category;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// The extension's table, in the core's order (the options page lists them so).
fn table() -> String {
    let rows: Vec<String> = Category::ALL
        .iter()
        .map(|c| {
            let severity = serde_json::to_string(&c.default_severity()).unwrap();
            format!(
                "  {}: {{ \"label\": {}, \"severity\": {severity} }}",
                serde_json::to_string(c.id()).unwrap(),
                serde_json::to_string(c.label()).unwrap()
            )
        })
        .collect();
    format!("{{\n{}\n}}\n", rows.join(",\n"))
}

#[test]
fn the_extensions_labels_are_the_cores() {
    let path = repo("extension/shared/categories.json");
    let want = table();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is not the core's category table (src/category.rs); rewrite it with \
         BLESS=1 cargo test -p bedside-core --test category_table\n--- have\n{have}\n--- want\n{want}",
        path.display()
    );
}

#[test]
fn the_locales_category_labels_are_the_cores() {
    let path = repo("extension/_locales/en/messages.json");
    let doc: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let message = |key: &str| doc.get(key).and_then(|v| v["message"].as_str());
    let mut problems = Vec::new();
    let mut keys = BTreeSet::new();
    let mut groups = BTreeSet::new();
    for c in Category::ALL {
        let key = format!("cat_{}", c.id().replace('.', "_"));
        match message(&key) {
            None => problems.push(format!("{key} is missing (\"{}\")", c.label())),
            Some(m) if m != c.label() => {
                problems.push(format!("{key} says \"{m}\", the core \"{}\"", c.label()))
            }
            Some(_) => {}
        }
        keys.insert(key);
        let group = format!("group_{}", c.id().split('.').next().unwrap());
        if message(&group).is_none() {
            problems.push(format!("{group} is missing"));
        }
        groups.insert(group);
    }
    for key in doc.keys() {
        if (key.starts_with("cat_") && !keys.contains(key))
            || (key.starts_with("group_") && !groups.contains(key))
        {
            problems.push(format!("{key} names no category of the core"));
        }
    }
    assert!(
        problems.is_empty(),
        "{}: {}",
        path.display(),
        problems.join("; ")
    );
}

#[test]
fn every_category_has_its_facts() {
    for c in Category::ALL {
        assert_eq!(Category::from_id(c.id()), Some(*c));
        assert!(!c.label().is_empty() && !c.message().is_empty(), "{c:?}");
    }
}
