/**
 * Golden files: the exports of the seed article with the fixture claims, byte for byte. A
 * change to an exporter shows up here as a diff to read; when it is intended, regenerate
 * with `UPDATE_GOLDEN=1 npx vitest run shared/src/export/golden.test.ts` and review the files.
 * Also: the HTML passes html-validate's recommended rules.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { importPlainText } from '../import/plain-text.js';
import { seedInput } from './fixtures.js';
import { exportHtml } from './html.js';
import { exportCsv } from './csv.js';
import { exportWebAnnotations } from './web-annotations.js';

const seed = readFileSync(new URL('../../../seeds/us-russia-un-resolution.txt', import.meta.url), 'utf8');
const input = seedInput(importPlainText(seed));
const generatedAt = new Date('2026-11-25T12:00:00Z');

const outputs: Record<string, string> = {
  'seed-all.html': exportHtml(input, { include: 'all', generatedAt }),
  'seed-approved.html': exportHtml(input, { include: 'approved', generatedAt }),
  'seed.csv': exportCsv(input),
  'seed.jsonld': exportWebAnnotations(input),
};

describe('the exports of the seed article with the fixture claims', () => {
  it.each(Object.keys(outputs))('%s matches its golden file', (name) => {
    const file = new URL(`./golden/${name}`, import.meta.url);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, outputs[name]);
    expect(outputs[name]).toBe(readFileSync(file, 'utf8'));
  });

  it.each(['seed-all.html', 'seed-approved.html'])('%s is valid HTML by html-validate', async (name) => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      // The <title> is the article's own headline, whatever its length; the 70-character rule is an SEO preference.
      rules: { 'long-title': 'off' },
    });
    const report = await validator.validateString(outputs[name]);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
  });
});
