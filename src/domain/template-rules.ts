import type { AnnualReport } from './model';
import type { TemplateBlock } from './template';
import { DOMAIN_CODES, type DomainCode } from './vocabulary';

/** The template of a budget year: its own, else the latest earlier one, else the earliest later one. */
export function templateFor<T extends Pick<AnnualReport, 'budgetYear'>>(templates: readonly T[], year: number): T | undefined {
  const own = templates.find((t) => t.budgetYear === year);
  if (own) return own;
  const earlier = templates.filter((t) => t.budgetYear < year).sort((a, b) => b.budgetYear - a.budgetYear)[0];
  return earlier ?? [...templates].sort((a, b) => a.budgetYear - b.budgetYear)[0];
}

export interface TemplateWarning {
  code: 'domain_unplaced';
  /** index of the block in the template */
  block: number;
  domains: DomainCode[];
}

function covers(block: TemplateBlock, domain: DomainCode): boolean {
  const parent = domain.includes('.') ? domain.slice(0, domain.indexOf('.')) : undefined;
  return block.sections.some(
    (s) => s.gather.by === 'domain' && s.gather.scopes.includes('gemeente-ocmw') && (s.gather.domains.includes(domain) || (parent !== undefined && s.gather.domains.includes(parent as DomainCode))),
  );
}

/**
 * What a template leaves out, accepted with a warning: domains no section of a block gathers (for the
 * municipality–OCMW scope). Blocks without sections take everything; blocks that gather by department
 * or by list are not checked by domain.
 */
export function templateWarnings(template: Pick<AnnualReport, 'blocks'>): TemplateWarning[] {
  const warnings: TemplateWarning[] = [];
  template.blocks.forEach((block, i) => {
    if (!block.sections.length || block.sections.some((s) => s.gather.by !== 'domain')) return;
    const missing = DOMAIN_CODES.filter((d) => !covers(block, d));
    if (missing.length) warnings.push({ code: 'domain_unplaced', block: i, domains: missing });
  });
  return warnings;
}
