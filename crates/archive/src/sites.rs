//! Each [`Site`]'s hosts come from the site registry the extension uses
//! (`extension/shared/sites.json`, issue 13), compiled in: the links the audit makes use the
//! registry's hosts, and a link read from an archive is kept only when it points at one of
//! them. Tests check that [`Site::ALL`] is the registry's list of sites.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::Site;

const REGISTRY: &str = include_str!("../../../extension/shared/sites.json");

#[derive(Deserialize)]
pub(crate) struct Info {
    pub hosts: Vec<String>,
}

/// The registry by site id (its names and surfaces are the extension's business).
pub(crate) fn registry() -> &'static HashMap<String, Info> {
    static SITES: OnceLock<HashMap<String, Info>> = OnceLock::new();
    SITES.get_or_init(|| {
        serde_json::from_str(REGISTRY)
            .expect("extension/shared/sites.json maps site ids to {name, hosts}")
    })
}

impl Site {
    fn info(self) -> &'static Info {
        registry()
            .get(self.id())
            .expect("every Site is in extension/shared/sites.json (tested)")
    }

    /// Every host the site answers on.
    pub fn hosts(self) -> &'static [String] {
        &self.info().hosts
    }

    /// The host of the links the audit makes (the registry's first, e.g. `x.com`).
    pub fn host(self) -> &'static str {
        &self.hosts()[0]
    }

    /// Whether `url` is an `https` link to one of the site's hosts.
    pub fn links_here(self, url: &str) -> bool {
        url.strip_prefix("https://")
            .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""))
            .is_some_and(|host| self.hosts().iter().any(|h| h.eq_ignore_ascii_case(host)))
    }
}
