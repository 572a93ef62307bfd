// The loss functions, as modules (nn.MSELoss()) and functions (F.mse_loss(input, target)).
import type { ApiTable } from "../entry";
import { COMMON } from "../common";

const LOSS = {
  ...COMMON,
  input: "The predictions.",
  target: "What they should be.",
  size_average: "Deprecated (use `reduction`): with `reduce`, picks the reduction as PyTorch does, with its warning.",
  reduce: "Deprecated (use `reduction`): with `size_average`, picks the reduction as PyTorch does, with its warning.",
  reduction: "How the per-element losses become the result: \"mean\", \"sum\", or \"none\" (all of them).",
  weight: "A weight per class (per element for binary cross-entropy); `null`: all 1.",
  ignore_index: "A target class that counts for nothing (not in the mean's denominator either).",
  label_smoothing: "Mixes this much of the uniform distribution into the targets (0: none).",
  pos_weight: "A weight on the positive examples' term, per class (more recall for values above 1).",
};
const REDUCTION = "size_average: boolean | null = null, reduce: boolean | null = null, reduction: \"mean\" | \"sum\" | \"none\" = \"mean\"";
const CLASSES = "weight: Tensor | null = null, size_average: boolean | null = null, ignore_index: number = -100, reduce: boolean | null = null, reduction: \"mean\" | \"sum\" | \"none\" = \"mean\"";

export const CONSTRUCTORS_LOSS = {
  "nn.MSELoss": {
    summary: "The mean squared error between input and target: mean((x - y)²).",
    signatures: [`(${REDUCTION}): MSELoss`],
    params: LOSS,
    example: "const loss = new nn.MSELoss();\nloss(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 4.0]))  // tensor(2.)",
    pytorch: "torch.nn.MSELoss",
  },
  "nn.L1Loss": {
    summary: "The mean absolute error between input and target: mean(|x - y|).",
    signatures: [`(${REDUCTION}): L1Loss`],
    params: LOSS,
    example: "new nn.L1Loss({ reduction: \"sum\" })(torch.tensor([1.0, 2.0]), torch.tensor([0.0, 4.0]))  // tensor(3.)",
    pytorch: "torch.nn.L1Loss",
  },
  "nn.BCELoss": {
    summary: "Binary cross-entropy between probabilities (in [0, 1]) and targets: -(y·log x + (1 - y)·log(1 - x)).",
    signatures: [`(weight: Tensor | null = null, ${REDUCTION}): BCELoss`],
    params: LOSS,
    example: "new nn.BCELoss()(torch.tensor([0.5, 0.9]), torch.tensor([1.0, 1.0]))  // tensor(0.3993)",
    pytorch: "torch.nn.BCELoss",
  },
  "nn.BCEWithLogitsLoss": {
    summary: "Binary cross-entropy of sigmoid(input) and targets, computed from the logits directly (stable for large ones).",
    signatures: [`(weight: Tensor | null = null, ${REDUCTION}, pos_weight: Tensor | null = null): BCEWithLogitsLoss`],
    params: LOSS,
    example: "new nn.BCEWithLogitsLoss()(torch.tensor([0.0, 2.0]), torch.tensor([1.0, 0.0]))  // tensor(1.4100)",
    pytorch: "torch.nn.BCEWithLogitsLoss",
  },
  "nn.NLLLoss": {
    summary: "The negative log-likelihood of the target classes, given log-probabilities [N, C] (a log_softmax's output).",
    signatures: [`(${CLASSES}): NLLLoss`],
    params: { ...LOSS, input: "Log-probabilities [N, C] (or [C]).", target: "The class of each sample [N] (int64)." },
    example: "const logp = torch.tensor([[0.5, 0.25, 0.25]]).log();\nnew nn.NLLLoss()(logp, torch.tensor([0], { dtype: torch.int64 }))  // tensor(0.6931)",
    pytorch: "torch.nn.NLLLoss",
  },
  "nn.CrossEntropyLoss": {
    summary: "Cross-entropy of logits [N, C] and target classes [N] (or class probabilities [N, C]): log_softmax, then the negative log-likelihood.",
    signatures: [`(${CLASSES}, label_smoothing: number = 0.0): CrossEntropyLoss`],
    params: { ...LOSS, input: "Logits [N, C] (or [C]).", target: "The class of each sample [N] (int64), or class probabilities [N, C]." },
    example: "new nn.CrossEntropyLoss()(torch.tensor([[2.0, 0.0, 0.0]]), torch.tensor([0], { dtype: torch.int64 }))  // tensor(0.2395)",
    pytorch: "torch.nn.CrossEntropyLoss",
  },
} satisfies ApiTable;

