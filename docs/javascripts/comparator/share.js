// Share links (comparator contract): vergelijker/#p= + the profile JSON, UTF-8, base64url without
// padding. The fragment never reaches a server.

import { el, uid } from "./dom.js";
import { say } from "./words.js";

const PREFIX = "#p=";

/** The link to this page carrying `json`. */
export function shareLink(json) {
  const bytes = new TextEncoder().encode(json);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const code = btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
  const url = new URL(location.href);
  url.hash = "";
  return `${url.href}${PREFIX}${code}`;
}

/** The JSON text in a #p= fragment; null without one; throws an Error with a Dutch message when it does not decode. */
export function linkedJson(hash) {
  if (!hash.startsWith(PREFIX)) return null;
  const code = hash.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(code) || code.length % 4 === 1) {
    throw new Error("de link is geen geldige base64url-tekst (mogelijk afgebroken of aangepast)");
  }
  const binary = atob(code.replaceAll("-", "+").replaceAll("_", "/"));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    throw new Error("de link bevat geen geldige UTF-8-tekst");
  }
}

/** The address bar holds the current household (replaced, never pushed): reload, Back, a bookmark
 * and the browser's own Share give exactly what the visitor sees. */
export function showInAddressBar(link) {
  const hash = new URL(link).hash;
  if (location.hash !== hash) history.replaceState(history.state, "", hash);
  return hash;
}

/** "Delen of bewaren": the link to this comparison and a button that copies it. */
export class ShareBox {
  constructor() {
    const headingId = uid();
    const inputId = uid();
    this.input = el("input", { id: inputId, type: "text", readonly: true, class: "cmp-share-link", value: "" });
    this.status = el("p", { class: "cmp-hint", role: "status" });
    this.node = el(
      "section",
      { class: "cmp-share", "aria-labelledby": headingId },
      el("h2", { id: headingId }, say("Delen of bewaren")),
      el("p", {}, say("De link bevat uw hele invoer, in het deel na de #: dat deel wordt nooit naar een server gestuurd. Wie de link heeft, ziet uw gegevens.")),
      el("label", { for: inputId }, say("Link naar deze vergelijking")),
      this.input,
      el("button", { type: "button", class: "md-button md-button--primary", onclick: () => this.copy() }, say("Kopieer link")),
      this.status,
    );
  }

  /** Show the link for `json` here and in the address bar; the fragment written there. */
  set(json) {
    this.input.value = shareLink(json);
    return showInAddressBar(this.input.value);
  }

  async copy() {
    try {
      await navigator.clipboard.writeText(this.input.value);
      this.status.textContent = say("De link is gekopieerd.");
    } catch {
      this.input.select();
      this.status.textContent = say("Kopiëren lukte niet automatisch: de link is geselecteerd, kopieer hem zelf.");
    }
  }
}
