import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { checkMaterial, MAX_MATERIAL_BYTES } from "./material-rules";

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));
// A minimal Office file: the content types and the format's folder (a workbook names its workbook part).
const zip = (folder: string) =>
  zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    [`${folder}${folder === "xl/" ? "workbook" : "document"}.xml`]: strToU8("<root/>"),
  });

describe("course materials: extension and content must both be allowed and agree", () => {
  it.each([
    ["讲义.pdf", bytes("%PDF-1.7\n..."), "application/pdf"],
    ["课件.PPTX", zip("ppt/"), "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
    ["签到表.xlsx", zip("xl/"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["大纲.docx", zip("word/"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["教室.png", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), "image/png"],
    ["合影.jpg", bytes([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg"],
  ])("accepts %s", (name, content, mime) => {
    expect(checkMaterial(name, content)).toEqual({ ok: true, mime, fileName: name });
  });

  it.each([
    ["病毒.exe", bytes("MZ...."), "course.material.refusedType"],
    ["脚本.html", bytes("<html>"), "course.material.refusedType"],
    ["无扩展名", bytes("%PDF-"), "course.material.refusedType"],
    ["改名.pdf", bytes("MZ...."), "course.material.contentMismatch"],
    ["表格.docx", zip("xl/"), "course.material.contentMismatch"],
    ["图片.png", bytes([0xff, 0xd8, 0xff]), "course.material.contentMismatch"],
    ["截断.docx", zip("word/").subarray(0, 60), "course.material.damaged"],
    ["乱码.pptx", bytes([0x50, 0x4b, 0x03, 0x04], "....ppt/....[Content_Types].xml"), "course.material.damaged"],
    ["空.pdf", new Uint8Array(0), "course.material.empty"],
  ])("refuses %s", (name, content, error) => {
    expect(checkMaterial(name, content)).toEqual({ ok: false, error });
  });

  it("refuses a file over 10 MB, and keeps only the file's own name", () => {
    const big = new Uint8Array(MAX_MATERIAL_BYTES + 1);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(checkMaterial("大.pdf", big)).toEqual({ ok: false, error: "course.material.tooLarge" });
    expect(checkMaterial("C:\\Users\\clerk\\讲义.pdf", bytes("%PDF-1.4"))).toMatchObject({
      ok: true,
      fileName: "讲义.pdf",
    });
  });
});
