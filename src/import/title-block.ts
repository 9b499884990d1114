import { fold } from '../domain';
import type { Reason } from './classify';
import { clean } from './measure-text';

/**
 * What a report's title block says about the commune (pure): its name, whether it is a city (stad/ville) or a
 * municipality (gemeente/commune), the OCMW/CPAS as named, the region (the CDLD and "à développer" are Walloon)
 * and the budget year. Read from the title, the subtitle and the first paragraphs, whatever their style.
 */

export interface TitleBlock {
  municipality: string | null;
  bodyKind: 'municipality' | 'city';
  ocmwName: string | null;
  region: 'brussels' | 'wallonia';
}

/** A place name: capitalised words joined by hyphens or spaces ("Sint-Jans-Molenbeek", "Fontenoy-la-Roche", "Val-des-Saules"). */
const NAME = String.raw`(\p{Lu}[\p{L}'’]*(?:-[\p{L}'’]+)*(?:\s\p{Lu}[\p{L}'’]*(?:-[\p{L}'’]+)*)*)`;
const OCMW = new RegExp(String.raw`\b(?:OCMW|CPAS)\s+(?:van\s+|de\s+|d['’]\s*)(?:de\s+(?:stad|gemeente)\s+|la\s+(?:ville|commune)\s+de\s+)?${NAME}`, 'u');
const BODY = new RegExp(String.raw`\b(?:gemeente|stad|commune|ville)\s+(?:van\s+|de\s+|d['’]\s*)?${NAME}`, 'u');

/** "SINT-JANS-MOLENBEEK" → "Sint-Jans-Molenbeek"; a name typed in capitals in a capitals title. */
function nameCase(name: string): string {
  return name === name.toUpperCase() ? name.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (s) => s.toUpperCase()) : name;
}

/** A name cut where the title goes on ("Sint-Rembert – bijlage", "Valmont Bijlage"): place-name words only. */
function nameOf(match: string): string | null {
  const words = match.trim().split(/\s+/);
  const kept: string[] = [];
  for (const w of words) {
    if (kept.length && /^(EN|ET|VOOR|POUR|BIJ|AU|DU|DE|VAN|TUSSEN|ENTRE|BIJLAGE|ANNEXE)$/i.test(w)) break;
    kept.push(w);
  }
  const name = kept.join(' ').replace(/[.,;:]+$/, '');
  return name.length >= 2 ? nameCase(name) : null;
}

/** The words around a name in their usual case (a title typed in capitals hides which word is the name). */
function linkingWordsLower(text: string): string {
  return text
    .replace(/(?<![\p{L}-])(van|de|du|d['’]|en|et|la|le|het|gemeente|stad|commune|ville)(?![\p{L}-])/giu, (w) => w.toLowerCase())
    .replace(/\b(ocmw|cpas)\b/giu, (w) => w.toUpperCase());
}

export function readTitleBlock(texts: readonly string[], allText: string): TitleBlock {
  let municipality: string | null = null;
  let ocmwName: string | null = null;
  for (const raw of texts) {
    const t = linkingWordsLower(clean(raw));
    const ocmw = OCMW.exec(t);
    if (ocmw && !municipality) {
      municipality = nameOf(ocmw[1]);
      ocmwName = municipality ? ocmw[0].replace(ocmw[1], municipality).replace(/^(ocmw|cpas)/i, (s) => s.toUpperCase()) : null;
    }
    const body = BODY.exec(t);
    if (body && !municipality) municipality = nameOf(body[1]);
    if (municipality) break;
  }
  const front = fold(texts.join('\n'));
  const all = fold(allText);
  return {
    municipality,
    bodyKind: /\b(stad|ville)\b/.test(front) ? 'city' : 'municipality',
    ocmwName,
    region: /l\s?1122-11|democratie locale|synergies (existantes et )?a developper/.test(all) ? 'wallonia' : 'brussels',
  };
}

/** Budget year: "Bijlage bij de begroting 2023", "Annexe au budget 2023", "Exercice 2026", "Voor 2026 blijven we …". */
export function yearOf(texts: readonly string[]): { year: number | null; reason: Reason } {
  for (const t of texts) {
    const m = /\b(?:begroting|budget|begrotingsjaar|exercice)\s+(20\d\d)\b/i.exec(t) ?? /^(?:voor|pour|for|en)\s+(20\d\d)\b/i.exec(t.trim());
    if (m) return { year: Number(m[1]), reason: { code: 'text', detail: m[0] } };
  }
  return { year: null, reason: { code: 'none' } };
}
