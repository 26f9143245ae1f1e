// Share links (comparator contract): vergelijker/#p= + the profile JSON, UTF-8, base64url without
// padding. The fragment never reaches a server.

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
