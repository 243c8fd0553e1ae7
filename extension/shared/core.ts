// Loads the Rust core (wasm-bindgen, --target web) from the extension's own files.
import init, { Scanner, installModel } from "../../build/wasm/bedside_wasm.js";
import type { Report } from "./report";

/**
 * Test builds only (scripts/build.mjs with BEDSIDE_TEST_FAULTS=1): a scan of a text
 * ending in this marker throws, so the end-to-end tests can make the core fail on one
 * text. In every other build the constant is false and the minifier drops the check
 * and the marker (the build fails if the marker is left in dist/).
 */
declare const BEDSIDE_TEST_FAULTS: boolean;
export const TEST_FAULT_MARKER = "bedside-test-throw";
const testFault = (text: string) => typeof BEDSIDE_TEST_FAULTS !== "undefined" && BEDSIDE_TEST_FAULTS && text.endsWith(TEST_FAULT_MARKER);

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

/** The core's weights in the package (scripts/build.mjs copies crates/core/data/model.bin). */
export const MODEL_FILE = "model/model.bin";

/**
 * Compiles the core and installs its weights: the .wasm carries none, so it stays small
 * (crates/core/src/model). Without them no Scanner can be built, and Bedside shows
 * inactive rather than judge without its model.
 */
export async function initCore(wasm: string | URL, model: string | URL): Promise<void> {
  const [, response] = await Promise.all([init({ module_or_path: wasm }), fetch(model)]);
  if (!response.ok) throw new Error(`the model file could not be read (${response.status} ${response.statusText})`);
  installModel(new Uint8Array(await response.arrayBuffer()));
}

/**
 * Compiles and instantiates the core. Rejects where WebAssembly may not be compiled
 * (a content script on a page whose CSP lacks 'wasm-unsafe-eval'): callers fall back.
 */
export async function loadCore(config: unknown): Promise<Core> {
  ready ??= initCore(chrome.runtime.getURL("wasm/bedside_wasm_bg.wasm"), chrome.runtime.getURL(MODEL_FILE));
  try {
    await ready;
  } catch (error) {
    ready = undefined;
    throw error;
  }
  let current = config;
  let scanner: Scanner | null = new Scanner(current ?? undefined);
  const run = (text: string, record: boolean): Report => {
    // A scan that threw (a Rust panic) may leave the scanner unusable: the next
    // scan builds a fresh one, so one bad text does not switch Bedside off for good.
    scanner ??= new Scanner(current ?? undefined);
    try {
      if (testFault(text)) throw new Error("test fault: the core was made to throw on this text");
      return (record ? scanner.scanRecord(text) : scanner.scan(text)) as Report;
    } catch (error) {
      try {
        scanner?.free();
      } catch {
        // already unusable
      }
      scanner = null;
      throw error;
    }
  };
  return {
    scan: (text) => run(text, false),
    scanRecord: (text) => run(text, true),
    configure(next) {
      const fresh = new Scanner(next ?? undefined);
      scanner?.free();
      scanner = fresh;
      current = next;
    },
    detectorErrors: () => (scanner ??= new Scanner(current ?? undefined)).detectorErrors() as DetectorError[],
  };
}
