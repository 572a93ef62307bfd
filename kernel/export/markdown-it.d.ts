// The part of markdown-it (a dependency of the build, bundled; it ships no typings) that
// markdown.ts uses.
declare module "markdown-it" {
  namespace MarkdownIt {
    interface Token {
      type: string;
      content: string;
      markup: string;
      attrGet(name: string): string | null;
      attrSet(name: string, value: string): void;
      children: Token[] | null;
    }
    interface StateInline {
      src: string;
      pos: number;
      posMax: number;
      push(type: string, tag: string, nesting: number): Token;
    }
    interface StateCore { tokens: Token[] }
    type InlineRule = (state: StateInline, silent: boolean) => boolean;
    type RenderRule = (tokens: Token[], index: number) => string;
    interface Options { html?: boolean; linkify?: boolean; typographer?: boolean }
  }
  class MarkdownIt {
    constructor(options?: MarkdownIt.Options);
    render(src: string): string;
    inline: { ruler: { before(name: string, ruleName: string, rule: MarkdownIt.InlineRule): void } };
    core: { ruler: { push(ruleName: string, rule: (state: MarkdownIt.StateCore) => void): void } };
    renderer: { rules: Record<string, MarkdownIt.RenderRule | undefined> };
    utils: { escapeHtml(s: string): string };
  }
  export = MarkdownIt;
}
