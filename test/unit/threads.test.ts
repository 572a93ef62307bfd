// Kernels split across worker threads (kernel/engine/wasm/threads.ts) must give exactly the
// numbers of the calling thread alone: the same inputs through every kernel with threads off,
// then on, compared bit for bit. Sizes are large enough that the work is really split, and odd
// so that the shares end mid-vector.
import * as assert from "assert";
import { torch, F, ACTIVATIONS } from "../../kernel/index";
import type { Tensor } from "../../kernel/index";
import type { ElementwiseActivation } from "../../kernel/engine/activations/definition";
import { chunksRun, runSplit, setThreads, threadStatus, warmThreads } from "../../kernel/engine/wasm/threads";
import { wasmKernels, wasmStatus } from "../../kernel/engine/wasm/index";

const N = 600_001;

function bits(t: Tensor): Int32Array {
  const data = Float32Array.from(t.contiguous().view([-1]).tolist() as number[]);
  return new Int32Array(data.buffer);
}

function sameBits(a: Tensor, b: Tensor, what: string): void {
  const x = bits(a), y = bits(b);
  assert.strictEqual(x.length, y.length, `${what}: lengths`);
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) assert.fail(`${what}: element ${i} differs (${a.view([-1]).tolist()[i]} alone vs ${b.view([-1]).tolist()[i]} with threads)`);
  }
}

/** fn with one thread, then with two (started and ready); returns both results. */
async function alongside<T>(fn: () => T): Promise<[T, T]> {
  setThreads(1);
  const alone = fn();
  setThreads(2, { eager: true });
  await warmThreads();
  return [alone, fn()];
}

