// A deterministic zip of a folder (sorted entries, fixed timestamps), leaving out any
// .zip inside it and the top-level folders named in `skip`. Python's zipfile does the
// work: Node has no zip writer, and python3 is on every machine setup supports.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";

const ZIP = `
import os, sys, zipfile
root, out, skip = sys.argv[1], sys.argv[2], set(sys.argv[3:])
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for d, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(d, f)
            if f.endswith(".zip"): continue
            if os.path.relpath(p, root).split(os.sep)[0] in skip: continue
            info = zipfile.ZipInfo(os.path.relpath(p, root), (2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, open(p, "rb").read())
`;

/** Zips `root` into `out`; returns the zip's size in bytes. */
export function zipDir(root, out, skip = []) {
  execFileSync("python3", ["-c", ZIP, root, out, ...skip]);
  return statSync(out).size;
}
