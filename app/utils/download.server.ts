/** A workbook as a download: `asciiName` for old browsers, `name` (e.g. Chinese) for the others. */
export function xlsxResponse(bytes: Uint8Array<ArrayBuffer>, asciiName: string, name: string) {
  return new Response(bytes, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "no-store",
    },
  });
}
