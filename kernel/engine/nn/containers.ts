// Sequential, ModuleList and ModuleDict: modules that hold modules under numeric or given names.
import { Module } from "./module";

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
  at(i: number): Module { const c = [...this.children()]; return c[i < 0 ? c.length + i : i]; }
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
  at(i: number): Module { const c = [...this.children()]; return c[i < 0 ? c.length + i : i]; }
  append(m: Module): this { this.add_module(String(this.length), m); return this; }
  [Symbol.iterator](): Iterator<Module> { return this.children(); }
}

export class ModuleDict extends Module {
  constructor(modules: Record<string, Module> = {}) {
    super();
    for (const [k, m] of Object.entries(modules)) this.add_module(k, m);
  }
}
