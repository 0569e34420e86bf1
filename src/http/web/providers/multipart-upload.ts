/** Accepting one uploaded document with a form: multipart parsing scoped to the routes that take uploads, cut off at the size limit. */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { MAX_DOCUMENT_BYTES, type UploadedFile } from '../../../domains/providers/document-type.rules.ts';

/** Reads the file part into memory, stopping at the limit and marking it truncated rather than failing the whole request. */
async function keepFile(part: MultipartFile): Promise<void> {
  const content = await part.toBuffer();
  const file: UploadedFile = { fileName: part.filename, content, truncated: part.file.truncated };
  (part as unknown as { value: UploadedFile }).value = file;
}

/** Registers multipart parsing in this scope only: one file of at most MAX_DOCUMENT_BYTES (+1 so oversize is detectable), fields into the body. */
export async function registerUploads(scope: FastifyInstance, maxBytes = MAX_DOCUMENT_BYTES): Promise<void> {
  await scope.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: maxBytes + 1, files: 1, fields: 40, fieldSize: 100_000, parts: 42 },
    onFile: keepFile,
  });
}

/** The uploaded file in a field, or undefined when none was chosen (browsers send an empty, nameless part). */
export function uploadedFileOf(body: unknown, name: string): UploadedFile | undefined {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (!value || typeof value !== 'object' || !('content' in value)) return undefined;
  const file = value as UploadedFile;
  return file.fileName || file.content.length ? file : undefined;
}
