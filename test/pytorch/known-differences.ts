// The one table of genuine, explained differences between a notebook's actnb outputs and its
// exported PyTorch notebook's. An entry accepts exactly the differences it lists, for that output
// of that cell (copy them from the suite's report); the suite fails when an entry's differences
// no longer occur, so the table only shrinks.
import { OutputKind } from "./compare";

export interface KnownDifference {
  /** The notebook's file name without its extension, e.g. "10-activations-in-a-cnn". */
  notebook: string;
  /** The code cell's title (or "code cell N" for an untitled one). */
  cell: string;
  output: OutputKind;
  /** Exactly the difference lines the comparison reports for that output of that cell. */
  differences?: string[];
  /**
   * Instead of exact lines, for outputs of a training run: the text is the same with its numbers
   * taken out, and each number is within this relative difference of actnb's (the largest
   * measured, rounded up). Used where float32 rounding grows over many steps into another run.
   */
  drift?: number;
  /** Why the difference is genuine, e.g. PyTorch's float32 conv kernels summing in another order. */
  reason: string;
}

// The reasons: numbers PyTorch computes in float32 in another order than actnb (same inputs,
// same formulas), so their last digits differ; printed values round those digits away or not.
const MATMUL = "PyTorch's float32 matrix product (BLAS) adds the products in another order than actnb's kernel, so a difference that is itself rounding error (~1e-8) comes out as another rounding error";
const SUM_ORDER = "a float32 sum of many terms (a norm, a mean) accumulated in another order by PyTorch's vectorised kernels: the 6th significant digit differs";
const TRAINING = "float32 rounding differences from summation order (matrix products, means) compound over the training steps, so late losses differ in their 4th to 6th digit";
const TRAINING_APART = "float32 rounding differences from summation order compound over training until the runs part ways: at learning rate 0.5 for 40 epochs (notebook 4), or over a CNN's epoch of SGD with momentum (notebook 10), a unit that crosses zero in one run and not the other changes every later step; the losses, accuracies, dead-unit counts and histograms stay alike in shape and size but not in their digits";
const GELU_TAILS = "at x ≤ -4.5 GELU (exact and tanh) is the product of x and a tiny float32 factor; PyTorch's vectorised float32 kernels (a polynomial erf and tanh) and actnb's (computed in float64, rounded once: the issue's decision that exact GELU stays exact) differ there in the 4th digit";
const HISTOGRAM_EDGES = "a few of 401,408 gradients that differ in their last float32 bits (matrix product order) fall into the neighbouring histogram bin";

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    notebook: "01-why-activations", cell: "Fold three linear layers into one", output: "stdout",
    reason: MATMUL,
    differences: [
      "line 11: actnb \"largest difference: 2.0489096641540527e-8\\n\" | python \"largest difference: 5.960464477539063e-8\\n\"",
    ],
  },
  {
    notebook: "01-why-activations", cell: "With ReLU in between, the network is no longer linear", output: "stdout",
    reason: `${MATMUL}; the largest difference (0.35) differs in its 7th digit`,
    differences: [
      "line 1: actnb \"ReLU network vs the folded layer, largest difference: 0.34935134649276733\\n\" | python \"ReLU network vs the folded layer, largest difference: 0.34935128688812256\\n\"",
      "line 4: actnb \"  linear stack: 8.94e-8\\n\" | python \"  linear stack: 1.19e-7\\n\"",
    ],
  },
  {
    notebook: "02-relu", cell: "Gradient norms through ten layers", output: "vega-lite",
    reason: SUM_ORDER,
    differences: [
      "$.data.values[13].text: actnb \"0.602353\", python \"0.602352\"",
    ],
  },
  {
    notebook: "02-relu", cell: "Gradient norms through ten layers", output: "text/plain",
    reason: SUM_ORDER,
    differences: [
      "line 10: actnb \"8       0.00117995  0.602353  0.389561\\n\" | python \"8       0.00117995  0.602352  0.389561\\n\"",
    ],
  },
  {
    notebook: "05-vanishing-gradients", cell: "One backward pass per network", output: "vega-lite",
    reason: SUM_ORDER,
    differences: [
      "$.data.values[14].text: actnb \"3.16832\", python \"3.16833\"",
      "$.data.values[44].text: actnb \"3.77562\", python \"3.77563\"",
    ],
  },
  {
    notebook: "05-vanishing-gradients", cell: "One backward pass per network", output: "text/plain",
    reason: SUM_ORDER,
    differences: [
      "line 8: actnb \"Linear 3   5.43444e-7  0.00729589  0.000630338         1.02802             3.16832\\n\" | python \"Linear 3   5.43444e-7  0.00729589  0.000630338         1.02802             3.16833\\n\"",
      "line 14: actnb \"Linear 9    0.0876351   0.0238896    0.0300078         4.70162             3.77562\\n\" | python \"Linear 9    0.0876351   0.0238896    0.0300078         4.70162             3.77563\\n\"",
    ],
  },
  {
    notebook: "05-vanishing-gradients", cell: "The same numbers as lines", output: "text/plain",
    reason: SUM_ORDER,
    differences: [
      "line 6: actnb \"tanh + Xavier init: 10 values, first 3.18844, last 3.18461, min 3.16832 at Linear layer (1 = next to the input) 3\" | python \"tanh + Xavier init: 10 values, first 3.18844, last 3.18461, min 3.16833 at Linear layer (1 = next to the input) 3\"",
    ],
  },
  {
    notebook: "05-vanishing-gradients", cell: "Loss curves of the deep networks", output: "vega-lite",
    reason: `${TRAINING} (100 epochs of ten-layer networks)`,
    differences: [
      "$.data.values[375].loss: actnb 0.19703, python 0.197027",
      "$.data.values[385].loss: actnb 0.120935, python 0.120937",
      "$.data.values[386].loss: actnb 0.122013, python 0.122015",
      "$.data.values[387].loss: actnb 0.14202, python 0.14205",
      "$.data.values[388].loss: actnb 0.153099, python 0.153152",
      "$.data.values[389].loss: actnb 0.191656, python 0.191739",
      "$.data.values[390].loss: actnb 0.199273, python 0.199348",
      "$.data.values[391].loss: actnb 0.217932, python 0.217552",
      "$.data.values[392].loss: actnb 0.164904, python 0.164352",
      "$.data.values[393].loss: actnb 0.139038, python 0.138791",
      "$.data.values[394].loss: actnb 0.109746, python 0.10967",
      "$.data.values[395].loss: actnb 0.103517, python 0.102329",
      "$.data.values[396].loss: actnb 0.0968929, python 0.0965464",
      "$.data.values[397].loss: actnb 0.095062, python 0.0951489",
      "$.data.values[398].loss: actnb 0.0926865, python 0.0927191",
      "$.data.values[399].loss: actnb 0.0936174, python 0.0937554",
      "$.data.values[433].loss: actnb 0.14143, python 0.141433",
      "$.data.values[434].loss: actnb 0.146851, python 0.146857",
      "$.data.values[435].loss: actnb 0.165162, python 0.165173",
      "$.data.values[436].loss: actnb 0.200971, python 0.200987",
      "$.data.values[437].loss: actnb 0.253378, python 0.253391",
      "$.data.values[438].loss: actnb 0.26492, python 0.264915",
      "$.data.values[439].loss: actnb 0.228422, python 0.228401",
      "$.data.values[440].loss: actnb 0.179198, python 0.179184",
      "$.data.values[441].loss: actnb 0.144099, python 0.144093",
      "$.data.values[442].loss: actnb 0.129245, python 0.129241",
      "$.data.values[443].loss: actnb 0.118541, python 0.118539",
      "$.data.values[452].loss: actnb 0.205563, python 0.205566",
      "$.data.values[453].loss: actnb 0.18242, python 0.182423",
      "$.data.values[454].loss: actnb 0.190012, python 0.190014",
      "$.data.values[455].loss: actnb 0.149819, python 0.149821",
    ],
  },
  {
    notebook: "05-vanishing-gradients", cell: "Loss curves of the deep networks", output: "text/plain",
    reason: `${TRAINING} (100 epochs of ten-layer networks); the sigmoid network's loss is flat, so the epoch of its minimum moves`,
    differences: [
      "line 2: actnb \"sigmoid: 100 values, first 0.72135, last 0.711799, min 0.711799 at epoch 5\\n\" | python \"sigmoid: 100 values, first 0.72135, last 0.711799, min 0.711799 at epoch 7\\n\"",
      "line 5: actnb \"ReLU + He init: 100 values, first 1.27873, last 0.0936174, min 0.0926865 at epoch 99\\n\" | python \"ReLU + He init: 100 values, first 1.27873, last 0.0937554, min 0.0927191 at epoch 99\\n\"",
      "line 6: actnb \"tanh + Xavier init: 100 values, first 2.70075, last 0.0514043, min 0.0514043 at epoch 100\" | python \"tanh + Xavier init: 100 values, first 2.70075, last 0.0514045, min 0.0514045 at epoch 100\"",
    ],
  },
  {
    notebook: "06-relu-variants", cell: "Loss of the dead unit", output: "text/plain",
    reason: `${TRAINING} (100 epochs)`,
    differences: [
      "line 3: actnb \"Leaky ReLU (α = 0.01): 100 values, first 4.72967, last 0.08554, min 0.08554 at epoch 100\" | python \"Leaky ReLU (α = 0.01): 100 values, first 4.72967, last 0.0855401, min 0.0855401 at epoch 100\"",
    ],
  },
  {
    notebook: "06-relu-variants", cell: "Loss: learned slope against fixed slope", output: "text/plain",
    reason: `${TRAINING} (150 epochs); the fixed slope's loss is flat at the end, so the epoch of its minimum moves`,
    differences: [
      "line 2: actnb \"PReLU (a learned): 150 values, first 3.02473, last 0.000380666, min 0.000380666 at epoch 150\\n\" | python \"PReLU (a learned): 150 values, first 3.02473, last 0.000380663, min 0.000380663 at epoch 150\\n\"",
      "line 3: actnb \"Leaky ReLU (α = 0.01 fixed): 150 values, first 1.82402, last 1.54351, min 1.54351 at epoch 125\" | python \"Leaky ReLU (α = 0.01 fixed): 150 values, first 1.82402, last 1.54351, min 1.54351 at epoch 127\"",
    ],
  },
  {
    notebook: "08-choosing", cell: "Loss curves, all activations on one chart", output: "text/plain",
    reason: `${TRAINING} (200 epochs)`,
    differences: [
      "line 2: actnb \"ReLU: 200 values, first 0.694493, last 0.0615416, min 0.0614806 at epoch 198\\n\" | python \"ReLU: 200 values, first 0.694493, last 0.0615415, min 0.0614806 at epoch 198\\n\"",
      "line 7: actnb \"tanh: 200 values, first 0.710635, last 0.0710436, min 0.0710436 at epoch 200\\n\" | python \"tanh: 200 values, first 0.710636, last 0.0710436, min 0.0710436 at epoch 200\\n\"",
    ],
  },
  {
    notebook: "04-dying-relu", cell: "Remedy 2: learning rate 0.05", output: "stdout",
    reason: TRAINING_APART,
    drift: 0.17,
  },
  {
    notebook: "04-dying-relu", cell: "Remedy 3: Leaky ReLU", output: "stdout",
    reason: TRAINING_APART,
    drift: 0.068,
  },
  {
    notebook: "04-dying-relu", cell: "Comparison table", output: "text/markdown",
    reason: TRAINING_APART,
    drift: 0.17,
  },
  {
    notebook: "04-dying-relu", cell: "Dead units per epoch, all runs", output: "vega-lite",
    reason: TRAINING_APART,
    drift: 0.4,
  },
  {
    notebook: "04-dying-relu", cell: "Dead units per epoch, all runs", output: "text/plain",
    reason: TRAINING_APART,
    drift: 0.4,
  },
  {
    notebook: "04-dying-relu", cell: "Loss per epoch, all runs", output: "vega-lite",
    reason: TRAINING_APART,
    drift: 0.97,
  },
  {
    notebook: "04-dying-relu", cell: "Loss per epoch, all runs", output: "text/plain",
    reason: TRAINING_APART,
    drift: 0.17,
  },
  {
    notebook: "07-beyond-relu", cell: "GELU, exact and tanh approximation", output: "text/plain",
    reason: GELU_TAILS,
    differences: [
      "line 7: actnb \"  f(x)   -0.000126685   -0.0027782  -0.0275051  -0.116278  -0.154269  0.242314  1.11794  2.08931  2.99595\\n\" | python \"  f(x)   -0.000126719  -0.00277841   -0.027505  -0.116278  -0.154269  0.242314  1.11794  2.08931  2.99595\\n\"",
      "line 8: actnb \"  f'(x)   -0.00050365  -0.00855553  -0.0591897  -0.128576   0.132505  0.785615  1.12266  1.07186  1.01195\\n\" | python \"  f'(x)  -0.000503629  -0.00855547  -0.0591898  -0.128576   0.132505  0.785615  1.12266  1.07186  1.01195\\n\"",
      "line 13: actnb \"  f(x)    -7.02459e-5  -0.00241587  -0.0272013  -0.116511  -0.154286  0.242308  1.11771  2.08952  2.99636\\n\" | python \"  f(x)    -7.02143e-5  -0.00241585  -0.0272014  -0.116511  -0.154286  0.242308  1.11771  2.08952  2.99636\\n\"",
      "line 14: actnb \"  f'(x)  -0.000335123  -0.00812554  -0.0599145  -0.128594    0.13263  0.785556  1.12249   1.0727  1.01158\\n\" | python \"  f'(x)  -0.000334972  -0.00812546  -0.0599146  -0.128594    0.13263  0.785556  1.12249   1.0727  1.01158\\n\"",
    ],
  },
  {
    notebook: "07-beyond-relu", cell: "40 steps of the same cell", output: "text/plain",
    reason: SUM_ORDER,
    differences: [
      "line 3: actnb \"h[1]: 40 values, first -0.128812, last -0.0392783, min -0.428683 at time step 4\\n\" | python \"h[1]: 40 values, first -0.128812, last -0.0392782, min -0.428683 at time step 4\\n\"",
    ],
  },
  {
    notebook: "07-beyond-relu", cell: "Train one model per learnable activation", output: "text/markdown",
    reason: TRAINING,
    drift: 0.0032,
  },
  {
    notebook: "07-beyond-relu", cell: "The activations' parameters during training", output: "vega-lite",
    reason: TRAINING,
    drift: 0.000083,
  },
  {
    notebook: "07-beyond-relu", cell: "The activations' parameters during training", output: "text/plain",
    reason: TRAINING,
    drift: 0.000083,
  },
  {
    notebook: "07-beyond-relu", cell: "Loss with each activation", output: "vega-lite",
    reason: TRAINING,
    drift: 0.05,
  },
  {
    notebook: "07-beyond-relu", cell: "Loss with each activation", output: "text/plain",
    reason: TRAINING,
    drift: 0.0047,
  },
  {
    notebook: "07-beyond-relu", cell: "The shapes they learned", output: "vega-lite",
    reason: TRAINING,
    drift: 0.006,
  },
  {
    notebook: "07-beyond-relu", cell: "The shapes they learned", output: "text/plain",
    reason: TRAINING,
    drift: 0.0016,
  },
  {
    notebook: "09-activations-on-real-data", cell: "First-layer gradient distributions", output: "vega-lite",
    reason: HISTOGRAM_EDGES,
    drift: 0.00012,
  },
  {
    notebook: "09-activations-on-real-data", cell: "First-layer gradient distributions", output: "text/plain",
    reason: SUM_ORDER,
    differences: [
      "line 6: actnb \"sigmoid       401408  -1.12754e-7   3.03486e-6   -1.57004e-5   1.55984e-5\\n\" | python \"sigmoid       401408  -1.12754e-7   3.03486e-6   -1.57005e-5   1.55984e-5\\n\"",
    ],
  },
  {
    notebook: "09-activations-on-real-data", cell: "Training each activation", output: "text/markdown",
    reason: TRAINING,
    drift: 0.00092,
  },
  {
    notebook: "09-activations-on-real-data", cell: "Loss and accuracy", output: "vega-lite",
    reason: TRAINING,
    drift: 0.00092,
  },
  {
    notebook: "09-activations-on-real-data", cell: "Loss and accuracy", output: "text/plain",
    reason: TRAINING,
    drift: 0.00087,
  },
  {
    notebook: "09-activations-on-real-data", cell: "Activations after training", output: "text/markdown",
    reason: TRAINING,
    drift: 0.01,
  },
  {
    notebook: "09-activations-on-real-data", cell: "Last hidden layer distributions", output: "vega-lite",
    reason: TRAINING,
    drift: 0.26,
  },
  {
    notebook: "09-activations-on-real-data", cell: "Last hidden layer distributions", output: "text/plain",
    reason: TRAINING,
    drift: 0.0073,
  },
  {
    notebook: "09-activations-on-real-data", cell: "Dead units in the five-layer network", output: "text/markdown",
    reason: TRAINING,
    drift: 0.1,
  },
  {
    notebook: "09-activations-on-real-data", cell: "Dead units in a ten-layer network", output: "text/markdown",
    reason: TRAINING,
    drift: 1,
  },
  {
    notebook: "10-activations-in-a-cnn", cell: "Test accuracy", output: "text/markdown",
    reason: TRAINING_APART,
    drift: 0.0099,
  },
  {
    notebook: "10-activations-in-a-cnn", cell: "Loss and accuracy curves", output: "vega-lite",
    reason: TRAINING_APART,
    drift: 0.016,
  },
  {
    notebook: "10-activations-in-a-cnn", cell: "Loss and accuracy curves", output: "text/plain",
    reason: TRAINING_APART,
    drift: 0.016,
  },
  {
    notebook: "10-activations-in-a-cnn", cell: "Other seeds", output: "text/markdown",
    reason: TRAINING_APART,
    drift: 0.069,
  },
  {
    notebook: "10-activations-in-a-cnn", cell: "What the activations receive", output: "text/markdown",
    reason: TRAINING_APART,
    drift: 0.067,
  },
  {
    notebook: "10-activations-in-a-cnn", cell: "Histograms", output: "vega-lite",
    reason: TRAINING_APART,
    drift: 0.19,
  },
  {
    notebook: "10-activations-in-a-cnn", cell: "Histograms", output: "text/plain",
    reason: TRAINING_APART,
    drift: 0.5,
  },
  {
    notebook: "10-activations-in-a-cnn", cell: "Two more epochs without BatchNorm", output: "text/markdown",
    reason: TRAINING_APART,
    drift: 0.0021,
  },
  {
    notebook: "10-activations-in-a-cnn", cell: "The longer run's loss", output: "vega-lite",
    reason: TRAINING_APART,
    drift: 0.024,
  },
  {
    notebook: "10-activations-in-a-cnn", cell: "The longer run's loss", output: "text/plain",
    reason: TRAINING_APART,
    drift: 0.016,
  },
];
