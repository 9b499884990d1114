/** This folder's public face: what callers outside it may import (they import nothing else of it). */
export { workerScript } from './worker-script';
