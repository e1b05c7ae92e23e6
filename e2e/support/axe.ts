/**
 * Accessibility checks with axe-core, run inside the page as a browser extension would run
 * them. The app's policy only allows scripts from 'self', so pages checked here come from a
 * context opened with `bypassCSP` (see browser.ts).
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** One rule axe found broken, with the elements that break it. */
export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary: string }[];
}

/** Runs axe on the page as it is now (optionally only inside `include`) and returns its violations. */
export async function findViolations(page: Page, include?: string): Promise<Violation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.addScriptTag({ content: axe.source });
  return page.evaluate(async (context) => {
    const injected = (window as unknown as { axe: typeof axe }).axe;
    const results = await injected.run(context ? { include: [context] } : document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, failureSummary: n.failureSummary ?? '' })),
    }));
  }, include ?? null);
}

/** The violations as a readable list for an assertion message; "none" when there are none. */
export function formatViolations(violations: Violation[]): string {
  if (violations.length === 0) return 'none';
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    at ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    …and ${v.nodes.length - 5} more` : '';
      return `- [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}
