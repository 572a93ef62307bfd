// Views and in-place operations, as PyTorch's autograd treats them. A view shares its base's
// elements and version counter; writing into a view in place changes the base, so the base's
// history gains a CopySlices node (the in-place op's backward applied to the view's region of
// the base's gradient), and every view of that base re-derives its grad_fn from the base
// (AsStridedBackward0) once the shared version has moved past the one its grad_fn was made at.
import { Tensor } from "../tensor";
import { RuntimeError } from "../errors";
import { Node, edgeOf } from "./node";
import { is_grad_enabled } from "./grad_mode";
import { Storage } from "../storage/storage";

/** How a view was made, for PyTorch's refusals to modify some views in place (its CreationMeta). */
export type ViewCreation =
  | { kind: "default" }
  | { kind: "no_grad" }
  /** An output of split/chunk, or a view of one (named then by its own grad_fn, as output 0). */
  | { kind: "multi_output"; node?: string; output: number };

export interface ViewInfo {
  /** The tensor whose elements this view shares: never itself a view. */
  base: Tensor;
  creation: ViewCreation;
  /** The version this view's grad_fn was made at; a newer version means the base changed. */
  version: number;
}

const MULTI_OUTPUT = (node: string, output: number) =>
  `Output ${output} of ${node} is a view and is being modified inplace. This view is the output of a function that returns multiple views. ` +
  "Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.";
const MULTI_OUTPUT_REBASED = (node: string, output: number) =>
  `Output ${output} of ${node} is a view and its base or another view of its base has been modified inplace. This view is the output of a function that returns multiple views. ` +
  "Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.";
const NO_GRAD_VIEW =
  "A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. " +
  "You can clarify your code by moving both the view and the inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).";

/** Marks `view` as a view of `of` (sharing its storage), made in the current grad mode. */
export function markView(view: Tensor, of: Tensor): void {
  const base = of._view?.base ?? of;
  view._shareVersionWith(of);
  // a view of a split's output is as untouchable as the output itself
  const inherited = of._view?.creation.kind === "multi_output" ? { kind: "multi_output" as const, output: 0 } : null;
  view._view = {
    base,
    creation: inherited ?? (is_grad_enabled() ? { kind: "default" } : { kind: "no_grad" }),
    version: view._version,
  };
}

/** The name of the node that made a view, as recorded (before any re-derivation). */
function nodeName(view: Tensor, known?: string): string {
  return known ?? view._recordedGradFn()?.name() ?? "None";
}

/** Marks the outputs of split/chunk: PyTorch forbids modifying them in place under autograd. */
export function markMultiOutput(views: readonly Tensor[], node: string): void {
  views.forEach((v, output) => {
    if (v._view && v._view.creation.kind === "default" && v.requires_grad) v._view.creation = { kind: "multi_output", node, output };
  });
}

/** PyTorch's check_inplace: the refusals, when autograd would record the in-place op. */
export function checkInplace(x: Tensor, recorded: boolean): void {
  if (recorded) {
    const view = x._view;
    if (view) {
      if (view.creation.kind === "multi_output") throw new RuntimeError(MULTI_OUTPUT(nodeName(x, view.creation.node), view.creation.output));
      if (view.creation.kind === "no_grad" && view.base.requires_grad) throw new RuntimeError(NO_GRAD_VIEW);
      if (x.requires_grad && view.base.is_leaf) throw new RuntimeError("a view of a leaf Variable that requires grad is being used in an in-place operation.");
    }
    if (x.requires_grad && x.is_leaf) throw new RuntimeError("a leaf Variable that requires grad is being used in an in-place operation.");
  }
  if (x.shape.some((n, i) => n > 1 && x.strides[i] === 0) && x.numel() > 0) {
    throw new RuntimeError("unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.");
  }
}

/** Where a tensor's elements sit in its storage. */
interface Geometry { shape: number[]; strides: number[]; offset: number }

