export { CATALOGUE, fill, hasMessage, type KeysOf, type MessageKey, namespaceTable, plural, scoped, translate, translateKey } from './catalogue';
export { languageOf, languageOrder } from '../domain/languages';
export { type Labelled, type Language, LANGUAGES, type Messages, type Params } from './types';
export { type CodedIssue, codeOfZodIssue, describeIssue, describeIssues, fieldLabel, type IssueCode, reasonText } from './validation';
