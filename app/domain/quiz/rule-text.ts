// Rule texts and questions may say "{company}": the companyName setting fills it in (B5's identity).
export function renderText(text: string, companyName: string): string {
  return text.replaceAll("{company}", companyName);
}
