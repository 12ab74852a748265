import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export class TokenDecryptionFailed extends Error {}

/**
 * AES-256-GCM with a key id: `keyId.iv.tag.ciphertext` (base64url parts). The first key encrypts; any listed
 * key decrypts, so keys rotate by prepending a new one and re-encrypting at the next token refresh.
 */
export class TokenCrypto {
  constructor(private readonly keys: EncryptionKey[]) {
    if (!keys.length) throw new Error('at least one token encryption key is required');
  }

  encrypt(plaintext: string): string {
    const { id, key } = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(id));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  decrypt(sealed: string): string {
    const [id, iv, tag, ciphertext] = sealed.split('.');
    const entry = this.keys.find((k) => k.id === id);
    if (!entry || !iv || !tag || ciphertext === undefined) throw new TokenDecryptionFailed('unknown token key or malformed token');
    try {
      const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(id!));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new TokenDecryptionFailed('token could not be decrypted');
    }
  }

  keyIdOf(sealed: string): string {
    return sealed.split('.')[0]!;
  }
}
