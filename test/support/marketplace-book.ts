/** A book with one contract on each marketplace, billed for October 2026. */
import type { BundleInput } from '../../src-main/bundle/schema';
import { bookOf, calls, contractOf, type PlanInput } from './scenario-books';

export const CLOUD_PLAN: PlanInput = {
  code: 'cloud',
  name: 'NEXUS-ENGINE Cloud',
  currency: 'USD',
  interval: 'month',
  base_fee: '500.00',
  charges: [
    {
      meter: 'api_calls',
      model: 'per_unit',
      unit_price: '0.001',
      included: '1000',
      marketplace_dimension: 'api_calls',
    },
    {
      meter: 'nodes',
      model: 'capacity',
      reserved_unit_price: '100.00',
      overage_unit_price: '150.00',
      marketplace_dimension: 'engine_nodes',
    },
    { meter: 'payments', model: 'percentage', rate: '1' },
  ],
};

const customer = (id: string) => ({
  id,
  name: id,
  external_ids: [`org_${id}`],
  currency: 'USD',
});

const onMarketplace = (
  id: string,
  channel: 'aws_marketplace' | 'azure_marketplace' | 'gcp_marketplace',
  account: string,
) =>
  contractOf({
    id,
    customer: id,
    plan: 'cloud',
    payment_method: 'marketplace',
    channel,
    marketplace_account: account,
    reserved: { nodes: '2' },
  });

const usage = (id: string, apiCalls: string, nodes: string) => [
  calls(apiCalls, '2026-10-05T00:00:00Z', { customer: `org_${id}` }),
  calls(nodes, '2026-10-06T00:00:00Z', { customer: `org_${id}`, meter: 'nodes' }),
];

export function marketplaceBook(extra: Partial<BundleInput> = {}): BundleInput {
  return bookOf({
    settings: {
      marketplace: {
        aws_product_code: 'prod-nexus1234',
        gcp_service_name: 'nexus-engine.endpoints.nexus-cloud.cloud.goog',
      },
    },
    plans: [CLOUD_PLAN],
    customers: [customer('aws-co'), customer('azure-co'), customer('gcp-co')],
    contracts: [
      onMarketplace('aws-co', 'aws_marketplace', '111122223333'),
      onMarketplace('azure-co', 'azure_marketplace', 'sub-5f2c-0001'),
      onMarketplace('gcp-co', 'gcp_marketplace', 'nexus-gcp-project-42'),
    ],
    usage: [
      ...usage('aws-co', '2500.5', '5'),
      ...usage('azure-co', '1200.25', '1'),
      ...usage('gcp-co', '999', '4.5'),
    ],
    ...extra,
  });
}

/** Many AWS customers, each reporting two dimensions. */
export function manyAwsCustomers(count: number): Partial<BundleInput> {
  const ids = Array.from({ length: count }, (_, n) => `aws-${String(n + 1).padStart(2, '0')}`);
  return {
    customers: ids.map(customer),
    contracts: ids.map((id, n) => onMarketplace(id, 'aws_marketplace', String(100000000000 + n))),
    usage: ids.flatMap((id, n) => usage(id, String(1001 + n), '3')),
  };
}
