/**
 * Saves generated text as a file: a Blob, an object URL and a temporary `<a download>` in the
 * element's own shadow root. No network, no inline script, nothing left behind in the page.
 */
export function download(root: ShadowRoot | HTMLElement, filename: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