const geometryOf = (t: Tensor): Geometry => ({ shape: t.shape.slice(), strides: t.strides.slice(), offset: t.offset });

/** Storage positions of a strided tensor's elements, in row-major order of its indices. */
function positions(t: Geometry): number[] {
  const out: number[] = [];
  const idx = new Array<number>(t.shape.length).fill(0);
  const n = t.shape.reduce((a, b) => a * b, 1);
  for (let k = 0; k < n; k++) {
    let pos = t.offset;
    for (let d = 0; d < idx.length; d++) pos += idx[d] * t.strides[d];
    out.push(pos);
    for (let d = idx.length - 1; d >= 0; d--) { if (++idx[d] < t.shape[d]) break; idx[d] = 0; }
  }
  return out;
}

/** A zero-filled tensor laid out like `base` (same strides and offset) over storage of its own. */
function zerosLaidOutLike(base: Tensor, dtype = base.dtype): Tensor {
  const storage = new Storage(dtype, base.storage.size);
  storage.data.fill(0);
  return new Tensor(storage, base.shape, base.strides, base.offset);
}

/** Elements at geometry `t` of another storage. */
function sameGeometry(t: Geometry, storage: Storage): Tensor {
  return new Tensor(storage, t.shape, t.strides, t.offset);
}

/** AsStridedBackward0: the view's gradient placed into a zero gradient of its base (summed where elements coincide). */
function asStridedBackward(view: Geometry, base: Tensor, g: Tensor): Tensor {
  const full = zerosLaidOutLike(base, g.dtype);
  const fd = full._data;
  const gc = g.contiguous();
  const gd = gc._data;
  positions(view).forEach((pos, k) => { fd[pos] += gd[gc.offset + k]; });
  return full.contiguous();
}

/** The view's grad_fn, re-derived from its base after the base (or another of its views) changed in place. */
export function refreshViewGradFn(view: Tensor): void {
  const info = view._view!;
  if (info.version === view._version) return;
  const base = info.base;
  // (raised on every access, as PyTorch does: the version stays behind)
  if (info.creation.kind === "multi_output" && base.requires_grad) {
    throw new RuntimeError(MULTI_OUTPUT_REBASED(nodeName(view, info.creation.node), info.creation.output));
  }
  info.version = view._version;
  if (info.creation.kind === "no_grad" || !base.requires_grad) return;
  const geometry = geometryOf(view);
  view._setGradFn(new Node("AsStridedBackward0", [edgeOf(base)], (g) => [asStridedBackward(geometry, base, g)], [], view));
}

/**
 * PyTorch's CopySlices: the base's history after `fn` (the in-place op's node, whose first
 * input was the view) wrote into a view of it. Its backward takes the base's gradient, runs fn's
 * backward on the view's region, puts the result for the view's old values back in that region
 * and passes the rest on unchanged.
 */
class CopySlices extends Node {
  constructor(private readonly base: Tensor, private readonly view: Geometry, private readonly fn: Node) {
    super("torch::autograd::CopySlices", [edgeOf(base), ...fn.edges.slice(1)], () => [], [], base);
  }

  override apply(g: Tensor, retainGraph: boolean): ReadonlyArray<Tensor | null | undefined> {
    const result = zerosLaidOutLike(this.base, g.dtype);
    result.copy_(g);
    const slice = sameGeometry(this.view, result.storage);
    const grads = this.fn.apply(slice.clone(), retainGraph);
    if (grads[0]) slice.copy_(grads[0]);
    else slice.zero_();
    return [result.contiguous(), ...grads.slice(1)];
  }
}

/** After an in-place op recorded as `node` wrote into `x`: the history x (or its base) now has. */
export function rebaseHistory(x: Tensor, node: Node): void {
  const view = x._view;
  if (!view) { x._setGradFn(node); return; }
  view.base._setGradFn(new CopySlices(view.base, geometryOf(x), node));
  // x's own grad_fn is re-derived from the base on next access (its version has moved on)
}
