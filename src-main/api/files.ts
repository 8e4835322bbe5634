/**
 * Files the desk may read on the renderer's behalf. The renderer never sends a path:
 * a file enters through the main process's open dialog (desktop) or an upload
 * (browser mode), and the renderer gets an opaque id for it.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../domain/errors';
import type { ChosenFile } from './contract';

export class ChosenFiles {
  private readonly paths = new Map<string, string>();

  async add(path: string, name = basename(path)): Promise<ChosenFile> {
    const info = await stat(path);
    const file = randomUUID();
    this.paths.set(file, path);
    return { file, name, size: info.size };
  }

  path(file: string): string {
    const path = this.paths.get(file);
    if (path === undefined)
      throw new UserError('That file is no longer available; choose it again.');
    return path;
  }
}
