// download: true for the datasets: each file fetched from the first mirror that has it, checked
// against its MD5, and unpacked beside itself, as torchvision does. Constructing a dataset is
// synchronous in PyTorch, so here too: a worker thread does the network I/O while the cell's
// thread waits on a shared counter (in the kernel an interrupt stops that wait) and prints the
// progress. Files already present with the right MD5 are not fetched again.
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { Worker } from "worker_threads";
import { RuntimeError } from "../engine/errors";
import { saveFileAtomically } from "../files/save";

const FETCH = `
const { workerData } = require("worker_threads");
const http = require(workerData.url.startsWith("https:") ? "https" : "http");
const state = new Int32Array(workerData.state);
const chunks = [];
const finish = (code, message) => {
  if (code === 1) require("fs").writeFileSync(workerData.file, Buffer.concat(chunks));
  require("fs").writeFileSync(workerData.file + ".status", JSON.stringify({ code, message }));
  Atomics.store(state, 0, code); Atomics.notify(state, 0);
};
const get = (url, redirects) => {
  const req = http.get(url, { headers: { "User-Agent": "actnb" } }, (res) => {
    if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location && redirects < 5) { res.resume(); return get(new URL(res.headers.location, url).href, redirects + 1); }
    if (res.statusCode !== 200) { res.resume(); return finish(2, "HTTP " + res.statusCode); }
    Atomics.store(state, 2, Number(res.headers["content-length"] || 0));
    res.on("data", (c) => { chunks.push(c); Atomics.add(state, 1, c.length); Atomics.notify(state, 0); });
    res.on("end", () => finish(1, ""));
    res.on("error", (e) => finish(2, e.message));
  });
  req.setTimeout(30000, () => req.destroy(new Error("no answer within 30 s")));
  req.on("error", (e) => finish(2, e.message));
};
get(workerData.url, 0);
`;

function md5(file: string): string {
  return crypto.createHash("md5").update(fs.readFileSync(file)).digest("hex");
}

/** Fetches `url` into `file`, synchronously, printing progress; throws with the reason. */
function fetchInto(url: string, file: string): void {
  const state = new Int32Array(new SharedArrayBuffer(12)); // [status, bytes so far, total]
  const worker = new Worker(FETCH, { eval: true, workerData: { url, file, state: state.buffer } });
  worker.unref();
  let shown = 0;
  try {
    while (Atomics.load(state, 0) === 0) {
      Atomics.wait(state, 0, 0, 1000);
      const got = Atomics.load(state, 1);
      if (Date.now() - shown > 1000 && got) {
        shown = Date.now();
        const total = Atomics.load(state, 2);
        console.log(`  ${(got / 2 ** 20).toFixed(1)}${total ? ` of ${(total / 2 ** 20).toFixed(1)}` : ""} MB`);
      }
    }
  } finally {
    void worker.terminate();
  }
  const status = JSON.parse(fs.readFileSync(`${file}.status`, "utf8")) as { code: number; message: string };
  fs.rmSync(`${file}.status`, { force: true });
  if (status.code !== 1) throw new Error(status.message);
}

/** torchvision's download(): every resource into `rawFolder`, checked and unpacked. */
export function downloadResources(mirrors: readonly string[], resources: ReadonlyArray<readonly [string, string]>, rawFolder: string): void {
  fs.mkdirSync(rawFolder, { recursive: true });
  for (const [filename, sum] of resources) {
    const file = path.join(rawFolder, filename);
    const unpacked = file.replace(/\.gz$/, "");
    if (fs.existsSync(file) && md5(file) === sum) {
      if (!fs.existsSync(unpacked)) saveFileAtomically(unpacked, zlib.gunzipSync(fs.readFileSync(file)));
      continue;
    }
    const failures: string[] = [];
    for (const mirror of mirrors) {
      const url = `${mirror}${filename}`;
      console.log(`Downloading ${url}`);
      const part = `${file}.part`;
      try {
        fetchInto(url, part);
        const got = md5(part);
        if (got !== sum) throw new Error(`its MD5 is ${got}, not ${sum}`);
        fs.renameSync(part, file);
        saveFileAtomically(unpacked, zlib.gunzipSync(fs.readFileSync(file)));
        console.log(`Extracted ${file} to ${rawFolder}`);
        failures.length = 0;
        break;
      } catch (e) {
        fs.rmSync(part, { force: true });
        failures.push(`${url}: ${(e as Error).message}`);
        console.log(`Failed to download (trying next):\n${(e as Error).message}`);
      }
    }
    if (failures.length) throw new RuntimeError(`Error downloading ${filename}:\n${failures.map((f) => `Tried ${f}`).join("\n")}`);
  }
}
