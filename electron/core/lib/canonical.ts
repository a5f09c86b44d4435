/**
 * Canonical JSON (keys sorted at every level, no whitespace; strings and
 * integers as JSON.stringify writes them): the bytes a bundle's signature
 * covers, and what a 签发 seal hashes (domain/meetings/seal.ts). Any language
 * can rebuild them from the parsed data.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}
