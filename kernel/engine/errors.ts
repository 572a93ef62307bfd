// PyTorch raises RuntimeError, IndexError, TypeError and ValueError; the kinds are kept so a
// user can tell them apart, with PyTorch's own messages.
export class RuntimeError extends Error { override name = "RuntimeError"; }
export class IndexError extends Error { override name = "IndexError"; }
export class ValueError extends Error { override name = "ValueError"; }
/** Python's `assert` in a PyTorch module's constructor (nn.Hardtanh's max_val > min_val), with no message. */
export class AssertionError extends Error { override name = "AssertionError"; }
