/** Name-based UUIDs (version 5, RFC 9562 §5.5): the same name in the same namespace always gives the same UUID, so ids derived from stable keys survive a rebuilt database. */
import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The version 5 UUID of `name` in `namespace` (itself a UUID): SHA-1 of the namespace's bytes then the name's UTF-8 bytes, with the version and variant bits set. */
export function uuidV5(name: string, namespace: string): string {
  if (!UUID.test(namespace)) throw new Error(`not a UUID namespace: ${namespace}`);
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** True for text in the 8-4-4-4-12 hexadecimal form of a UUID. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
