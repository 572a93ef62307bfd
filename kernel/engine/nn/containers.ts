// Sequential, ModuleList and ModuleDict: modules that hold modules under numeric or given names.
import { Module } from "./module";
import { IndexError } from "../errors";

/** modules[i] as PyTorch indexes a Sequential or ModuleList. */
function itemAt(modules: Module[], i: number): Module {
  if (!Number.isInteger(i) || i < -modules.length || i >= modules.length) throw new IndexError(`index ${i} is out of range`);
  return modules[i < 0 ? modules.length + i : i];
}

export class Sequential extends Module {
  constructor(...modules: Module[] | [Record<string, Module>]) {
    super();
    if (modules.length === 1 && !(modules[0] instanceof Module)) {
      for (const [k, m] of Object.entries(modules[0] as Record<string, Module>)) this.add_module(k, m);
    } else {
      (modules as Module[]).forEach((m, i) => this.add_module(String(i), m));
    }
  }
  override get length(): number { return [...this.children()].length; }
  /** seq[i] (negative counts from the end). */
  at(i: number): Module { return itemAt([...this.children()], i); }
  /** seq[start:end]: a Sequential of those modules (the same modules, not copies), keeping their names. */
  slice(start?: number, end?: number): Sequential {
    const entries = [...this.named_children()].slice(start, end);
    // as PyTorch's self.__class__(...); naming the class here would make bundlers rename it
    const Same = this.constructor as new (modules: Record<string, Module>) => Sequential;
    return new Same(Object.fromEntries(entries));
  }
  append(m: Module): this { this.add_module(String(this.length), m); return this; }
  [Symbol.iterator](): Iterator<Module> { return this.children(); }
  override forward(input: unknown): any {
    let x = input;
    for (const m of this.children()) x = m(x);
    return x;
  }
}

export class ModuleList extends Module {
  constructor(modules: Module[] = []) {
    super();
    modules.forEach((m, i) => this.add_module(String(i), m));
  }
  override get length(): number { return [...this.children()].length; }
  at(i: number): Module { return itemAt([...this.children()], i); }
  append(m: Module): this { this.add_module(String(this.length), m); return this; }
  [Symbol.iterator](): Iterator<Module> { return this.children(); }
}

export class ModuleDict extends Module {
  constructor(modules: Record<string, Module> = {}) {
    super();
    for (const [k, m] of Object.entries(modules)) this.add_module(k, m);
  }
}
