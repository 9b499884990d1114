/** What cards need to link into the register's tab. */
export interface LinkContext {
  teamsAppId: string;
  publicUrl: string;
  /**
   * Whether the people reading the cards are in Teams (the bot has its Bot Framework credentials): links
   * then open the register's personal tab in Teams; otherwise (Agents Playground, local mode) the local
   * tab in the browser.
   */
  inTeams: boolean;
}
