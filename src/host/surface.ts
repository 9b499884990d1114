import type express from 'express';
import type { Register } from '../register';
import type { AppConfig } from './config';
import type { Logger } from './logger';
import type { RegisterPorts } from '../register';

/** What every surface (tab, bot, add-in) gets when the server mounts it. */
export interface SurfaceDeps {
  config: AppConfig;
  register: Register;
  logger: Logger;
}

/**
 * A surface adds its own routes to the one Express app; the JSON API's endpoints are the route table's
 * (src/server/api/routes.ts), never a surface's. `mountBeforeApi` runs before the API's auth and body parsing
 * (the bot endpoint authenticates with Bot Framework tokens, not Entra ID SSO).
 */
export interface Surface {
  name: string;
  mountBeforeApi?(app: express.Application, deps: SurfaceDeps): void | Promise<void>;
  /** Pages and static files (no API auth: pages authenticate their API calls themselves). */
  mountPages?(app: express.Application, deps: SurfaceDeps): void | Promise<void>;
  /** The register's ports this surface fills once mounted (the bot: poll cards, digests); the server plugs them in. */
  ports?(deps: SurfaceDeps): RegisterPorts | undefined;
  /** How often this surface needs the register's timetable to run (the server runs it at the shortest asked for). */
  timetableEveryMs?: number;
  /** Extra URLs printed at start-up, e.g. "Teams tab: http://localhost:3978/tab". */
  urls?(deps: SurfaceDeps): Record<string, string>;
  close?(): Promise<void>;
}
