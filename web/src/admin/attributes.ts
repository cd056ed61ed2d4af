export interface Attribute {
  name: string;
  value: string;
}

/** Attributes as an admin types them: one per line, "name: value" (the value may hold colons). */
export function parseAttributes(text: string): { attributes: Attribute[]; error?: string } {
  const attributes: Attribute[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).trim();
    const value = colon < 0 ? '' : line.slice(colon + 1).trim();
    if (!name || !value) return { attributes, error: `Line ${index + 1}: write each attribute as name: value.` };
    if (attributes.some((a) => a.name.toLowerCase() === name.toLowerCase()))
      return { attributes, error: `Line ${index + 1}: "${name}" is already given.` };
    attributes.push({ name, value });
  }
  return { attributes };
}

export const formatAttributes = (attributes: readonly Attribute[]) => attributes.map((a) => `${a.name}: ${a.value}`).join('\n');
