// Where things are in JSON text. JSON.parse reads the files (it is fast); this strict scanner runs
// only when something is wrong: it finds the first syntax error (with a message a person can act
// on and the JSON path it happened in) or the offset of the value at a JSON path.
import { JsonPath, TextLocation } from "./errors";
import { readsExactly } from "./exact-number";

export interface JsonSyntaxProblem {
  offset: number;
  message: string;
  /** The text ends before the JSON is complete. */
  truncated: boolean;
  /** The JSON path being read when the problem was found. */
  path: JsonPath;
}

class Problem { constructor(readonly offset: number, readonly message: string, readonly truncated: boolean) {} }
class Found { constructor(readonly offset: number) {} }

type OnValue = (path: JsonPath, offset: number) => boolean;

class Scanner {
  pos = 0;
  readonly path: (string | number)[] = [];
  /** Numbers a double cannot hold exactly, with where they are (exact-number.ts). */
  readonly inexact: Array<{ path: JsonPath; token: string }> = [];
  constructor(readonly text: string, readonly onValue?: OnValue) {}

  document(): void {
    this.space();
    if (this.pos >= this.text.length) throw this.end("expected a JSON value");
    this.value();
    this.space();
    if (this.pos < this.text.length) throw this.fail(`unexpected ${this.describe()} after the end of the JSON value`);
  }

  private value(): void {
    if (this.onValue?.(this.path, this.pos)) throw new Found(this.pos);
    const c = this.text[this.pos];
    if (c === "{") this.object();
    else if (c === "[") this.array();
    else if (c === '"') this.string();
    else if (c === "-" || (c >= "0" && c <= "9")) this.number();
    else if (c === "t" || c === "f" || c === "n") this.literal();
    else if (c === "'") throw this.fail("strings must be in double quotes, not single quotes");
    else if (c === "/") throw this.fail("JSON has no comments");
    else throw this.fail(`expected a value, found ${this.describe()}`);
  }

  private object(): void {
    const open = this.pos++;
    this.space();
    if (this.text[this.pos] === "}") { this.pos++; return; }
    const seen = new Set<string>();
    for (;;) {
      this.space();
      if (this.pos >= this.text.length) throw this.unclosed("object", open);
      if (this.text[this.pos] !== '"') {
        if (this.text[this.pos] === "}") throw this.fail("a comma before '}' (JSON allows no trailing comma)");
        if (this.text[this.pos] === "'") throw this.fail("property names must be in double quotes, not single quotes");
        if (this.text[this.pos] === "/") throw this.fail("JSON has no comments");
        throw this.fail(`expected a property name in double quotes, found ${this.describe()}`);
      }
      const keyStart = this.pos;
      this.string();
      const key = JSON.parse(this.text.slice(keyStart, this.pos)) as string;
      // JSON.parse would keep the last and silently drop the others
      if (seen.has(key)) { this.pos = keyStart; throw this.fail(`the key ${JSON.stringify(key)} appears twice in this object`); }
      seen.add(key);
      this.space();
      if (this.pos >= this.text.length) throw this.unclosed("object", open);
      if (this.text[this.pos] !== ":") throw this.fail(`expected ':' after the property name ${JSON.stringify(key)}, found ${this.describe()}`);
      this.pos++;
      this.space();
      if (this.pos >= this.text.length) throw this.unclosed("object", open);
      this.path.push(key);
      this.value();
      this.path.pop();
      this.space();
      if (this.pos >= this.text.length) throw this.unclosed("object", open);
      const c = this.text[this.pos];
      if (c === ",") { this.pos++; continue; }
      if (c === "}") { this.pos++; return; }
      throw this.fail(`expected ',' or '}' after the value of ${JSON.stringify(key)}, found ${this.describe()}`);
    }
  }

  private array(): void {
    const open = this.pos++;
    this.space();
    if (this.text[this.pos] === "]") { this.pos++; return; }
    for (let index = 0; ; index++) {
      this.space();
      if (this.pos >= this.text.length) throw this.unclosed("array", open);
      if (this.text[this.pos] === "]") throw this.fail("a comma before ']' (JSON allows no trailing comma)");
      this.path.push(index);
      this.value();
      this.path.pop();
      this.space();
      if (this.pos >= this.text.length) throw this.unclosed("array", open);
      const c = this.text[this.pos];
      if (c === ",") { this.pos++; continue; }
      if (c === "]") { this.pos++; return; }
      throw this.fail(`expected ',' or ']' after an item of the list, found ${this.describe()}`);
    }
  }

