// torch.nn.functional
export * from "../activations/generated/functional";
export { linear } from "./linear";
export { mse_loss, l1_loss, binary_cross_entropy, binary_cross_entropy_with_logits, nll_loss, cross_entropy } from "./loss";
export { dropout, dropout2d, layer_norm } from "./layers";
export { conv2d, max_pool2d, avg_pool2d, adaptive_avg_pool2d } from "../ops/conv";
