export { createGraphStore, DEFAULT_GRAPH_BASE_URL, DEFAULT_USER_AGENT, type GraphStoreOptions } from './graph-store';
export { ConsentRequiredError, createGraphAuthProvider, MsalTokenSource, type TokenSource } from './auth';