  private string(): void {
    const open = this.pos++;
    const text = this.text;
    for (;;) {
      if (this.pos >= text.length) throw this.unclosed("string", open);
      const code = text.charCodeAt(this.pos);
      if (code === 0x22) { this.pos++; return; }
      if (code === 0x5c) {
        const e = text[this.pos + 1];
        if (e === undefined) throw this.unclosed("string", open);
        if (e === "u") {
          for (let i = 2; i < 6; i++) {
            if (this.pos + i >= text.length) throw this.unclosed("string", open);
            if (!/[0-9a-fA-F]/.test(text[this.pos + i])) { this.pos += i; throw this.fail("a \\u escape needs four hexadecimal digits"); }
          }
          this.pos += 6;
        } else if ('"\\/bfnrt'.includes(e)) {
          this.pos += 2;
        } else {
          throw this.fail(`invalid escape \\${e} in a string (JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`);
        }
        continue;
      }
      if (code < 0x20) {
        throw this.fail(code === 0x0a || code === 0x0d
          ? "a line break inside a string (write it as \\n), or a string missing its closing quote"
          : `a control character (U+${code.toString(16).toUpperCase().padStart(4, "0")}) inside a string; it must be escaped`);
      }
      this.pos++;
    }
  }

  private number(): void {
    const text = this.text;
    const start = this.pos;
    const digits = (): number => { const s = this.pos; while (this.pos < text.length && text[this.pos] >= "0" && text[this.pos] <= "9") this.pos++; return this.pos - s; };
    const need = (what: string): void => {
      if (this.pos >= text.length) throw this.end(`the file ends inside a number (expected ${what})`);
      throw this.fail(`invalid number: expected ${what}, found ${this.describe()}`);
    };
    if (text[this.pos] === "-") this.pos++;
    if (text[this.pos] === "0") {
      this.pos++;
      if (text[this.pos] >= "0" && text[this.pos] <= "9") throw this.fail("invalid number: no leading zeros in JSON");
    } else if (digits() === 0) need("a digit");
    if (text[this.pos] === ".") { this.pos++; if (digits() === 0) need("a digit after '.'"); }
    if (text[this.pos] === "e" || text[this.pos] === "E") {
      this.pos++;
      if (text[this.pos] === "+" || text[this.pos] === "-") this.pos++;
      if (digits() === 0) need("a digit in the exponent");
    }
    const token = text.slice(start, this.pos);
    if (!readsExactly(token)) this.inexact.push({ path: this.path.slice(), token });
  }

  private literal(): void {
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.pos)) { this.pos += word.length; return; }
      const rest = this.text.slice(this.pos);
      if (rest.length < word.length && word.startsWith(rest)) throw this.end(`the file ends inside '${word}'`);
    }
    throw this.fail(`expected a value, found ${this.describe()}`);
  }

  private space(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.pos++;
    }
  }

  /** The token at pos, for messages: 'x', a word, or "the end of the file". */
  private describe(): string {
    if (this.pos >= this.text.length) return "the end of the file";
    const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(this.text.slice(this.pos, this.pos + 40));
    if (word) return `'${word[0]}'`;
    const code = this.text.codePointAt(this.pos)!;
    if (code < 0x20 || code === 0x7f || code === 0xfeff) return `the character U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    return `'${String.fromCodePoint(code)}'`;
  }

  private fail(message: string): Problem { return new Problem(this.pos, message, false); }
  private end(message: string): Problem { return new Problem(this.text.length, message, true); }
  private unclosed(what: "object" | "array" | "string", open: number): Problem {
    const at = locationOf(this.text, open);
    return this.end(`the file ends inside the ${what} that starts at line ${at.line}, column ${at.column} (was the file cut short?)`);
  }
}

/**
 * The first syntax error in `text`, or undefined when it is valid JSON. `inexact` receives the
 * numbers a double cannot hold (where they are, and their text).
 */
export function findSyntaxError(text: string, inexact?: Array<{ path: JsonPath; token: string }>): JsonSyntaxProblem | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.document();
    inexact?.push(...scanner.inexact);
    return undefined;
  } catch (e) {
    if (e instanceof Problem) return { offset: e.offset, message: e.message, truncated: e.truncated, path: scanner.path.slice() };
    if (e instanceof RangeError) return { offset: scanner.pos, message: "the JSON is nested too deeply", truncated: false, path: scanner.path.slice() };
    throw e;
  }
}

/** The offset where the value at `path` starts, or of its nearest enclosing value that exists. */
export function findValueOffset(text: string, path: JsonPath): number | undefined {
  let best: number | undefined;
  let depth = -1;
  const scanner = new Scanner(text, (at, offset) => {
    if (at.length > path.length || at.length <= depth) return false;
    for (let i = 0; i < at.length; i++) if (at[i] !== path[i]) return false;
    best = offset;
    depth = at.length;
    return at.length === path.length;
  });
  try {
    scanner.document();
  } catch (e) {
    if (!(e instanceof Found) && !(e instanceof Problem) && !(e instanceof RangeError)) throw e;
  }
  return best;
}

/** 1-based line and column of an offset. "\r\n", "\n" and a lone "\r" each end a line. */
export function locationOf(text: string, offset: number): TextLocation {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) { line++; lineStart = i + 1; }
  }
  return { line, column: offset - lineStart + 1, offset };
}
