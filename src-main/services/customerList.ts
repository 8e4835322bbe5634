/**
 * The customers list of the app: a page at a time, by name, narrowed by a search that
 * matches the name, the id or an external id (what a clerk has at hand when a
 * customer calls: the name, or the id on the platform's usage export).
 */
import { compareText } from '../domain/collections';
import { isActiveIn } from '../domain/contract-period';
import { periodOfDate } from '../domain/dates';
import type { Customer } from '../domain/model';
import type { Store } from '../store/store';
import { resolveRunDate } from './runDate';

export interface CustomerListRequest {
  search: string;
  offset: number;
  limit: number;
}

export interface CustomerListRow extends Customer {
  /** The plans of the contracts active in the desk's current period. */
  active_plans: string[];
}

export function customerList(
  store: Store,
  request: CustomerListRequest,
): { total: number; offset: number; customers: CustomerListRow[] } {
  const data = store.read();
  const period = periodOfDate(resolveRunDate(data.settings));
  const needle = request.search.trim().toLowerCase();
  const matching = data.customers
    .filter(
      (customer) =>
        needle === '' ||
        [customer.name, customer.id, ...customer.external_ids].some((text) =>
          text.toLowerCase().includes(needle),
        ),
    )
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
  const page = matching.slice(request.offset, request.offset + request.limit);
  return {
    total: matching.length,
    offset: request.offset,
    customers: page.map((customer) => ({
      ...customer,
      active_plans: [
        ...new Set(
          data.contracts
            .filter((contract) => contract.customer === customer.id && isActiveIn(contract, period))
            .map((contract) => contract.plan),
        ),
      ],
    })),
  };
}
