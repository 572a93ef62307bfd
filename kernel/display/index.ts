export { display, displayBundle, html, markdown, svg, png, json, DisplayHandle, setDisplaySink } from "./display";
export type { DisplayOptions, DisplaySink } from "./display";
export { mimeBundleOf, plainText, MIMEBUNDLE, JUPYTER_DISPLAY } from "./mime";
export type { MimeBundle, HasMimeBundle } from "./mime";
export { progress } from "./progress";
