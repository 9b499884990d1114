import {
  accentPalette,
  baseLayerLuminance,
  fillColor,
  fluentBadge,
  fluentButton,
  fluentProgressRing,
  PaletteRGB,
  provideFluentDesignSystem,
  StandardLuminance,
  SwatchRGB,
} from '@fluentui/web-components';
import type { Theme } from './host';

let registered = false;

/** Registers only the Fluent UI web components the tab uses (lean bundle): button, badge, progress ring. */
export function registerFluent(): void {
  if (registered) return;
  registered = true;
  provideFluentDesignSystem().register(fluentButton(), fluentBadge(), fluentProgressRing());
}

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return SwatchRGB.create(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
};

/** Teams' brand colour (default and dark themes) and the neutral layers Teams uses. */
const TEAMS = {
  default: { accent: '#5b5fc7', layer: '#f5f5f5', luminance: StandardLuminance.LightMode },
  dark: { accent: '#7f85f5', layer: '#292929', luminance: StandardLuminance.DarkMode },
  contrast: { accent: '#ffff01', layer: '#000000', luminance: StandardLuminance.DarkMode },
} as const;

/**
 * Applies a Teams theme: the page's own CSS reads html[data-theme]; the Fluent components read their
 * design tokens (base luminance, accent and neutral palettes) set on the document body.
 */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  const t = TEAMS[theme];
  const body = document.body;
  baseLayerLuminance.setValueFor(body, t.luminance);
  accentPalette.setValueFor(body, PaletteRGB.from(rgb(t.accent)));
  fillColor.setValueFor(body, rgb(t.layer));
}
