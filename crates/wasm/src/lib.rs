//! WebAssembly binding for `bedside-core`: a `Scanner` class for the extension.
//! No rule logic lives here; the report shape is the core's, serialised as is.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Installs the weight file (the package's `model/model.bin`), once, before the first
/// `Scanner`: the `.wasm` carries no weights so that it stays small. Throws with the reason
/// when the bytes are not a weight file this core reads.
#[wasm_bindgen(js_name = installModel)]
pub fn install_model(bytes: Vec<u8>) -> Result<(), JsError> {
    bedside_core::model::install(bytes).map_err(|e| JsError::new(&e))
}

#[wasm_bindgen]
pub struct Scanner {
    inner: bedside_core::Scanner,
}

#[wasm_bindgen]
impl Scanner {
    /// `config` is the settings object (camelCase keys, all optional); `undefined`
    /// or `null` means the defaults. A bad config throws with the field at fault.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<Scanner, JsError> {
        let config = if config.is_undefined() || config.is_null() {
            bedside_core::Config::default()
        } else {
            serde_wasm_bindgen::from_value(config)
                .map_err(|e| JsError::new(&format!("config: {e}")))?
        };
        let inner = bedside_core::Scanner::new(config).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Scanner { inner })
    }

    /// The organisation detectors left out: `[{ id, message }]`, each naming the problem.
    #[wasm_bindgen(js_name = detectorErrors)]
    pub fn detector_errors(&self) -> Result<JsValue, JsError> {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        self.inner
            .detector_errors()
            .serialize(&serializer)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// Returns `{ verdict, findings: [{ category, severity, start, end, text, message,
    /// suggestion?, details?, detector? }] }` with `start`/`end` in UTF-16 code units.
    pub fn scan(&self, text: &str) -> Result<JsValue, JsError> {
        to_js(&self.inner.scan(text))
    }

    /// As `scan`, for record text: what OCR reads off a chart, board, monitor, wristband
    /// or label (`bedside_core::Scanner::scan_record`).
    #[wasm_bindgen(js_name = scanRecord)]
    pub fn scan_record(&self, text: &str) -> Result<JsValue, JsError> {
        to_js(&self.inner.scan_record(text))
    }
}

fn to_js(report: &bedside_core::Report) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    report
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The core's version, so the UI can show which engine it talks to.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
