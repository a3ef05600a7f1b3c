/** Saves a blob as a file through a temporary object URL (no downloads permission needed). */
function save(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves `text` as a file. */
export function downloadText(name: string, text: string, type: string): void {
  save(name, new Blob([text], { type }));
}

/** Saves bytes (a zip) as a file. */
export function downloadBytes(name: string, bytes: Uint8Array<ArrayBuffer>, type: string): void {
  save(name, new Blob([bytes], { type }));
}
