/**
 * The bundle (../shared/spec/bundle.md): one JSON document holding a book of
 * business or part of one. Shape checks are zod's; the checks that need more than
 * one field or section (references, tier order, currencies) are in validate.ts.
 */
import { z } from 'zod';
import {
  contractSchema,
  creditSchema,
  customerSchema,
  meterSchema,
  paymentSchema,
  planSchema,
  settingsPatchSchema,
  uptimeSchema,
  usageEventSchema,
} from '../domain/model';
import { creditNoteSchema, invoiceSchema } from '../domain/invoice';

export const BUNDLE_FORMAT = 'nexus-billing/bundle@1';

export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT, { error: `must be "${BUNDLE_FORMAT}"` }),
  settings: settingsPatchSchema.optional(),
  meters: z.array(meterSchema).default([]),
  plans: z.array(planSchema).default([]),
  customers: z.array(customerSchema).default([]),
  contracts: z.array(contractSchema).default([]),
  credits: z.array(creditSchema).default([]),
  uptime: z.array(uptimeSchema).default([]),
  usage: z.array(usageEventSchema).default([]),
  payments: z.array(paymentSchema).default([]),
  /** Only `dump` writes these, and `load` accepts them only into an empty store (restore). */
  invoices: z.array(invoiceSchema).default([]),
  credit_notes: z.array(creditNoteSchema).default([]),
});
/**
 * Everything but `usage`, whose events are checked one at a time as they stream in
 * (bundle/load.ts), never held together.
 */
export const bundleSectionsSchema = bundleSchema.omit({ usage: true });
export type Bundle = z.infer<typeof bundleSectionsSchema>;
/** A bundle as written by hand: every section and default optional. */
export type BundleInput = z.input<typeof bundleSchema>;
