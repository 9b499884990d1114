/** The pane's page: its elements by id, the status line and the notes under it. Texts go in with textContent, never as HTML. */

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function setStatus(text: string, kind: 'info' | 'ok' | 'error' = 'info') {
  const status = $('status');
  status.textContent = text;
  status.className = `status ${kind === 'info' ? '' : kind}`.trim();
}

export function setNotes(lines: string[]) {
  const list = $('notes');
  list.replaceChildren(
    ...lines.map((line) => {
      const li = document.createElement('li');
      li.textContent = line;
      return li;
    }),
  );
}
