import { z } from 'zod';

/**
 * Request bodies and query of the review API (zod at the edge). Strict objects: an unknown field
 * is a 400 naming it, so a typo (`identityID`) never silently becomes "no identity".
 */
const id = z.string().trim().min(1).max(100);
const reason = z.string().trim().min(3).max(1000);
const recordKey = z.string().trim().min(3).max(300);

export const resolveBody = z.strictObject({
  decision: z.enum(['link', 'new', 'not-the-same'], { message: 'field.decision' }),
  identityId: id.optional(),
  reason,
}).superRefine((b, ctx) => {
  if (b.decision === 'link' && !b.identityId) ctx.addIssue({ code: 'custom', path: ['identityId'], message: 'field.identityRequired' });
});
export type ResolveBody = z.output<typeof resolveBody>;

export const mergeBody = z.strictObject({ into: id, reason });
export type MergeBody = z.output<typeof mergeBody>;

export const splitBody = z.strictObject({ recordKeys: z.array(recordKey).min(1).max(500), reason, into: id.optional() });
export type SplitBody = z.output<typeof splitBody>;

export const taskQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** X-Purpose: why a person reads a child's data (audited). A ticket or case reference, not personal data. */
export const purposeHeader = z.string().trim().min(3).max(300);
