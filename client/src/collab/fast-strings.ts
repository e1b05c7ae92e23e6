/**
 * Short ASCII strings decoded in JavaScript rather than by TextDecoder. Yjs (through lib0)
 * decodes every string of an update with one `TextDecoder.decode` call; for the first sync of
 * an article with ten thousand claims that is hundreds of thousands of short strings (ids,
 * dates, names, field keys), and the per-call cost of the native decoder was the largest part
 * of applying it. ASCII bytes are valid UTF-8 and decode to the same characters, so the result
 * is the same; anything else still goes to the native decoder, with its checks.
 */
import { utf8TextDecoder } from 'lib0/string';

/** Longer than this, the native decoder is faster than a loop. */
const SHORT = 48;

function decodeShortAscii(bytes: Uint8Array): string | null {
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte > 0x7f) return null;
    text += String.fromCharCode(byte);
  }
  return text;
}

/** Installs the fast path on lib0's shared decoder (once; harmless to call again). */
export function decodeShortStringsFast(): void {
  const decoder = utf8TextDecoder as (TextDecoder & { fastShortStrings?: true }) | null;
  if (!decoder || decoder.fastShortStrings) return;
  const native = decoder.decode.bind(decoder);
  decoder.decode = (input?: AllowSharedBufferSource, options?: TextDecodeOptions) => {
    if (input instanceof Uint8Array && input.length <= SHORT && !options) {
      const text = decodeShortAscii(input);
      if (text !== null) return text;
    }
    return native(input, options);
  };
  decoder.fastShortStrings = true;
}
