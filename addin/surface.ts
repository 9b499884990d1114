import type { Surface } from '../src/server/surface';

/** The Word add-in: task pane under /addin and the .docx export. */
export const addinSurface: Surface = {
  name: 'addin',
};