export const FUNCTIONAL_LOSS = {
  mse_loss: {
    summary: "The mean squared error between input and target: mean((x - y)²).",
    signatures: [`(input: Tensor, target: Tensor, ${REDUCTION}): Tensor`],
    params: LOSS,
    example: "F.mse_loss(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 4.0]))  // tensor(2.)",
    pytorch: "torch.nn.functional.mse_loss",
  },
  l1_loss: {
    summary: "The mean absolute error between input and target: mean(|x - y|).",
    signatures: [`(input: Tensor, target: Tensor, ${REDUCTION}): Tensor`],
    params: LOSS,
    example: "F.l1_loss(torch.tensor([1.0, 2.0]), torch.tensor([0.0, 4.0]), { reduction: \"none\" })  // tensor([1., 2.])",
    pytorch: "torch.nn.functional.l1_loss",
  },
  binary_cross_entropy: {
    summary: "Binary cross-entropy between probabilities (in [0, 1]) and targets: -(y·log x + (1 - y)·log(1 - x)).",
    signatures: [`(input: Tensor, target: Tensor, weight: Tensor | null = null, ${REDUCTION}): Tensor`],
    params: LOSS,
    example: "F.binary_cross_entropy(torch.tensor([0.5, 0.9]), torch.tensor([1.0, 1.0]))  // tensor(0.3993)",
    pytorch: "torch.nn.functional.binary_cross_entropy",
  },
  binary_cross_entropy_with_logits: {
    summary: "Binary cross-entropy of sigmoid(input) and targets, computed from the logits directly (stable for large ones).",
    signatures: [`(input: Tensor, target: Tensor, weight: Tensor | null = null, ${REDUCTION}, pos_weight: Tensor | null = null): Tensor`],
    params: LOSS,
    example: "F.binary_cross_entropy_with_logits(torch.tensor([0.0, 2.0]), torch.tensor([1.0, 0.0]))  // tensor(1.4100)",
    pytorch: "torch.nn.functional.binary_cross_entropy_with_logits",
  },
  nll_loss: {
    summary: "The negative log-likelihood of the target classes, given log-probabilities [N, C] (a log_softmax's output).",
    signatures: [`(input: Tensor, target: Tensor, ${CLASSES}): Tensor`],
    params: { ...LOSS, input: "Log-probabilities [N, C] (or [C]).", target: "The class of each sample [N] (int64)." },
    example: "F.nll_loss(torch.tensor([[0.5, 0.25, 0.25]]).log(), torch.tensor([1], { dtype: torch.int64 }))  // tensor(1.3863)",
    pytorch: "torch.nn.functional.nll_loss",
  },
  cross_entropy: {
    summary: "Cross-entropy of logits [N, C] and target classes [N] (or class probabilities [N, C]): log_softmax, then the negative log-likelihood.",
    signatures: [`(input: Tensor, target: Tensor, ${CLASSES}, label_smoothing: number = 0.0): Tensor`],
    params: { ...LOSS, input: "Logits [N, C] (or [C]).", target: "The class of each sample [N] (int64), or class probabilities [N, C]." },
    example: "F.cross_entropy(torch.tensor([[2.0, 0.0, 0.0]]), torch.tensor([0], { dtype: torch.int64 }))  // tensor(0.2395)",
    pytorch: "torch.nn.functional.cross_entropy",
  },
} satisfies ApiTable;
