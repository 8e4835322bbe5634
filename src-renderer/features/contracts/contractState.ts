import type { Contract } from '../../../src-main/domain/model';

/** Where a contract stands on the desk's today, in words. */
export function contractState(contract: Contract, today: string): string {
  if (contract.start_date > today) return `Starts ${contract.start_date}`;
  if (contract.end_date !== null && contract.end_date <= today) return 'Ended';
  return 'Active';
}
