// Markdown cells and text/markdown outputs as HTML for an exported page: CommonMark (markdown-it)
// with raw HTML escaped, TeX kept as written in math spans ($…$, $$…$$: no math renderer is
// bundled, and markdown must not read `_` in x_i as emphasis), and nothing that would load from
// the network: a remote image becomes its description, a web link its text and address.
import MarkdownIt = require("markdown-it");

const REMOTE = /^\s*(https?:)?\/\//i;

/** $…$ and $$…$$ as one token each, so their TeX is shown as typed. */
const mathInline: MarkdownIt.InlineRule = (state, silent) => {
  const { src, pos } = state;
  if (src[pos] !== "$" || src[pos - 1] === "\\") return false;
  const display = src[pos + 1] === "$";
  const open = display ? 2 : 1;
  const close = src.indexOf(display ? "$$" : "$", pos + open);
  if (close < 0 || close === pos + open || close > state.posMax) return false;
  if (!silent) {
    const token = state.push(display ? "math_display" : "math_inline", "span", 0);
    token.content = src.slice(pos + open, close);
  }
  state.pos = close + open;
  return true;
};

/** Remote images and links lose their URL attribute (the page stays offline; the text stays). */
function offline(md: MarkdownIt) {
  md.core.ruler.push("offline_urls", (state) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type === "image" && REMOTE.test(token.attrGet("src") ?? "")) {
          token.type = "remote_image";
          token.markup = token.attrGet("src") ?? "";
        }
        if (token.type === "link_open" && REMOTE.test(token.attrGet("href") ?? "")) {
          token.type = "remote_link_open";
          token.markup = token.attrGet("href") ?? "";
        }
      }
    }
  });
}

function createRenderer(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.inline.ruler.before("escape", "math", mathInline);
  const esc = md.utils.escapeHtml;
  md.renderer.rules.math_inline = (tokens, i) => `<span class="math">${esc(tokens[i].content)}</span>`;
  md.renderer.rules.math_display = (tokens, i) => `<span class="math display">${esc(tokens[i].content)}</span>`;
  offline(md);
  md.renderer.rules.remote_image = (tokens, i) => {
    const alt = (tokens[i].children ?? []).map((t) => t.content).join("") || tokens[i].content;
    return `<span class="remote">[image: ${esc(alt)} — ${esc(tokens[i].markup)}, not included offline]</span>`;
  };
  md.renderer.rules.remote_link_open = () => `<span class="remote-link">`;
  md.renderer.rules.link_close = (tokens, i) => {
    // the matching opener: the nearest link opener before this closer
    for (let j = i - 1; j >= 0; j--) {
      if (tokens[j].type === "remote_link_open") return `</span> <span class="remote">(${esc(tokens[j].markup)})</span>`;
      if (tokens[j].type === "link_open") return "</a>";
    }
    return "</a>";
  };
  return md;
}

let renderer: MarkdownIt | undefined;

export function renderMarkdown(src: string): string {
  renderer ??= createRenderer();
  return renderer.render(src);
}
