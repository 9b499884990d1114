import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/** Gives zod schemas `.openapi(…)` (names and descriptions for the OpenAPI document); imported before any use. */
extendZodWithOpenApi(z);
