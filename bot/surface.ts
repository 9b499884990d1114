import type { Surface } from '../src/server/surface';

/** The Teams bot: /api/messages. */
export const botSurface: Surface = {
  name: 'bot',
};
