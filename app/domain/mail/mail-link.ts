// A page of TrainGate as a mail names it: absolute when PUBLIC_URL says where people reach the server,
// otherwise the path alone (a mail client cannot open it, but the reader knows where to look).
export function mailLink(path: string, publicUrl: string | undefined): string {
  if (!publicUrl) return path;
  return new URL(path.replace(/^\//, ""), `${publicUrl}/`).href;
}
