// Objects that can be called, as Python objects with __call__ can: nn.Module (model(x)) and
// torchvision's transforms (transform(img)).

/**
 * A function whose prototype is `proto` (a class's prototype, so subclasses written in a cell
 * work unchanged); calling it runs `call(self, args)`. Functions carry `name` and `length`: they
 * are removed, so that the instance's own attributes may use those names.
 */
export function callableInstance<T extends object>(proto: object, call: (self: T, args: unknown[]) => unknown): T {
  const self = ((...args: unknown[]) => call(self, args)) as unknown as T;
  delete (self as { name?: string }).name;
  delete (self as { length?: number }).length;
  Object.setPrototypeOf(self, proto);
  return self;
}
