export { hasMessage, type KeysOf, type MessageKey, namespaceTable, plural, scoped, translate, translateKey } from './catalogue';
export { type Language, LANGUAGES, type Params } from './types';
export { type CodedIssue, codeOfZodIssue, describeIssue, describeIssues, fieldLabel, reasonText } from './validation';
export { annexCompleteness } from './annex-completeness';
export { codeMessage, errorAnswer, errorMessage } from './errors';
export { wordedTemplateWarnings } from './template-warnings';
