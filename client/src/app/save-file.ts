/**
 * Saving a file the app made or fetched: the browser's own download, through a temporary
 * object URL and a link with `download`, so no page is opened and nothing is left behind.
 */

/** Starts the browser's download of `blob` under `filename`. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
