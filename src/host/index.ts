/** This folder's public face: what callers outside it may import (they import nothing else of it). */
export { ConfigError, assertServable, isLoopback, loadConfig, readEnvFiles, type AppConfig } from './config';
export { jsonForHtml } from './html';
export { consoleLogger, type Logger } from './logger';
export { repoRootFrom } from './paths';
export { currentDeadline, withRequestContext } from './request-context';
export { type Surface, type SurfaceDeps } from './surface';
