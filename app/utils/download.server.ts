// Files the app hands out as downloads: always an attachment (a browser never renders them in the
// app's origin), never cached, with an ASCII file name for old clients and the real one for the rest.
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A workbook download; `name` may be in any language, `asciiName` is what clients without UTF-8 names see.
 * `body` is the file's bytes, or a stream of them (workbookStream) for the large exports.
 */
export function xlsxResponse(
  body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>,
  asciiName: string,
  name = asciiName,
): Response {
  return new Response(body, {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
