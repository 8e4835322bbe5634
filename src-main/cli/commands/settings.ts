import { currentSettings, settingPatch, updateSettings } from '../../services/settings';
import { defineCommand, printResult, stringOption, UsageError } from '../command';
import { fieldLines, readEntityFile } from './book-entity';

const ACTIONS = ['show', 'set'];

export const settingsCommand = defineCommand({
  name: 'settings',
  summary:
    'Show the settings, or set one (set KEY VALUE, e.g. set seller.name "Acme Ltd") or several from a JSON file (set --file X.json), checked as load checks a bundle.',
  options: {
    file: {
      type: 'string',
      value: 'X.json',
      description: 'a JSON object of the settings to change (as in a bundle)',
    },
  },
  args: [
    { name: 'ACTION', required: false },
    { name: 'KEY', required: false },
    { name: 'VALUE', required: false },
  ],
  async run(ctx, options, [action = 'show', key, value]) {
    if (!ACTIONS.includes(action)) {
      throw new UsageError(`'${action}' is not an action; use show or set.`);
    }
    const store = await ctx.store();
    if (action === 'show') {
      if (key !== undefined) throw new UsageError(`unexpected argument '${key}'.`);
      const settings = currentSettings(store);
      printResult(ctx, settings, () =>
        fieldLines({
          ...settings,
          seller: { ...settings.seller, logo: settings.seller.logo === null ? null : '(an image)' },
        }),
      );
      return;
    }
    const file = stringOption(options, 'file');
    if ((file === undefined) === (key === undefined)) {
      throw new UsageError('give either KEY VALUE or --file X.json to set.');
    }
    if (key !== undefined && value === undefined)
      throw new UsageError(`missing the VALUE of ${key}.`);
    const patch =
      file === undefined ? settingPatch(key ?? '', value ?? '') : readEntityFile(ctx, file);
    const settings = await updateSettings(store, patch);
    printResult(ctx, settings, () => `Saved the settings${key ? ` (${key})` : ` from ${file}`}.\n`);
  },
});
