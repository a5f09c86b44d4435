/**
 * The installation's identity: an Ed25519 key pair made once, kept in the
 * settings table (never exported, never in the audit log). Bundles are signed
 * with it; a county confirms a village by the fingerprint of its public key,
 * read out by phone: 16 characters in four groups (ABCD-EFGH-JKLM-NPQR).
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../db/context';
import { settings } from '../db/schema';
import { auditEntry } from '../db/audit';

const KEY = 'identity';
/** Crockford's base32: no I, L, O, U, so it reads out cleanly. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface Identity {
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  fingerprint: string;
  createdAt: string;
}

/** SPKI DER of an Ed25519 key is a fixed 12-byte prefix and the raw 32 bytes. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
export const rawPublicKey = (k: KeyObject) =>
  (k.export({ format: 'der', type: 'spki' }) as Buffer).subarray(SPKI_PREFIX.length);
export const publicKeyFromRaw = (raw: Buffer) =>
  createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });

export function fingerprint(publicKeyBase64: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 16) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= 16) break;
  }
  return out.match(/.{4}/g)!.join('-');
}

interface Stored {
  publicKey: string;
  /** PKCS#8 DER, base64. */
  privateKey: string;
  createdAt: string;
}

async function stored(ctx: Ctx): Promise<Stored | null> {
  const rows = await ctx.db.select().from(settings).where(eq(settings.key, KEY)).limit(1);
  return rows[0] ? (JSON.parse(rows[0].value) as Stored) : null;
}

/** The identity, made on first use. */
export async function ensureIdentity(ctx: Ctx): Promise<Identity> {
  const have = await stored(ctx);
  if (have) return { publicKey: have.publicKey, fingerprint: fingerprint(have.publicKey), createdAt: have.createdAt };
  return ctx.conn.transaction(async () => {
    const again = await stored(ctx);
    if (again)
      return { publicKey: again.publicKey, fingerprint: fingerprint(again.publicKey), createdAt: again.createdAt };
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const now = ctx.now();
    const s: Stored = {
      publicKey: rawPublicKey(publicKey).toString('base64'),
      privateKey: (privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).toString('base64'),
      createdAt: now,
    };
    await ctx.db.insert(settings).values({ key: KEY, value: JSON.stringify(s), updatedAt: now, rev: 1 });
    // The audit names the public key only.
    await auditEntry(ctx, 'settings', KEY, 'create', {
      field: KEY,
      newValue: { fingerprint: fingerprint(s.publicKey) },
    });
    return { publicKey: s.publicKey, fingerprint: fingerprint(s.publicKey), createdAt: now };
  });
}

export async function signWithIdentity(ctx: Ctx, data: Buffer): Promise<{ publicKey: string; signature: string }> {
  await ensureIdentity(ctx);
  const s = (await stored(ctx))!;
  const key = createPrivateKey({ key: Buffer.from(s.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return { publicKey: s.publicKey, signature: sign(null, data, key).toString('base64') };
}

export function verifySignature(publicKeyBase64: string, data: Buffer, signatureBase64: string): boolean {
  try {
    const raw = Buffer.from(publicKeyBase64, 'base64');
    if (raw.length !== 32) return false;
    return verify(null, data, publicKeyFromRaw(raw), Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
