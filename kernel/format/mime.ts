// MIME types in output bundles: which are MIME types at all, and which hold JSON values.

const TOKEN = "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*";
const MIME = new RegExp(`^${TOKEN}/${TOKEN}(\\s*;\\s*[^;\\s=]+=[^;]*)*$`);

/** "type/subtype", optionally with parameters ("text/plain; charset=utf-8"). */
export function isMimeType(s: string): boolean {
  return MIME.test(s);
}

/** application/json and every type ending in +json hold JSON values; every other type holds a string. */
export function isJsonMime(mime: string): boolean {
  const essence = mime.split(";")[0].trim().toLowerCase();
  return essence === "application/json" || essence.endsWith("+json");
}
