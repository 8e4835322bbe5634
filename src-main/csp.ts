/**
 * The Content-Security-Policy of the app's pages, sent as a response header by both
 * the desktop window's protocol handler and the browser mode's server: scripts and
 * styles from the app's own files only (no inline code, nothing remote), no frames
 * of the app inside other sites, no form posting anywhere.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  // The invoice page previews and prints a PDF the page itself made (a blob: URL).
  'frame-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/**
 * The same policy for the page's <meta> tag, a second line of defence that also
 * holds where the page is opened without the header. Browsers ignore (and complain
 * about) frame-ancestors in a meta tag, so it is left to the header.
 */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter(
  (directive) => !directive.startsWith('frame-ancestors'),
).join('; ');

/** Headers every page and API answer of the app carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
