import { addinSurface } from '../../addin/surface';
import { botSurface } from '../../bot/surface';
import { legalSurface } from '../legal/surface';
import { tabSurface } from '../tab/surface';
import type { Surface } from '../host/surface';

export const defaultSurfaces: readonly Surface[] = [botSurface, tabSurface, addinSurface, legalSurface];
