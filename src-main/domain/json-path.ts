/**
 * Where a problem is in a JSON document, as validation messages name it:
 * `plans[2].charges[0].tiers[1].up_to`, with keys that are not plain names quoted
 * (`reserved["gpu-hours"]`). One notation for the bundle and the store alike.
 */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `${text}[${JSON.stringify(name)}]`;
    return text === '' ? name : `${text}.${name}`;
  }, '');
}
