// Small DOM helpers for the comparator. Text always goes in as text nodes (never as HTML), so a
// name from a share link such as <img src=x onerror=alert(1)> is shown, not run.

const SVG = "http://www.w3.org/2000/svg";
let lastId = 0;

function build(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** el("p", {class: "x"}, "text", el("b", {}, "bold")): an element with attributes and children. */
export const el = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);

/** The same for SVG elements. */
export const svg = (tag, attrs, ...children) => build(document.createElementNS(SVG, tag), attrs, children);

/** A fresh id for label/aria references. */
export const uid = (prefix = "cmp") => `${prefix}-${++lastId}`;

import { english, say } from "./words.js";

// "€1,234.50" on the English edition (Irish English: the euro sign without a space).
const euros = new Intl.NumberFormat(english ? "en-IE" : "nl-NL", { style: "currency", currency: "EUR" });

/** "€ 1.234,50" (English: "€1,234.50"), or "onbekend" for null. */
export const euro = (amount) => (amount === null || amount === undefined ? say("onbekend") : euros.format(amount));

/** A number as the engine would print it, for data-* attributes: "1234.50". */
export const plain = (amount) => (amount === null || amount === undefined ? "" : Number(amount).toFixed(2));

/** A number as a Dutch user types it: 35.5 -> "35,5". */
export const typed = (value) => (value === undefined || value === null ? "" : String(value).replace(".", ","));
