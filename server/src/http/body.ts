/**
 * Reading a JSON request body, bounded: a body past the limit is refused with 413 before
 * it is buffered, and malformed JSON is a 400 that says so rather than a crash.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../errors.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Past this much, an oversized body is not even drained: the connection is cut. */
const DRAIN_LIMIT_BYTES = 16 * BODY_LIMIT_BYTES;

function tooLarge(limit: number): ApiError {
  return new ApiError(413, `The request body is larger than ${Math.round(limit / 1024)} KiB.`);
}

/**
 * The parsed JSON body; an empty body reads as `{}`. An oversized body is read to its end
 * (discarded) before the 413, so the client is still listening when the answer comes.
 */
export function readJsonBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > DRAIN_LIMIT_BYTES) {
      reject(tooLarge(limit));
      req.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) req.destroy();
      else if (size <= limit) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('close', () => reject(new ApiError(400, 'The request body was cut off.')));
    req.on('end', () => {
      if (size > limit) return reject(tooLarge(limit));
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(new ApiError(400, `The request body is not valid JSON (${(error as Error).message}).`));
      }
    });
  });
}
