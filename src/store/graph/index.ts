export { createGraphStore, DEFAULT_USER_AGENT, type GraphStoreOptions } from './graph-store';
export { createGraphAuthProvider, MsalTokenSource, type TokenSource } from './auth';
export { createGraphClient } from './client';
export { fieldsOf, listSpecOf } from './columns';
export { waitTimedOut } from './deadline';
export { GraphApi, statusOf } from './graph-api';
