// Loads the Rust core (wasm-bindgen, --target web) from the extension's own files.
import init, { Scanner } from "../../build/wasm/bedside_wasm.js";
import type { Report } from "./report";

export interface Core {
  scan(text: string): Report;
  /** Scans record text (what OCR read off a chart, board or label): see Scanner::scan_record. */
  scanRecord(text: string): Report;
  /** Rebuilds the scanner from a new config; keeps the old one if the config is bad. */
  configure(config: unknown): void;
  /** The current config's detectors that could not be used, each with its problem. */
  detectorErrors(): DetectorError[];
}

/** An organisation detector the core left out (crates/core/src/detectors.rs). */
export interface DetectorError {
  id: string;
  message: string;
}

let ready: Promise<unknown> | undefined;

/**
 * Compiles and instantiates the core. Rejects where WebAssembly may not be compiled
 * (a content script on a page whose CSP lacks 'wasm-unsafe-eval'): callers fall back.
 */
export async function loadCore(config: unknown): Promise<Core> {
  ready ??= init({ module_or_path: chrome.runtime.getURL("wasm/bedside_wasm_bg.wasm") });
  try {
    await ready;
  } catch (error) {
    ready = undefined;
    throw error;
  }
  let scanner = new Scanner(config ?? undefined);
  return {
    scan: (text) => scanner.scan(text) as Report,
    scanRecord: (text) => scanner.scanRecord(text) as Report,
    configure(next) {
      const fresh = new Scanner(next ?? undefined);
      scanner.free();
      scanner = fresh;
    },
    detectorErrors: () => scanner.detectorErrors() as DetectorError[],
  };
}
