// A download's name from text people typed (a course title): characters that file systems refuse or
// that split a path become "_", so the saved file keeps the name the reader expects. Pure.
const UNSAFE = /[\\/:*?"<>|]/g;

export function safeFileName(text: string, max = 120): string {
  const printable = [...text].map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? "_" : c)).join("");
  return [...printable.replace(UNSAFE, "_").trim()].slice(0, max).join("") || "_";
}
