import { addinSurface } from '../../addin';
import { botSurface } from '../../bot';
import { legalSurface } from '../legal';
import { tabSurface } from '../tab';
import type { Surface } from '../host';

export const defaultSurfaces: readonly Surface[] = [botSurface, tabSurface, addinSurface, legalSurface];
