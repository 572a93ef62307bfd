// Shared by scripts/build-renderer.mjs and scripts/build-webview.mjs: type-checks a folder of
// browser code with its own tsconfig (tsc --noEmit style; esbuild does the emitting), then bundles
// one entry point with esbuild into a single minified file for the browser, and prints its size.
// Command-line flags (of the calling script): --no-check skips the type check, --sourcemap writes
// a source map beside the bundle.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The repository's root folder. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Builds one browser bundle. Paths are relative to the repository root.
 * @param {object} options
 * @param {string} options.label    prefix of the messages ("renderer", "webview")
 * @param {string} options.tsconfig the tsconfig.json that type-checks the sources as browser code
 * @param {string} options.entry    the entry point esbuild bundles
 * @param {string} options.outfile  the bundle to write
 * @param {"esm" | "iife"} options.format an ES module, or a classic script
 * @param {string[]} [argv] the command-line flags (default: this process's)
 */
export async function buildBrowserBundle({ label, tsconfig, entry, outfile, format }, argv = process.argv.slice(2)) {
  const args = new Set(argv);
  const out = join(root, outfile);

  if (!args.has("--no-check")) {
    try {
      execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, tsconfig)], { stdio: "inherit" });
    } catch {
      console.error(`${label}: type check failed`);
      process.exit(1);
    }
  }

  const result = await build({
    entryPoints: [join(root, entry)],
    outfile: out,
    bundle: true,
    format,
    platform: "browser",
    target: ["es2022"],
    minify: true,
    sourcemap: args.has("--sourcemap"),
    legalComments: "none",
    define: { "process.env.NODE_ENV": "\"production\"" },
    logLevel: "warning",
    metafile: true,
  });

  const bytes = statSync(out).size;
  console.log(`${label}: ${relative(root, out)} ${(bytes / 1024).toFixed(0)} KiB (${bytes} bytes), ${Object.keys(result.metafile.inputs).length} inputs`);
}
