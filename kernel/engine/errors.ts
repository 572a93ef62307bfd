// PyTorch raises RuntimeError, IndexError, TypeError and ValueError; the kinds are kept so a
// user can tell them apart, with PyTorch's own messages.
export class RuntimeError extends Error { override name = "RuntimeError"; }
export class IndexError extends Error { override name = "IndexError"; }
export class ValueError extends Error { override name = "ValueError"; }
