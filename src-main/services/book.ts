import { UserError } from '../domain/errors';
import type { ContractTerms } from '../domain/lines';
import type { Contract, Customer, Meter, Plan } from '../domain/model';
import { didYouMean } from '../domain/suggest';
import type { ReadonlyStoreData } from '../store/data';

/** The catalog of a store document indexed for billing: a contract's plan, customer and meters. */
export class Book {
  readonly meters: ReadonlyMap<string, Meter>;
  private readonly plans: ReadonlyMap<string, Plan>;
  private readonly customers: ReadonlyMap<string, Customer>;
  private readonly contracts: ReadonlyMap<string, Contract>;

  constructor(data: Pick<ReadonlyStoreData, 'meters' | 'plans' | 'customers' | 'contracts'>) {
    this.meters = new Map(data.meters.map((meter) => [meter.code, meter]));
    this.plans = new Map(data.plans.map((plan) => [plan.code, plan]));
    this.customers = new Map(data.customers.map((customer) => [customer.id, customer]));
    this.contracts = new Map(data.contracts.map((contract) => [contract.id, contract]));
  }

  contract(id: string): Contract {
    const contract = this.contracts.get(id);
    if (!contract) {
      throw new UserError(`There is no contract '${id}'.${didYouMean(id, this.contracts.keys())}`);
    }
    return contract;
  }

  customer(id: string): Customer {
    const customer = this.customers.get(id);
    if (!customer) throw new UserError(`There is no customer '${id}'.${this.customerHint(id)}`);
    return customer;
  }

  /** The desk's id when the platform's external id was given, else the nearest id. */
  private customerHint(id: string): string {
    for (const customer of this.customers.values()) {
      if (customer.external_ids.includes(id)) {
        return ` '${id}' is the platform's external id of customer '${customer.id}'; use '${customer.id}' here.`;
      }
    }
    return didYouMean(id, this.customers.keys());
  }

  terms(contract: Contract): ContractTerms {
    const plan = this.plans.get(contract.plan);
    if (!plan)
      throw new UserError(
        `Contract '${contract.id}' names plan '${contract.plan}', which does not exist.`,
      );
    return { contract, plan, meters: this.meters };
  }
}
