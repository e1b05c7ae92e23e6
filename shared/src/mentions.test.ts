import { describe, expect, it } from 'vitest';
import { mentionedLogins } from './mentions.js';

describe('mentions in a comment', () => {
  it('finds each @login once, lower-cased, in order', () => {
    expect(mentionedLogins('@Rita can you check? cc @otto.k and @rita again')).toEqual(['rita', 'otto.k']);
  });

  it('drops the full stop that ends a sentence', () => {
    expect(mentionedLogins('Over to @anna.')).toEqual(['anna']);
  });

  it('does not read an e-mail address as a mention', () => {
    expect(mentionedLogins('write to desk@example.org')).toEqual([]);
  });

  it('ignores a lone @ and one-letter names', () => {
    expect(mentionedLogins('@ and @a')).toEqual([]);
  });
});
