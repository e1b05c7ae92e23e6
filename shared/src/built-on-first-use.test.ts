import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtOnFirstUse } from './built-on-first-use.js';
import { CLAIM_FIELDS, claimFieldSchemas, sourceSchema, targetSchema } from './claim.js';

describe('a value built on first use', () => {
  it('is built once, when first used, and then stands in for the real object', () => {
    let builds = 0;
    const schema = builtOnFirstUse(() => {
      builds++;
      return z.object({ name: z.string().min(1) });
    });
    expect(builds).toBe(0);
    expect(schema.safeParse({ name: 'Ann' }).success).toBe(true);
    expect(schema.safeParse({ name: '' }).success).toBe(false);
    expect(schema.shape.name.safeParse('x').success).toBe(true);
    expect(schema instanceof z.ZodObject).toBe(true);
    expect(Object.keys(schema.shape)).toEqual(['name']);
    expect(builds).toBe(1);
  });

  it('can be composed into other schemas', () => {
    const wrapped = z.object({ target: targetSchema, sources: z.array(sourceSchema) });
    const target = { version: 1, quote: { exact: 'UN', prefix: '', suffix: '' }, position: { start: 0, end: 2 } };
    expect(wrapped.safeParse({ target, sources: [{ url: 'https://example.org', title: 'x' }] }).success).toBe(true);
    expect(wrapped.safeParse({ target, sources: [{ url: 'javascript:alert(1)', title: 'x' }] }).success).toBe(false);
  });

  it('lists the claim fields as the schemas define them', () => {
    expect([...CLAIM_FIELDS]).toEqual(Object.keys(claimFieldSchemas));
  });
});
