import { settingsSchema, type Settings, type SettingsPatch } from '../domain/model';

/** A bundle's settings are merged over the current ones; the seller (and its bank) and marketplace field by field. */
export function mergeSettings(current: Settings, patch: SettingsPatch | undefined): Settings {
  if (!patch) return current;
  const { seller, marketplace, ...rest } = patch;
  const defined = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined),
  );
  return settingsSchema.parse({
    ...current,
    ...defined,
    seller: { ...current.seller, ...seller, bank: { ...current.seller.bank, ...seller?.bank } },
    ...(marketplace === undefined
      ? {}
      : { marketplace: { ...current.marketplace, ...marketplace } }),
  });
}
