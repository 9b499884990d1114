import type { AnnualReport } from '../domain';
import { LIFECYCLES, type Lifecycle } from '../domain';
import { templateWarnings } from '../domain';
import { DOMAINS, type DomainCode, labelOf } from '../domain';
import { translate } from './catalogue';
import type { Language } from './types';

/** One thing a template leaves out, with its sentence in the reader's language (the tab and the API say the same). */
export interface WordedTemplateWarning {
  code: 'domain_unplaced' | 'domain_unplaced_unless_listed' | 'lifecycle_missing';
  /** index of the part (block), for the domain warnings */
  block?: number;
  domains?: DomainCode[];
  lifecycle?: Lifecycle;
  message: string;
}

export function wordedTemplateWarnings(template: Pick<AnnualReport, 'blocks'>, language: Language): WordedTemplateWarning[] {
  const domains = (codes: readonly DomainCode[]) => codes.map((d) => labelOf(DOMAINS, d, language)).join(', ');
  const byDomain = templateWarnings(template).map((w): WordedTemplateWarning => {
    const params = { block: translate(language, 'tab.tpl.block', { n: String(w.block + 1) }), domains: domains(w.domains) };
    return { ...w, message: translate(language, w.code === 'domain_unplaced' ? 'tab.tpl.unplaced' : 'tab.tpl.unplacedUnlessListed', params) };
  });
  const lifecycles = LIFECYCLES.filter((lc) => !template.blocks.some((b) => b.lifecycles.includes(lc))).map((lifecycle): WordedTemplateWarning => ({
    code: 'lifecycle_missing',
    lifecycle,
    message: translate(language, 'tab.tpl.lifecycleMissing', { lifecycle: translate(language, `tab.tpl.lifecycle.${lifecycle}`) }),
  }));
  return [...byDomain, ...lifecycles];
}
