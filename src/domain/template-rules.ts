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
  /** domain_unplaced_unless_listed: the block also gathers by department or list, which may still take some of them */
  code: 'domain_unplaced' | 'domain_unplaced_unless_listed';
  /** index of the block in the template */
  block: number;
  domains: DomainCode[];
}

function covers(block: TemplateBlock, domain: DomainCode): boolean {
  const parent = domain.includes('.') ? domain.slice(0, domain.indexOf('.')) : undefined;
  return block.sections.some(
    (s) =>
      s.gather.by === 'domain' &&
      s.gather.scopes.includes('gemeente-ocmw') &&
      (s.gather.domains.includes(domain) || (parent !== undefined && s.gather.domains.includes(parent as DomainCode))),
  );
}

/**
 * What a template leaves out, accepted with a warning: domains no section of a block gathers (for the
 * municipality–OCMW scope). Blocks without sections take everything. In a block that also gathers by
 * department or by list, those sections may still take measures of such a domain: the warning says so.
 */
export function templateWarnings(template: Pick<AnnualReport, 'blocks'>): TemplateWarning[] {
  const warnings: TemplateWarning[] = [];
  template.blocks.forEach((block, i) => {
    if (!block.sections.length) return;
    const missing = DOMAIN_CODES.filter((d) => !covers(block, d));
    if (!missing.length) return;
    const listed = block.sections.some((s) => s.gather.by !== 'domain');
    warnings.push({ code: listed ? 'domain_unplaced_unless_listed' : 'domain_unplaced', block: i, domains: missing });
  });
  return warnings;
}
