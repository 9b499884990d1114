/** What cards need to link into the register's tab. */
export interface LinkContext {
  teamsAppId: string;
  publicUrl: string;
}
