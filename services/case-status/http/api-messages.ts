import { AUTH_MESSAGES_EN, AUTH_MESSAGES_ES } from '../../platform/auth/messages';
import { CASE_MESSAGES_EN, CASE_MESSAGES_ES } from '../messages';

/**
 * The query API's error messages: the service's catalogue (../messages.ts) with the not-found
 * answers reworded for the API. "Unknown" and "not yours" are ONE answer (same status, code and
 * body, and no id echoed back), so a caller cannot tell whether a child or case it may not see
 * exists (docs/adr/0014, docs/security/README.md). HUB_SCOPE_REQUIRED comes from the platform.
 */
export const CASE_API_MESSAGES_ES = {
  ...CASE_MESSAGES_ES,
  HUB_SCOPE_REQUIRED: AUTH_MESSAGES_ES.HUB_SCOPE_REQUIRED!,
  CHILD_NOT_FOUND: 'No hay casos de ese identificador que su credencial pueda consultar.',
  CASE_NOT_FOUND: 'No hay un caso con ese identificador que su credencial pueda consultar.',
} as const;

export const CASE_API_MESSAGES_EN: Record<keyof typeof CASE_API_MESSAGES_ES, string> = {
  ...CASE_MESSAGES_EN,
  HUB_SCOPE_REQUIRED: AUTH_MESSAGES_EN.HUB_SCOPE_REQUIRED!,
  CHILD_NOT_FOUND: 'There are no cases under that id that your credential may read.',
  CASE_NOT_FOUND: 'There is no case with that id that your credential may read.',
};

export type CaseApiMessageCode = keyof typeof CASE_API_MESSAGES_ES;
