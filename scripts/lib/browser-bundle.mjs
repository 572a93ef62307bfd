// Used by scripts/build-browser.mjs: type-checks folders of browser code, each with its own
// tsconfig (tsc --noEmit style; esbuild does the emitting), then bundles several entry points in
// ONE esbuild run with code splitting, so what they share (vega, vega-lite, vega-embed and the
// renderer's modules) is written once, as a chunk they both import, instead of once per bundle.
// Command-line flags (of the calling script): --no-check skips the type checks, --sourcemap
// writes source maps beside the bundles.
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The repository's root folder. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Builds ES modules for the browser that share their common code. Paths are relative to the
 * repository root.
 * @param {object} options
 * @param {{ label: string, tsconfig: string }[]} options.checks the tsconfig.json files that type-check the sources as browser code
 * @param {Record<string, string>} options.entries output path without ".js" (under outdir) → the entry point esbuild bundles
 * @param {string} options.outdir where the entries land (e.g. "dist")
 * @param {string} options.chunkDir the folder (under outdir) of the shared chunks; stale chunks there are removed first
 * @param {string[]} [argv] the command-line flags (default: this process's)
 */
export async function buildBrowserBundles({ checks, entries, outdir, chunkDir }, argv = process.argv.slice(2)) {
  const args = new Set(argv);
  if (!args.has("--no-check")) {
    for (const { label, tsconfig } of checks) {
      try {
        execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, tsconfig)], { stdio: "inherit" });
      } catch {
        console.error(`${label}: type check failed`);
        process.exit(1);
      }
    }
  }
  // chunk names carry a content hash: without this, every change would leave the old one behind
  const chunks = join(root, outdir, chunkDir);
  for (const f of safeReaddir(chunks)) if (f.startsWith("chunk-")) rmSync(join(chunks, f));

  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([out, entry]) => [out, join(root, entry)])),
    outdir: join(root, outdir),
    chunkNames: `${chunkDir}/[name]-[hash]`,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: ["es2022"],
    minify: true,
    sourcemap: args.has("--sourcemap"),
    legalComments: "none",
    define: { "process.env.NODE_ENV": "\"production\"" },
    logLevel: "warning",
    metafile: true,
  });

  for (const [file, out] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith(".map")) continue;
    const bytes = statSync(join(root, file)).size;
    const what = out.entryPoint ? `entry ${relative(root, join(root, out.entryPoint))}` : `shared chunk, ${Object.keys(out.inputs).length} inputs`;
    console.log(`browser: ${file} ${(bytes / 1024).toFixed(0)} KiB (${bytes} bytes), ${what}`);
  }
}

function safeReaddir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
