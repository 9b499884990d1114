/** What can go wrong, as keys the task pane translates. */
export type AddinErrorCode =
  | 'no_annex'
  | 'already_present'
  | 'requirement_missing'
  | 'register_unreachable'
  | 'office_absent'
  | 'invalid_options'
  // signing in (tenant mode): Office SSO failures by getAccessToken error code, and the API refusing the token
  | 'sso_outside_word'
  | 'sso_not_signed_in'
  | 'sso_cancelled'
  | 'sso_account'
  | 'sso_configuration'
  | 'sso_client_error'
  | 'sso_busy'
  | 'sso_browser_zones'
  | 'sso_unsupported'
  | 'sso_failed'
  | 'sign_in_refused'
  | 'no_role';

export class AddinError extends Error {
  constructor(
    readonly code: AddinErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AddinError';
  }
}

/** Documents the clerk changed in a way Insert or Refresh will not follow on its own: each has a safe action in the pane. */
export type DocumentErrorCode =
  | 'cursor_in_annex'
  | 'annex_frame_missing'
  | 'annex_in_table'
  | 'several_annexes'
  | 'annex_in_annex'
  | 'duplicate_parts'
  | 'parts_unreadable'
  | 'part_changed'
  | 'part_gone';

/** Parts of the annex an error is about, for the pane to list with a link that selects each. */
export interface ErrorPart {
  controlId: number;
  label: string;
}

/** Nothing was written when this is thrown. */
export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
    readonly details: { count?: number; parts?: ErrorPart[] } = {},
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** WordApi 1.3 brings insertTable with values, styleBuiltIn, headerRowCount, getRange and the OrNullObject reads. */
export const REQUIRED_SET = { name: 'WordApi', version: '1.3' } as const;
/** WordApi 1.4 brings Document.changeTrackingMode and getReviewedText. */
export const TRACKING_SET = { name: 'WordApi', version: '1.4' } as const;

export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export function assertRequirements(requirements: RequirementChecker | undefined): void {
  if (!requirements?.isSetSupported(REQUIRED_SET.name, REQUIRED_SET.version)) {
    throw new AddinError('requirement_missing', `This version of Word lacks ${REQUIRED_SET.name} ${REQUIRED_SET.version}`);
  }
}

/** What this Word can do beyond the required set. */
export interface WordCapabilities {
  /** read and set the change-tracking mode, and read a part's text with tracked changes accepted */
  tracking: boolean;
}

export function capabilitiesOf(requirements: RequirementChecker | undefined): WordCapabilities {
  return { tracking: Boolean(requirements?.isSetSupported(TRACKING_SET.name, TRACKING_SET.version)) };
}
