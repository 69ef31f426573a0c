import { createHash } from "node:crypto";
import { ApiError } from "../../http/errors.js";

/**
 * A statement file as uploaded: its bytes, kept in the chunks they arrived in (never joined
 * into one buffer, never written anywhere), their SHA-256, which is all the import keeps of the
 * file, and its name. Reading stops with 413 as soon as the body passes the limit.
 */
export type Upload = { fileName: string; chunks: Uint8Array[]; size: number; sha256: string };

/** The largest statement file an import reads. */
export const MAX_STATEMENT_BYTES = 50 * 1024 * 1024;

/** How large a piece of the file the parsers are fed at a time. */
const PIECE_BYTES = 64 * 1024;

export function tooLarge(): ApiError {
  return new ApiError(
    413,
    "payload_too_large",
    `The file is larger than ${MAX_STATEMENT_BYTES / (1024 * 1024)} MB. Export a shorter date range and import it in parts.`,
  );
}

export async function readUpload(
  body: ReadableStream<Uint8Array> | null,
  fileName: string,
  maxBytes = MAX_STATEMENT_BYTES,
): Promise<Upload> {
  const chunks: Uint8Array[] = [];
  const hash = createHash("sha256");
  let size = 0;
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      hash.update(value);
      chunks.push(value);
    }
  }
  if (size === 0) throw new ApiError(422, "statement_invalid", "The file is empty.", { problems: [] });
  return { fileName, chunks, size, sha256: hash.digest("hex") };
}

/** The file in pieces of at most 64 KB, as a stream would deliver them; can be read many times. */
export function* piecesOf(upload: Upload): Generator<Uint8Array> {
  for (const chunk of upload.chunks) {
    for (let start = 0; start < chunk.byteLength; start += PIECE_BYTES) {
      yield chunk.subarray(start, Math.min(chunk.byteLength, start + PIECE_BYTES));
    }
  }
}

/** The first `limit` bytes of the file, for format detection. */
export function headOf(upload: Upload, limit: number): Uint8Array {
  const out = new Uint8Array(Math.min(limit, upload.size));
  let at = 0;
  for (const chunk of upload.chunks) {
    if (at >= out.length) break;
    const part = chunk.subarray(0, out.length - at);
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** The whole file as one buffer (OFX, which is read as a tree, not streamed). */
export function bytesOf(upload: Upload): Uint8Array {
  return headOf(upload, upload.size);
}
