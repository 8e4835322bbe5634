/**
 * The activity log: one entry per change to the book, so that a desk can answer
 * "who changed this and when". Entries are only ever appended (store/rules.ts).
 */
import { z } from 'zod';

/** Where a change came from: the command line or the desktop app. */
export const DOORS = ['cli', 'app'] as const;
export type Door = (typeof DOORS)[number];

export const activityEntrySchema = z.strictObject({
  /** `<YYYY-MM>/<n>`: the n-th change of that month. */
  id: z.string().min(1),
  /** ISO 8601 instant of the change, UTC. */
  at: z.string(),
  door: z.enum(DOORS),
  /** What was done, as `entity.verb`: `customer.add`, `invoice.finalize`… */
  action: z.string().min(1),
  /** The customer the change concerns, when one does. */
  customer: z.string().nullable(),
  /** The invoice's number (its id while a draft), when the change concerns one. */
  invoice: z.string().nullable(),
  /** The id of the entity changed (a plan code, a contract id, a credit id…). */
  subject: z.string(),
  /** One line a person reads in the log. */
  summary: z.string(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;