describe("kernels split across threads", function () {
  this.timeout(60_000);
  before(function () {
    if (!wasmStatus().active) this.skip();
  });
  after(() => setThreads(1));

  it("start on demand, report themselves, and stop on request", async () => {
    setThreads(2);
    assert.strictEqual(threadStatus().wanted, 2);
    F.gelu(torch.randn(N)); // the first large op starts them
    assert.strictEqual(await warmThreads(), 2);
    assert.deepStrictEqual(threadStatus(), { wanted: 2, running: 2, reason: "" });
    setThreads(1);
    assert.deepStrictEqual(threadStatus(), { wanted: 1, running: 1, reason: "" });
    assert.throws(() => setThreads(0), /expected an integer from 1 to 16, got 0/);
  });

  it("finish a call whether the workers are asleep, awake or still starting", async () => {
    torch.manual_seed(6);
    const x = torch.randn(N);
    setThreads(1);
    const alone = F.gelu(x);
    setThreads(2);
    sameBits(alone, F.gelu(x), "gelu while the workers start");
    await warmThreads();
    await new Promise((r) => setTimeout(r, 30)); // they poll for 1 ms, then sleep
    sameBits(alone, F.gelu(x), "gelu with the workers asleep");
    for (let i = 0; i < 5; i++) sameBits(alone, F.gelu(x), `gelu back to back (${i})`);
  });

  const elementwise = Object.values(ACTIVATIONS).filter((d): d is ElementwiseActivation => d.kind === "elementwise" && !!d.wasm);
  for (const def of elementwise) {
    it(`${def.name}: forward and backward give the same bits`, async () => {
      torch.manual_seed(3);
      const x = torch.randn(N).mul(4);
      const g = torch.randn(N);
      // the parameters PyTorch requires (F.threshold's) at their plot values
      const given = def.params.filter((p) => p.required).map((p) => p.default);
      const f = (t: Tensor) => (F as unknown as Record<string, (t: Tensor, ...a: unknown[]) => Tensor>)[def.name](t, ...given);
      const run = () => {
        const xg = x.detach().requires_grad_(true);
        const y = f(xg);
        y.backward(g);
        const xs = x.detach().requires_grad_(true);
        f(xs).sum().backward();
        return [y.detach(), xg.grad!, xs.grad!];
      };
      const [alone, split] = await alongside(run);
      ["forward", "backward", "backward of a sum"].forEach((what, i) => sameBits(alone[i], split[i], `${def.name} ${what}`));
    });
  }

  it("arithmetic and sums give the same bits", async () => {
    torch.manual_seed(4);
    const a = torch.randn(N), b = torch.randn(N).add(0.5);
    const rows = torch.randn(2001, 301), row = torch.randn(301);
    const run = () => [a.add(b), a.sub(b), a.mul(b), a.div(b), a.add(2.5), a.mul(3), a.div(7), a.neg(), a.add(b, { alpha: 0.3 }), rows.add(row), a.sum(), b.mean(), rows.sum()];
    const [alone, split] = await alongside(run);
    alone.forEach((t, i) => sameBits(t, split[i], `arithmetic #${i}`));
  });

  it("fewer threads than workers: the extra workers sit out (their scratch memory is not there)", async () => {
    torch.manual_seed(7);
    const a = torch.randn(300, 200), b = torch.randn(200, 260);
    setThreads(1);
    const alone = a.matmul(b);
    setThreads(3, { eager: true });
    a.matmul(b);
    assert.strictEqual(await warmThreads(), 3);
    setThreads(2, { eager: true });
    const before = chunksRun();
    for (let i = 0; i < 3; i++) sameBits(alone, a.matmul(b), `product on 2 of 3 threads (${i})`);
    for (let i = 0; i < 20; i++) F.gelu(torch.randn(50_000));
    const after = chunksRun();
    assert.strictEqual(after[2], before[2], "the third worker ran chunks after setThreads(2)");
    assert.ok(after[0] > before[0], "the calling thread ran chunks");
    assert.deepStrictEqual(threadStatus(), { wanted: 2, running: 2, reason: "" });
  });

  it("convolution, pooling, per-channel arithmetic and sums over [0, 2, 3] give the same bits, forward and backward", async () => {
    // the first of these kernels to take more than 14 arguments broke the split path silently
    torch.manual_seed(8);
    const x = torch.randn(6, 5, 13, 11), w = torch.randn(7, 5, 3, 3), b = torch.randn(7);
    const perChannel = torch.randn(1, 5, 1, 1);
    const run = () => {
      const [xr, wr, br] = [x.detach().requires_grad_(), w.detach().requires_grad_(), b.detach().requires_grad_()];
      const y = F.conv2d(xr, wr, br, { padding: [1, 2], stride: [1, 2], dilation: [2, 1] });
      const [p, idx] = F.max_pool2d(y, { kernel_size: 2, return_indices: true }) as [Tensor, Tensor];
      const q = F.max_pool2d(y, 3, { stride: 2, padding: 1 }) as Tensor;
      p.pow(2).sum().add(q.sum()).backward();
      return [y.detach(), p.detach(), idx.float(), xr.grad!, wr.grad!, br.grad!,
        x.mul(perChannel), perChannel.sub(x), x.div(perChannel.expand(x.shape)), x.sum([0, 2, 3]), x.mean([0, 3])];
    };
    const [alone, split] = await alongside(run);
    alone.forEach((t, i) => sameBits(t, split[i], `#${i}`));
  });

  it("a call with more arguments than the control block holds is refused, not run with the wrong ones", () => {
    const k = wasmKernels()!;
    const args = new Array<number>(21).fill(0);
    assert.throws(() => runSplit(k, "im2col", { count: 1, minChunk: 1, align: 1, args, perUnit: [], countArg: 2 }),
      /kernel im2col takes 21 arguments; threads pass at most 20/);
  });

  it("matrix products give the same bits, with bias, transposed and batched", async () => {
    torch.manual_seed(5);
    const a = torch.randn(403, 257), b = torch.randn(257, 311), bias = torch.randn(311);
    const batch = torch.randn(3, 130, 200), other = torch.randn(200, 150);
    const run = () => [a.matmul(b), F.linear(a, b.t(), bias), b.t().matmul(a.t()), batch.matmul(other)];
    const [alone, split] = await alongside(run);
    alone.forEach((t, i) => sameBits(t, split[i], `product #${i}`));
  });
});
