// One definition per activation: everything else is derived from the activation's own file
// (scripts/gen-activations.mjs writes kernel/engine/activations/generated/), and the engine's
// modules load in any order (no import cycle that needs a particular first module).
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { torch, nn, F, ACTIVATIONS, Tensor } from "../../kernel/index";

const ROOT = path.resolve(__dirname, "../../..");

describe("one definition per activation", () => {
  it("kernel/engine/activations/generated is what the definitions generate", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/gen-activations.mjs"), "--check"], { encoding: "utf8" });
    assert.strictEqual(r.status, 0, r.stderr);
  });

  it("the API typings (kernel/engine/api/generated and the constructor regions) are what the API tables generate", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/gen-api.mjs"), "--check"], { encoding: "utf8" });
    assert.strictEqual(r.status, 0, r.stderr);
  });

  it("lists every activation file, in menu order", () => {
    const dir = path.join(ROOT, "kernel/engine/activations");
    const defined = fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))
      .flatMap((f) => [...fs.readFileSync(path.join(dir, f), "utf8").matchAll(/export const (\w+): (?:ElementwiseActivation|CompositeActivation) = \{/g)].map((m) => m[1]));
    assert.deepStrictEqual(ACTIVATIONS.map((d) => d.name).sort(), defined.sort());
    const orders = ACTIVATIONS.map((d) => d.order);
    assert.deepStrictEqual(orders, [...orders].sort((a, b) => a - b));
  });

  for (const def of ACTIVATIONS) {
    it(`${def.name}: F, nn, torch and Tensor methods come from its definition`, () => {
      const f = F as unknown as Record<string, unknown>, t = torch as unknown as Record<string, unknown>;
      assert.strictEqual(typeof f[def.name], "function", `F.${def.name}`);
      if (def.module) {
        const cls = (nn as unknown as Record<string, { name: string; definition: unknown }>)[def.module];
        assert.strictEqual(cls?.name, def.module, `nn.${def.module}`);
        assert.strictEqual(cls.definition, def);
      }
      const also = def.also ?? [];
      assert.strictEqual(typeof f[`${def.name}_`] === "function", also.includes("F_"), `F.${def.name}_`);
      assert.strictEqual(typeof t[def.name] === "function", also.includes("torch"), `torch.${def.name}`);
      assert.strictEqual(typeof t[`${def.name}_`] === "function", also.includes("torch_"), `torch.${def.name}_`);
      const proto = Tensor.prototype as unknown as Record<string, unknown>;
      assert.strictEqual(typeof proto[def.name] === "function", also.includes("tensor"), `Tensor.${def.name}`);
      assert.strictEqual(typeof proto[`${def.name}_`] === "function", also.includes("tensor_"), `Tensor.${def.name}_`);
    });
  }

  it("a Tensor method computes what F does, in place where it ends in _", () => {
    const x = torch.tensor([-1.5, 0, 2.5]);
    assert.deepStrictEqual(x.relu().tolist(), F.relu(x).tolist());
    assert.deepStrictEqual(x.softmax(0).tolist(), F.softmax(x, 0).tolist());
    const y = x.clone();
    assert.strictEqual(y.sigmoid_(), y);
    assert.deepStrictEqual(y.tolist(), F.sigmoid(x).tolist());
  });
});

describe("engine modules load in any order", () => {
  const engine = path.join(ROOT, "out/kernel/engine");
  const modules = (function walk(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".js") ? [path.join(dir, e.name)] : []));
  })(engine);
  it("every module of kernel/engine can be the first one loaded", function () {
    this.timeout(120000);
    // one process per module (a fresh module cache), checked together to keep it quick
    const script = `for (const m of ${JSON.stringify(modules)}) { const r = require("child_process").spawnSync(process.execPath, ["-e", "require(" + JSON.stringify(m) + ")"], { encoding: "utf8" }); if (r.status !== 0) { console.log(m + ": " + r.stderr.split("\\n").find((l) => /Error/.test(l))); } }`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    assert.strictEqual(r.stdout.trim(), "", `modules that fail when loaded first:\n${r.stdout}`);
  });
});
