/** Saves a fetched file as the browser's download, through an object URL released a minute later. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const save = document.createElement('a');
  save.href = url;
  save.download = fileName;
  save.hidden = true;
  document.body.append(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
