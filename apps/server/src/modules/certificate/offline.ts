import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto'
import type { CertificateClaims, CertificateKey, CertificateKeySet } from '@ruyu/contracts/certificate'
import { type PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib'

// Offline verification: what a certificate carries so that anyone holding the published public keys (the JWKS)
// can check it without reaching the platform. The QR code carries a compact JWS (RFC 7515, alg EdDSA per RFC 8037)
// of the certificate's claims after the verification URL's '#'; the PDF also carries, in its document information,
// the full canonical data, its signature and the key id. Both are standard: any JOSE library verifies the JWS.

const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url')

/** The PEM public key as a JSON Web Key (OKP / Ed25519). */
export function publicJwk(k: {
  keyId: string
  publicKeyPem: string
  status: 'active' | 'retired'
  createdAt: Date
  retiredAt: Date | null
}): CertificateKey {
  const jwk = createPublicKey(k.publicKeyPem).export({ format: 'jwk' }) as { x: string }
  return {
    kty: 'OKP',
    crv: 'Ed25519',
    x: jwk.x,
    kid: k.keyId,
    alg: 'EdDSA',
    use: 'sig',
    status: k.status,
    createdAt: k.createdAt.toISOString(),
    retiredAt: k.retiredAt?.toISOString() ?? null,
    publicKeyPem: k.publicKeyPem,
  }
}

/** SHA-256 of the canonical data, base64url (the `dataSha256` claim). */
export const dataDigest = (canonical: string) => createHash('sha256').update(canonical, 'utf8').digest('base64url')

/** The compact JWS of a certificate's claims, signed with the key that signed the certificate (deterministic). */
export function signClaims(privateKey: KeyObject, keyId: string, claims: CertificateClaims): string {
  const input = `${b64u(JSON.stringify({ alg: 'EdDSA', kid: keyId }))}.${b64u(JSON.stringify(claims))}`
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`
}

export type OfflineResult =
  | { ok: true; keyId: string; keyStatus: 'active' | 'retired'; claims: CertificateClaims }
  | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature'; keyId?: string }

/** Extracts the JWS from a scanned QR text: the fragment of a verification URL, or the JWS itself. */
export function jwsFromText(text: string): string {
  const t = text.trim()
  const hash = t.indexOf('#')
  return hash >= 0 ? t.slice(hash + 1) : t
}

/** Verifies a compact JWS against a key set alone (no database, no network). */
export function verifyClaims(jws: string, keys: Pick<CertificateKeySet, 'keys'>): OfflineResult {
  const parts = jws.trim().split('.')
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return { ok: false, reason: 'malformed' }
  let header: { alg?: string; kid?: string }
  let claims: CertificateClaims
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'))
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (header.alg !== 'EdDSA' || typeof header.kid !== 'string' || typeof claims !== 'object' || !claims)
    return { ok: false, reason: 'malformed' }
  const key = keys.keys.find((k) => k.kid === header.kid && k.kty === 'OKP' && k.crv === 'Ed25519')
  if (!key) return { ok: false, reason: 'unknown_key', keyId: header.kid }
  let ok = false
  try {
    const pub = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.x }, format: 'jwk' })
    ok = verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), pub, Buffer.from(parts[2]!, 'base64url'))
  } catch {
    ok = false
  }
  if (!ok) return { ok: false, reason: 'bad_signature', keyId: header.kid }
  return { ok: true, keyId: header.kid, keyStatus: key.status, claims }
}

/** What the PDF carries for offline checks (document information entries). */
export interface PdfSeal {
  jws: string
  canonical: string
  signature: string
  keyId: string
}

// pdf-lib keeps the information dictionary accessor private; the dictionary itself is ordinary PDF.
const infoDict = (doc: PDFDocument) => (doc as unknown as { getInfoDict(): PDFDict }).getInfoDict()

const SEAL_KEYS = { jws: 'RuyuClaims', canonical: 'RuyuCanonical', signature: 'RuyuSignature', keyId: 'RuyuKeyId' }

/** Writes the seal into the PDF's document information dictionary. */
export function writePdfSeal(doc: PDFDocument, seal: PdfSeal) {
  const info = infoDict(doc)
  for (const [field, name] of Object.entries(SEAL_KEYS))
    info.set(PDFName.of(name), PDFHexString.fromText(seal[field as keyof PdfSeal]))
}

/** Reads the seal back from a certificate PDF; null when the file carries none. */
export async function readPdfSeal(bytes: Uint8Array): Promise<PdfSeal | null> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false })
  const info = infoDict(doc)
  const out: Partial<PdfSeal> = {}
  for (const [field, name] of Object.entries(SEAL_KEYS)) {
    const v = info.get(PDFName.of(name))
    if (!(v instanceof PDFHexString || v instanceof PDFString)) return null
    out[field as keyof PdfSeal] = v.decodeText()
  }
  return out as PdfSeal
}

export interface FullCheck {
  /** The JWS claims verify under a published key. */
  claims: OfflineResult
  /** The full canonical data verifies under the same key, and its digest is the one the claims name. */
  dataOk: boolean | null
}

/** Checks a PDF's seal: the JWS, and the full canonical data against the same key and the claims' digest. */
export function verifySeal(seal: PdfSeal, keys: Pick<CertificateKeySet, 'keys'>): FullCheck {
  const claims = verifyClaims(seal.jws, keys)
  if (!claims.ok) return { claims, dataOk: null }
  const key = keys.keys.find((k) => k.kid === seal.keyId)
  let dataOk = false
  try {
    dataOk =
      !!key &&
      seal.keyId === claims.keyId &&
      dataDigest(seal.canonical) === claims.claims.dataSha256 &&
      verify(
        null,
        Buffer.from(seal.canonical, 'utf8'),
        createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.x }, format: 'jwk' }),
        Buffer.from(seal.signature, 'base64'),
      )
  } catch {
    dataOk = false
  }
  return { claims, dataOk }
}
