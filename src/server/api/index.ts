/** This folder's public face: what callers outside it may import (they import nothing else of it). */
export { apiErrorHandler, callerLanguage } from './http-errors';
export { routerOf } from './mount';
export { type ApiRoute } from './route';
export { apiRoutes } from './routes';
