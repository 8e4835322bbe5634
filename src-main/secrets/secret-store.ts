/**
 * Where the SMTP password is kept: never in the book, a bundle, a dump or a backup.
 * The desktop app keeps it encrypted by the OS keychain (Electron's `safeStorage`) in
 * a file of the app's own folder (userData, not the data folder, so copying or backing
 * up a book never carries it); the CLI and the browser mode read NEXUS_SMTP_PASSWORD.
 * Nothing here loads Electron: the shell hands its `safeStorage` in as a StringCipher.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError } from '../domain/errors';

export const PASSWORD_VARIABLE = 'NEXUS_SMTP_PASSWORD';

export type SecretPlace = 'keychain' | 'environment';

export interface SecretStore {
  /** Where the password lives, for the Settings screen to say. */
  readonly place: SecretPlace;
  smtpPassword(): Promise<string | undefined>;
  /** Keeps the password; an empty one forgets it. */
  setSmtpPassword(password: string): Promise<void>;
}

/** What the screen is told: never the password itself. */
export interface SecretStatus {
  place: SecretPlace;
  smtp_password_set: boolean;
}

export async function secretStatus(secrets: SecretStore): Promise<SecretStatus> {
  const password = await secrets.smtpPassword();
  return { place: secrets.place, smtp_password_set: password !== undefined && password !== '' };
}

/** The CLI's and the browser mode's: the environment, read-only. */
export class EnvironmentSecrets implements SecretStore {
  readonly place = 'environment';

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  smtpPassword(): Promise<string | undefined> {
    return Promise.resolve(this.env[PASSWORD_VARIABLE]);
  }

  setSmtpPassword(): Promise<void> {
    return Promise.reject(
      new UserError(
        `Without the desktop app there is no keychain to keep the SMTP password in: set ${PASSWORD_VARIABLE} in the environment of nexus-billing instead.`,
      ),
    );
  }
}

/** The part of Electron's `safeStorage` the desk uses. */
export interface StringCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** The desktop app's: the password encrypted by the OS keychain, in `file`. */
export class EncryptedFileSecrets implements SecretStore {
  readonly place = 'keychain';

  constructor(
    private readonly file: string,
    private readonly cipher: StringCipher,
  ) {}

  async smtpPassword(): Promise<string | undefined> {
    let encrypted: Buffer;
    try {
      encrypted = await readFile(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    this.requireKeychain();
    try {
      return this.cipher.decryptString(encrypted);
    } catch {
      throw new UserError(
        'The saved SMTP password cannot be decrypted by this account’s keychain; enter it again in Settings.',
      );
    }
  }

  async setSmtpPassword(password: string): Promise<void> {
    if (password === '') {
      await rm(this.file, { force: true });
      return;
    }
    this.requireKeychain();
    const encrypted = this.cipher.encryptString(password);
    await mkdir(dirname(this.file), { recursive: true });
    // Whole or not at all: a crash leaves the old password, never half of the new one.
    const temp = join(dirname(this.file), `.secret-${randomBytes(6).toString('hex')}.tmp`);
    await writeFile(temp, encrypted, { mode: 0o600 });
    await rename(temp, this.file);
  }

  private requireKeychain(): void {
    if (!this.cipher.isEncryptionAvailable()) {
      throw new UserError(
        `The OS keychain is not available, so the SMTP password cannot be kept safely; set ${PASSWORD_VARIABLE} in the environment instead.`,
      );
    }
  }
}
