import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './browser';

/**
 * One skip policy for tests that need a program of the machine (Debian's Chromium, LibreOffice): in CI
 * (`CI=true`) a missing program fails the suite loudly, so a green run never hides a skipped check; on a
 * developer's machine the tests are skipped and the reason says what to install.
 */
export type Tool = 'chromium' | 'libreoffice';

const INSTALL: Record<Tool, string> = {
  chromium: 'apt-get install -y chromium',
  libreoffice: 'apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-dejavu-core',
};

export const SOFFICE_PATH = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

export function hasTool(tool: Tool): boolean {
  return tool === 'chromium' ? existsSync(CHROMIUM_PATH) : SOFFICE_PATH !== undefined;
}

function missing(tool: Tool): string {
  return `${tool} is not installed (${INSTALL[tool]})`;
}

/** `describe` when the tool is there; otherwise a failing test in CI, a skipped suite that says why elsewhere. */
export function describeNeeding(tool: Tool): (name: string, body: () => void) => void {
  if (hasTool(tool)) return describe;
  if (process.env.CI)
    return (name) =>
      describe(name, () =>
        test(`needs ${tool}`, () => {
          throw new Error(`${missing(tool)}: CI must install it (.ci/run does)`);
        }),
      );
  return (name, body) => {
    console.warn(`Skipping "${name}": ${missing(tool)}`);
    describe.skip(name, body);
  };
}

/** `test` when the tool is there; otherwise failing in CI, skipped with the reason elsewhere. */
export function testNeeding(tool: Tool): (name: string, body: () => Promise<void>, timeout?: number) => void {
  if (hasTool(tool)) return (name, body, timeout) => test(name, body, timeout);
  if (process.env.CI)
    return (name) =>
      test(name, () => {
        throw new Error(`${missing(tool)}: CI must install it (.ci/run does)`);
      });
  return (name, body, timeout) => {
    console.warn(`Skipping "${name}": ${missing(tool)}`);
    test.skip(name, body, timeout);
  };
}
