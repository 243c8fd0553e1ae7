//! Reading posts and configs, with errors that say what went wrong and where.

use std::io::Read;

/// Why input could not be used, with the exit code it maps to.
pub struct InputError {
    pub code: u8,
    pub message: String,
}

impl InputError {
    fn unreadable(what: &str, e: std::io::Error) -> InputError {
        InputError {
            code: 4,
            message: format!("cannot read {what}: {e}"),
        }
    }
}

/// Reads a file (or standard input for `None` / `-`) as raw bytes.
pub fn read_bytes(path: Option<&str>) -> Result<(String, Vec<u8>), InputError> {
    match path {
        None | Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| InputError::unreadable("standard input", e))?;
            Ok(("standard input".into(), buf))
        }
        Some(p) => std::fs::read(p)
            .map(|b| (p.to_string(), b))
            .map_err(|e| InputError::unreadable(p, e)),
    }
}

/// Checks that bytes are UTF-8, naming the first bad byte offset.
pub fn utf8(name: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        InputError {
            code: 5,
            message: format!("{name} is not valid UTF-8: bad byte at offset {at}"),
        }
    })
}

/// Reads one post as text; empty (or whitespace-only) input is an error.
pub fn read_post(path: Option<&str>) -> Result<String, InputError> {
    let (name, bytes) = read_bytes(path)?;
    let text = utf8(&name, bytes)?;
    if text.trim().is_empty() {
        return Err(InputError {
            code: 5,
            message: format!("{name} is empty: nothing to check"),
        });
    }
    Ok(text)
}

/// Builds the scanner from an optional JSON config file (the extension's settings shape)
/// and an optional detectors file, whose detectors are added to the config's.
pub fn scanner(
    config: Option<&str>,
    detectors: Option<&str>,
) -> Result<bedside_core::Scanner, InputError> {
    let mut cfg: bedside_core::Config = match config {
        None => bedside_core::Config::default(),
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| InputError::unreadable(p, e))?;
            serde_json::from_slice(&bytes).map_err(|e| InputError {
                code: 5,
                message: format!("config {p}: {e}"),
            })?
        }
    };
    if let Some(p) = detectors {
        cfg.detectors.extend(read_detectors(p)?);
    }
    bedside_core::Scanner::new(cfg).map_err(|e| InputError {
        code: 5,
        message: format!("config: {e}"),
    })
}

/// Reads a detectors file: a JSON list of detectors, or an object (a managed policy) whose
/// `detectors` key holds one. A detector of the wrong shape is named by its position.
fn read_detectors(p: &str) -> Result<Vec<bedside_core::Detector>, InputError> {
    let bytes = std::fs::read(p).map_err(|e| InputError::unreadable(p, e))?;
    let invalid = |message: String| InputError { code: 5, message };
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| invalid(format!("detectors {p}: {e}")))?;
    let list = match value {
        serde_json::Value::Array(list) => list,
        serde_json::Value::Object(mut o) => match o.remove("detectors") {
            Some(serde_json::Value::Array(list)) => list,
            _ => {
                return Err(invalid(format!(
                    "detectors {p}: expected a list, or an object with a \"detectors\" list"
                )))
            }
        },
        _ => {
            return Err(invalid(format!(
                "detectors {p}: expected a list, or an object with a \"detectors\" list"
            )))
        }
    };
    list.into_iter()
        .enumerate()
        .map(|(i, d)| {
            let id = d.get("id").and_then(|v| v.as_str()).map(str::to_string);
            serde_json::from_value(d).map_err(|e| {
                let who = id.map_or(format!("#{}", i + 1), |id| format!("\"{id}\""));
                invalid(format!("detectors {p}: detector {who}: {e}"))
            })
        })
        .collect()
}
