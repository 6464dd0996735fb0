/**
 * The Content-Disposition of a download whose file name is Chinese (RFC 6266 with RFC 5987 encoding): the
 * UTF-8 name as `filename*`, and an ASCII stand-in as `filename` for clients that ignore `filename*`.
 */

/** RFC 5987 percent-encoding of a UTF-8 value (only attr-char left as is). */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The header value for a file name; `asciiFallback` defaults to the name with non-ASCII characters replaced. */
export function contentDisposition(
  fileName: string,
  kind: "attachment" | "inline" = "attachment",
  asciiFallback: string = fileName,
): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName)}`;
}
