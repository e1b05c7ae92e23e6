import { describe, expect, it } from 'vitest';
import { downloadName, exportPath } from './exports.js';

describe('export downloads', () => {
  it('ask the export API for the chosen format and claims', () => {
    expect(exportPath('us-russia', { format: 'jsonld', include: 'all' })).toBe('/api/documents/us-russia/export?format=jsonld&include=all');
  });

  it('escape the document id in the address', () => {
    expect(exportPath('a/b?c', { format: 'csv', include: 'approved' })).toBe('/api/documents/a%2Fb%3Fc/export?format=csv&include=approved');
  });

  it("take the file name from the server's Content-Disposition", () => {
    expect(downloadName('attachment; filename="us-russia.html"', 'x.html')).toBe('us-russia.html');
    expect(downloadName('attachment; filename=plain.csv', 'x.csv')).toBe('plain.csv');
  });

  it('fall back to the given name, and never keep a path', () => {
    expect(downloadName(null, 'doc.csv')).toBe('doc.csv');
    expect(downloadName('attachment', 'doc.csv')).toBe('doc.csv');
    expect(downloadName('attachment; filename="../../etc/passwd"', 'doc.csv')).toBe('.._.._etc_passwd');
  });
});
