export { createGraphStore, DEFAULT_USER_AGENT, type GraphStoreOptions } from './graph-store';
export { createGraphAuthProvider, MsalTokenSource, type TokenSource } from './auth';
