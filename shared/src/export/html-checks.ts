/**
 * Test helpers that read exported HTML without a browser: a tokenizer, a tag-stack check
 * that every element is closed in proper nesting, the attributes of every tag, and the
 * text each claim's marks cover. Deliberately small and strict; used by the tests only.
 */

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style']);

export type Token =
  | { kind: 'open'; name: string; attrs: Record<string, string>; raw: string }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Decodes the five entities the exporter writes. */
export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]);
}

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const pattern = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Splits HTML into tags and text; throws on a "<" that starts no tag (it should have been escaped). */
export function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) {
      tokens.push({ kind: 'text', text: html.slice(at) });
      break;
    }
    if (lt > at) tokens.push({ kind: 'text', text: html.slice(at, lt) });
    if (html.startsWith('<!DOCTYPE', lt)) {
      at = html.indexOf('>', lt) + 1;
      continue;
    }
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(html.slice(lt));
    if (!tag) throw new Error(`A "<" that starts no tag at ${lt}: ${html.slice(lt, lt + 40)}`);
    const name = tag[2].toLowerCase();
    at = lt + tag[0].length;
    if (tag[1]) {
      tokens.push({ kind: 'close', name });
      continue;
    }
    tokens.push({ kind: 'open', name, attrs: parseAttrs(tag[3]), raw: tag[0] });
    if (RAW_TEXT.has(name)) {
      const end = html.indexOf(`</${name}>`, at);
      if (end < 0) throw new Error(`<${name}> is never closed`);
      tokens.push({ kind: 'text', text: html.slice(at, end) }, { kind: 'close', name });
      at = end + name.length + 3;
    }
  }
  return tokens;
}

/** Throws unless every non-void element is closed, in proper nesting. */
export function checkNesting(html: string): void {
  const stack: string[] = [];
  for (const token of tokenize(html)) {
    if (token.kind === 'open' && !VOID.has(token.name)) stack.push(token.name);
    if (token.kind === 'close') {
      const top = stack.pop();
      if (top !== token.name) throw new Error(`</${token.name}> closes <${top ?? 'nothing'}> (open: ${stack.join(' > ')})`);
    }
  }
  if (stack.length > 0) throw new Error(`Never closed: ${stack.join(' > ')}`);
}

/** The text inside each claim's marks (labels left out), by claim number. */
export function markedText(html: string): Map<number, string> {
  const texts = new Map<number, string>();
  const stack: { name: string; claim?: number; label?: boolean }[] = [];
  for (const token of tokenize(html)) {
    if (token.kind === 'open' && !VOID.has(token.name)) {
      const claim = token.name === 'mark' && token.attrs['data-claim'] ? Number(token.attrs['data-claim']) : undefined;
      stack.push({ name: token.name, claim, label: token.attrs.class === 'claim-label' });
    } else if (token.kind === 'close') stack.pop();
    else if (token.kind === 'text' && !stack.some((e) => e.label)) {
      for (const n of new Set(stack.flatMap((e) => (e.claim === undefined ? [] : [e.claim])))) {
        texts.set(n, (texts.get(n) ?? '') + decodeEntities(token.text));
      }
    }
  }
  return texts;
}

/** Every opening tag with its attributes. */
export function openTags(html: string): Extract<Token, { kind: 'open' }>[] {
  return tokenize(html).filter((t): t is Extract<Token, { kind: 'open' }> => t.kind === 'open');
}
