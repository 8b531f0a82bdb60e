// Canonical JSON, so the same record always hashes the same, on any laptop and in any version of Node:
// - objects: keys sorted by UTF-16 code units (as RFC 8785 / JCS does), members with value undefined left out;
// - arrays: in their order (the record loader orders rows by primary key);
// - strings: JSON.stringify's escaping (as JCS), no Unicode normalisation (the stored text is the record);
// - numbers: integers only (our record has no fractions), as JSON.stringify writes them; anything else
//   (NaN, Infinity, fractions, bigint, binary) is refused rather than guessed;
// - no whitespace; UTF-8 when hashed.
// Pure: no node:*.

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value)) throw new TypeError(`canonical JSON: not a safe integer: ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      if (ArrayBuffer.isView(value)) throw new TypeError('canonical JSON: binary data must be hashed first');
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON: cannot encode ${typeof value}`);
  }
}
