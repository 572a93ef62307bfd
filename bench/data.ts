// `npm run bench`, real data: loading Fashion-MNIST, one epoch of the guide's 784→512→256→256→128→10
// MLP (notebook 09) and training steps of a small CNN, in the engine and in PyTorch (one thread,
// bench/torch_data_bench.py) in the same run, with the issue's targets judged from these figures.
// Not a test: nothing here asserts a time.
import { spawnSync } from "child_process";
import * as path from "path";
import { performance } from "perf_hooks";
import { torch, nn, F, optim, torchvision } from "../kernel/index";
import { setThreads, warmThreads } from "../kernel/engine/wasm/threads";
import type { Tensor } from "../kernel/index";

const DEBIAN = "/usr/share/datasets/fashion-mnist";
const CNN_STEPS = 20;
const { datasets, transforms } = torchvision;
const { DataLoader } = torch.utils.data;

function median(xs: number[]): number { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

const tf = () => new transforms.Compose([new transforms.ToTensor(), new transforms.Normalize([0.5], [0.5])]);
const loads: number[] = [];
let train = new datasets.FashionMNIST(DEBIAN, { train: true, transform: tf() });
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  train = new datasets.FashionMNIST(DEBIAN, { train: true, transform: tf() });
  new datasets.FashionMNIST(DEBIAN, { train: false, transform: tf() });
  loads.push(performance.now() - t0);
}


// the CNN's figures need the engine's worker threads started (an await), hence the async part
async function main(): Promise<void> {
  const threads = await warmThreads();
  torch.manual_seed(42);
  const mlp = new nn.Sequential(new nn.Flatten(), new nn.Linear(784, 512), new nn.ReLU(), new nn.Linear(512, 256), new nn.ReLU(),
    new nn.Linear(256, 256), new nn.ReLU(), new nn.Linear(256, 128), new nn.ReLU(), new nn.Linear(128, 10));
  let opt = new optim.SGD(mlp.parameters(), { lr: 0.01, momentum: 0.9 });
  const mlpLoader = new DataLoader(train, { batch_size: 256, shuffle: true }) as Iterable<[Tensor, Tensor]>;
  /** One epoch of the MLP, in ms. */
  function mlpEpochMs(): number {
    const start = performance.now();
    for (const [x, y] of mlpLoader) {
      opt.zero_grad();
      F.cross_entropy(mlp(x), y).backward();
      opt.step();
    }
    return performance.now() - start;
  }
  const mlpEpoch = mlpEpochMs();
  setThreads(1);
  const mlpEpochOneThread = mlpEpochMs();
  setThreads(threads);
  torch.manual_seed(0);
  const cnn = new nn.Sequential(new nn.Conv2d(1, 16, 3, { padding: 1 }), new nn.ReLU(), new nn.MaxPool2d(2), new nn.Conv2d(16, 32, 3, { padding: 1 }), new nn.ReLU(),
    new nn.MaxPool2d(2), new nn.Flatten(), new nn.Linear(32 * 7 * 7, 128), new nn.ReLU(), new nn.Linear(128, 10));
  opt = new optim.SGD(cnn.parameters(), { lr: 0.01, momentum: 0.9 });
  const cnnLoader = new DataLoader(train, { batch_size: 256, shuffle: true }) as Iterable<[Tensor, Tensor]>;
  function cnnStep(x: Tensor, y: Tensor): void {
    opt.zero_grad();
    F.cross_entropy(cnn(x), y).backward();
    opt.step();
  }
  /** The median of CNN_STEPS timed steps (after two untimed), on the engine's current threads. */
  function medianCnnStep(): number {
    const batches = cnnLoader[Symbol.iterator]();
    const steps: number[] = [];
    for (let i = 0; i < CNN_STEPS + 2; i++) {
      const [x, y] = batches.next().value as [Tensor, Tensor];
      const start = performance.now();
      cnnStep(x, y);
      steps.push(performance.now() - start);
    }
    return median(steps.slice(2));
  }
  const cnnStepMs = medianCnnStep();
  const t0 = performance.now();
  for (const [x, y] of cnnLoader) cnnStep(x, y);
  const cnnEpoch = performance.now() - t0;
  setThreads(1);
  const cnnStepOneThread = medianCnnStep();
  setThreads(threads);

  const py = spawnSync("/usr/bin/python3", [path.join(__dirname, "../../bench/torch_data_bench.py"), String(CNN_STEPS)], { encoding: "utf8" });
  const torchFigures = py.status === 0 ? JSON.parse(py.stdout.trim().split("\n").pop()!) as { torch: string; load_ms: number; mlp_epoch_ms: number; cnn_step_ms: number; cnn_epoch_ms: number } : null;
  const epochSteps = Math.ceil(60000 / 256);
  /** A table row; `judge` gets the engine/PyTorch ratio (NaN without PyTorch) and the engine's ms; a row without a target is not judged. */
  const row = (what: string, ours: number, theirs: number | undefined, target = "", judge: (ratio: number, ours: number) => boolean | null = () => null) => {
    const ratio = theirs ? ours / theirs : NaN;
    const met = judge(ratio, ours);
    const verdict = !target ? "" : met === null ? "?" : met ? "met" : "not met";
    return `| ${what} | ${ours.toFixed(0)} | ${theirs === undefined ? "—" : theirs.toFixed(0)} | ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "—"} | ${target} | ${verdict} |`;
  };
  const byRatio = (limit: number) => (r: number) => (Number.isFinite(r) ? r <= limit : null);
  console.log(`\nReal data (Fashion-MNIST): the engine next to PyTorch${torchFigures ? ` ${torchFigures.torch}` : " (not available)"} on one thread\n`);
  console.log("| item | engine ms | PyTorch ms | engine/PyTorch | target | |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  console.log(row("load both splits (best of 3)", Math.min(...loads), torchFigures?.load_ms, "under 1 s", (_r, ours) => ours < 1000));
  console.log(row(`MLP epoch, batch 256, ToTensor+Normalize, engine on ${threads} thread(s)`, mlpEpoch, torchFigures?.mlp_epoch_ms, "≤ 1.5× PyTorch", byRatio(1.5)));
  console.log(row("MLP epoch, the same, engine on 1 thread", mlpEpochOneThread, torchFigures?.mlp_epoch_ms));
  console.log(row(`CNN epoch, batch 256, engine on ${threads} thread(s)`, cnnEpoch, torchFigures?.cnn_epoch_ms, "≤ 2× PyTorch", byRatio(2)));
  console.log(row(`CNN train step (median of ${CNN_STEPS}), engine on ${threads} thread(s)`, cnnStepMs, torchFigures?.cnn_step_ms));
  console.log(row(`CNN train step (median of ${CNN_STEPS}), engine on 1 thread`, cnnStepOneThread, torchFigures?.cnn_step_ms));
  console.log(`\nThe CNN is notebook 10's: conv 1→16, ReLU, max pool, conv 16→32, ReLU, max pool, 1568→128→10; ${epochSteps} steps an epoch.`);
  if (!torchFigures) console.log(`(PyTorch side failed: ${py.stderr.trim().split("\n").pop()})`);
}

void main();
