import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

// Certificate signing keys (Ed25519, node:crypto) and the master key that encrypts their private halves at rest.
//
// The master key comes from RUYU_MASTER_KEY (base64 of 32 random bytes: `openssl rand -base64 32`) or, when that is
// unset, from `<dataDir>/master.key`, generated once with mode 0600. Every API node that signs certificates must use
// the SAME master key (set RUYU_MASTER_KEY on all of them, or copy master.key): a node with another key cannot
// decrypt the signing key and refuses to issue. Verification needs only the public key, so it works on any node.
// Losing the master key loses the ability to sign with the existing key (certificates already issued still verify).

const MASTER_KEY_FILE = 'master.key'
const ENC_VERSION = 'v1'

/** Reads the installation's 32-byte master key (env first, then `<dataDir>/master.key`, created on first use). */
export function loadMasterKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env.RUYU_MASTER_KEY?.trim()
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64')
    if (key.length !== 32) throw new Error('RUYU_MASTER_KEY must be the base64 encoding of exactly 32 bytes')
    return key
  }
  const file = path.join(dataDir, MASTER_KEY_FILE)
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true })
    // Write a temporary file, then hard-link it into place: link() fails if another process won the race, and no
    // reader ever sees a half-written key.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
    fs.writeFileSync(tmp, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 })
    try {
      fs.linkSync(tmp, file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    } finally {
      fs.rmSync(tmp, { force: true })
    }
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')
  if (key.length !== 32) throw new Error(`${file} must hold the base64 encoding of exactly 32 bytes`)
  return key
}

/** AES-256-GCM with the key id as associated data (a ciphertext cannot be moved to another key row). */
export function encryptSecret(masterKey: Buffer, plaintext: string, aad: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv)
  cipher.setAAD(Buffer.from(aad))
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [ENC_VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join('.')
}

export function decryptSecret(masterKey: Buffer, sealed: string, aad: string): string {
  const [version, iv, tag, ct] = sealed.split('.')
  if (version !== ENC_VERSION || !iv || !tag || !ct) throw new Error('unknown encrypted-secret format')
  const decipher = createDecipheriv('aes-256-gcm', masterKey, Buffer.from(iv, 'base64'))
  decipher.setAAD(Buffer.from(aad))
  decipher.setAuthTag(Buffer.from(tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8')
}

export interface SigningKeyRow {
  keyId: string
  publicKeyPem: string
  privateKeyEnc: string
}

/** A new Ed25519 key pair; the key id is derived from the public key (sha256 of its SPKI encoding). */
export function generateSigningKey(masterKey: Buffer): SigningKeyRow {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const spki = publicKey.export({ type: 'spki', format: 'der' })
  const keyId = `ed25519-${createHash('sha256').update(spki).digest('hex').slice(0, 16)}`
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  return {
    keyId,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyEnc: encryptSecret(masterKey, privatePem, keyId),
  }
}

/** Decrypts a stored private key; a clear error when the master key is not the one that encrypted it. */
export function openPrivateKey(masterKey: Buffer, row: SigningKeyRow): KeyObject {
  let pem: string
  try {
    pem = decryptSecret(masterKey, row.privateKeyEnc, row.keyId)
  } catch {
    throw new Error(
      `certificate signing key ${row.keyId} cannot be decrypted: this node's master key (RUYU_MASTER_KEY or ` +
        `<dataDir>/${MASTER_KEY_FILE}) is not the one that created it; every node must share the same master key`,
    )
  }
  return createPrivateKey(pem)
}

/** Ed25519 signature of the canonical text, base64. */
export function signText(privateKey: KeyObject, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64')
}

/** True when `signature` (base64) is a valid Ed25519 signature of `text` under the PEM public key. */
export function verifyText(publicKeyPem: string, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}
