/**
 * The stylesheet inlined into the HTML export: readable on screen, printable on paper.
 * Verdicts are told by icon and words; colour and underline are only extra cues, and
 * print keeps the highlights (as underlines) and spells out where source links point.
 */
export const EXPORT_CSS = `
:root { color-scheme: light; }
body { font: 1.05rem/1.6 Georgia, 'Times New Roman', serif; color: #1f2328; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
header.export-header { border-bottom: 1px solid #d0d7de; margin-bottom: 1.5rem; }
.muted, .export-meta { color: #57606a; font-size: 0.9rem; }
.toc { border: 1px solid #d0d7de; padding: 0 1rem; margin: 1rem 0; }
p.turn { margin-left: 1rem; }
strong.speaker { font-family: system-ui, sans-serif; }
mark.claim { background: #fff3b0; color: inherit; border-bottom: 2px solid #9a6700; padding: 0 1px; }
mark.claim mark.claim { background: #ffe58a; border-bottom-style: double; }
mark.claim mark.claim mark.claim { background: #ffd33d; }
.claim-label { font: 600 0.7rem/1 system-ui, sans-serif; vertical-align: super; text-decoration: none; color: #0a3069; background: #ddf4ff; border: 1px solid #54aeff; border-radius: 3px; padding: 0 3px; margin: 0 2px; white-space: nowrap; }
.claim-label:focus-visible, a:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.claims-section { border-top: 2px solid #1f2328; margin-top: 3rem; }
ol.claims { list-style: none; padding: 0; }
.claim-entry { border: 1px solid #d0d7de; border-radius: 6px; padding: 0 1rem 0.5rem; margin: 1rem 0; break-inside: avoid; }
.claim-entry.unsigned { border-style: dashed; }
.claim-entry blockquote { margin: 0.5rem 0; padding-left: 0.75rem; border-left: 4px solid #d0d7de; font-style: italic; }
.claim-entry dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
.claim-entry dt { font-weight: 600; font-family: system-ui, sans-serif; }
.claim-entry dd { margin: 0; }
.claim-entry dd p { margin: 0 0 0.5rem; }
.status.not-signed-off { color: #9a6700; }
.not-found { color: #9a6700; font-style: italic; }
.verdict-true, .verdict-mostly-true { color: #116329; }
.verdict-mixed { color: #7d4e00; }
.verdict-mostly-false, .verdict-false { color: #a40e26; }
.verdict-unverifiable, .verdict-not-a-claim { color: #57606a; }
ol.history { padding-left: 1.25rem; margin: 0; font-size: 0.9rem; }
footer { margin-top: 2rem; color: #57606a; font-size: 0.85rem; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  mark.claim { background: none; border-bottom: 1.5px solid #000; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .claim-label { background: none; border: 1px solid #000; color: #000; }
  .claims-section { break-before: page; }
  .sources a::after { content: " <" attr(href) ">"; font-size: 0.8em; word-break: break-all; }
  a { color: #000; }
}
`;
