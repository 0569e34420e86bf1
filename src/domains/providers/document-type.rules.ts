/** Which uploaded documents the platform accepts: PDF, PNG or JPEG, judged by their first bytes, never by name or declared type. */

/** The largest document accepted, in bytes (10 MB); an operator may lower it, never the browser. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const ALLOWED_DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentType = (typeof ALLOWED_DOCUMENT_TYPES)[number];

const SIGNATURES: { type: DocumentType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The document type the content really is ("%PDF-", the PNG signature, a JPEG start-of-image marker), or undefined. */
export function sniffDocumentType(content: Uint8Array): DocumentType | undefined {
  return SIGNATURES.find(({ bytes }) => content.length >= bytes.length && bytes.every((byte, index) => content[index] === byte))?.type;
}

/** "10 MB" for a byte limit, as the error message shows it. */
export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A file name safe to put in a Content-Disposition header and to show: no path, no control or quote characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\w .()-]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  return cleaned || 'document';
}

export interface UploadedFile {
  fileName: string;
  content: Uint8Array;
  /** True when the upload went past the size limit and was cut short. */
  truncated: boolean;
}

/** Why an upload is refused, as the message shown next to the file field; undefined when it is acceptable. */
export function uploadRefusal(file: UploadedFile, maxBytes = MAX_DOCUMENT_BYTES): string | undefined {
  if (file.truncated || file.content.length > maxBytes) return `The file must be smaller than ${describeSize(maxBytes)}`;
  if (file.content.length === 0) return 'The selected file is empty';
  if (!sniffDocumentType(file.content)) return 'The file must be a PDF, PNG or JPEG';
  return undefined;
}
