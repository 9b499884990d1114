/** This folder's public face: what callers outside it may import (they import nothing else of it). */
export { JobLimiter, TooManyJobsError } from './job-limiter';
export { writeRegisterWorkbook } from './register-workbook';
export { XlsxJobError } from './xlsx-worker';
