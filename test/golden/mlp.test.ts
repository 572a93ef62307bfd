// Issue 15's end-to-end check against PyTorch 1.13 (fixtures/mlp.json, from gen_mlp.py): the same
// seeded program (the UvA tutorial's MLP 784-512-256-256-128-10 on Fashion-MNIST, SGD with
// momentum, 2 epochs, each of the six activations) gives in actnb the same first-epoch batch
// order, the same losses over the first 20 steps (within 1e-4 relative) and the same test accuracy
// after training (within 1 percentage point). Needs Debian's Fashion-MNIST (scripts/setup.sh);
// the whole training set is used: about 12 s an epoch, 26 s a run, 2 min 38 s for the six runs on
// a 2-core machine. ACTNB_GOLDEN_VERBOSE=1 prints each run's differences.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { torch, nn, optim } from "../../kernel/engine";
import { torchvision } from "../../kernel/vision";
import { loadFixture } from "./fixtures";

const { datasets, transforms } = torchvision;
const { DataLoader } = torch.utils.data;
const DEBIAN = "/usr/share/datasets/fashion-mnist";
const fx = loadFixture("mlp");
const P = fx.program;

const ACTIVATIONS: Record<string, () => any> = {
  sigmoid: () => new nn.Sigmoid(),
  tanh: () => new nn.Tanh(),
  relu: () => new nn.ReLU(),
  leaky_relu: () => new nn.LeakyReLU(P.leaky_relu_slope),
  elu: () => new nn.ELU(),
  silu: () => new nn.SiLU(),
};

/** Linear, activation, ..., Linear: built right after the seed, as gen_mlp.py builds it. */
function buildModel(makeAct: () => any): any {
  const sizes: number[] = P.sizes;
  const layers: any[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    layers.push(new nn.Linear(sizes[i], sizes[i + 1]));
    if (i + 2 < sizes.length) layers.push(makeAct());
  }
  return new nn.Sequential(...layers);
}

const flat = (x: any) => x.view(x.shape[0], -1);

interface Run { initParamSum: number; labels: number[][]; losses: number[]; epochLosses: number[]; correct: number; accuracy: number }

function train(makeAct: () => any, trainSet: any, testSet: any, steps: number, labelBatches: number, labelsPerBatch: number): Run {
  torch.manual_seed(P.seed);
  const model = buildModel(makeAct);
  let initParamSum = 0;
  for (const p of model.parameters()) initParamSum += p.detach().to(torch.float64).sum().item();
  const loader = new DataLoader(trainSet, { batch_size: P.batch_size, shuffle: true });
  const optimizer = new optim.SGD(model.parameters(), { lr: P.lr, momentum: P.momentum });
  const lossFn = new nn.CrossEntropyLoss();
  const labels: number[][] = [];
  const losses: number[] = [];
  const epochLosses: number[] = [];
  model.train();
  for (let epoch = 0; epoch < P.epochs; epoch++) {
    let total = 0;
    let count = 0;
    let step = 0;
    for (const [x, y] of loader) {
      if (epoch === 0 && step < labelBatches) labels.push((y.tolist() as number[]).slice(0, labelsPerBatch));
      const loss = lossFn(model(flat(x)), y);
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      const value = loss.item();
      if (epoch === 0 && step < steps) losses.push(value);
      total += value;
      count++;
      step++;
    }
    epochLosses.push(total / count);
  }
  model.eval();
  let correct = 0;
  torch.no_grad(() => {
    for (const [x, y] of new DataLoader(testSet, { batch_size: P.test_batch_size })) {
      correct += model(flat(x)).argmax({ dim: -1 }).eq(y).sum().item();
    }
  });
  return { initParamSum, labels, losses, epochLosses, correct, accuracy: (100 * correct) / testSet.length };
}

describe("golden: the seeded MLP on Fashion-MNIST, six activations, 2 epochs (PyTorch 1.13)", function () {
  this.timeout(30 * 60 * 1000);
  let trainSet: any;
  let testSet: any;
  before(function () {
    assert.ok(fs.existsSync(path.join(DEBIAN, "train-images-idx3-ubyte.gz")), `Fashion-MNIST is not installed: run scripts/setup.sh (apt-get install -y dataset-fashion-mnist)`);
    const tf = new transforms.Compose([new transforms.ToTensor(), new transforms.Normalize([P.normalize[0]], [P.normalize[1]])]);
    trainSet = new datasets.FashionMNIST(DEBIAN, { train: true, transform: tf });
    testSet = new datasets.FashionMNIST(DEBIAN, { train: false, transform: tf });
    assert.strictEqual(trainSet.length, P.train_len);
    assert.strictEqual(testSet.length, P.test_len);
  });

  it("runs the six activations of gen_mlp.py, in its order", () => {
    assert.deepStrictEqual(fx.runs.map((r: any) => r.activation), Object.keys(ACTIVATIONS));
  });

  for (const want of fx.runs) {
    it(`${want.activation}: batch order, first ${want.losses.length} losses within 1e-4, test accuracy ${want.test_accuracy.toFixed(2)}% within 1 point`, function () {
      const got = train(ACTIVATIONS[want.activation], trainSet, testSet, want.losses.length, want.first_labels.length, want.first_labels[0].length);
      const lossDiffs = got.losses.map((v, i) => Math.abs(v - want.losses[i]) / Math.abs(want.losses[i]));
      const summary = `${want.activation}: max relative loss difference ${Math.max(...lossDiffs).toExponential(2)}; ` +
        `epoch losses ${got.epochLosses.map((v) => v.toFixed(5)).join(", ")} (PyTorch ${want.epoch_losses.map((v: number) => v.toFixed(5)).join(", ")}); ` +
        `accuracy ${got.accuracy.toFixed(2)}% (PyTorch ${want.test_accuracy.toFixed(2)}%)`;
      if (process.env.ACTNB_GOLDEN_VERBOSE) console.log(`      ${summary}`);
      // the same initial parameters (the first random draws after the seed)
      assert.ok(Math.abs(got.initParamSum - want.init_param_sum) <= 1e-9 * Math.max(1, Math.abs(want.init_param_sum)),
        `sum of the initial parameters: ${got.initParamSum}, PyTorch ${want.init_param_sum}`);
      // the same first-epoch batches (the DataLoader's draws after the model's)
      assert.deepStrictEqual(got.labels, want.first_labels, "labels of the first batches of epoch 1");
      assert.strictEqual(got.losses.length, want.losses.length);
      got.losses.forEach((v, i) => {
        assert.ok(lossDiffs[i] <= 1e-4, `loss at step ${i}: ${v}, PyTorch ${want.losses[i]} (relative difference ${lossDiffs[i].toExponential(2)} > 1e-4)\n${summary}`);
      });
      assert.ok(Math.abs(got.accuracy - want.test_accuracy) <= 1,
        `test accuracy ${got.accuracy.toFixed(2)}%, PyTorch ${want.test_accuracy.toFixed(2)}% (more than 1 point apart)\n${summary}`);
    });
  }
});
