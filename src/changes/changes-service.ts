import type { Register } from '../register';
import { type Changes, changesBetween } from './changes';

/** What changed between two report years, from the register's entries and their history. */
export class ChangesService {
  constructor(private readonly register: Register) {}

  async between(from: number, to: number): Promise<Changes> {
    const [entries, history] = await Promise.all([this.register.entries.list({}), this.register.store.history.list()]);
    return changesBetween(entries, from, to, history);
  }
}
