/** What can have changed about a measure between two report years, in the order the tab and the annex list them. */
export type ChangeKind = 'added' | 'stopped' | 'status' | 'text';
export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'stopped', 'status', 'text'];
