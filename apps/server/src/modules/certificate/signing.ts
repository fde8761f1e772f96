import type { KeyObject } from 'node:crypto'
import type { CertificateClaims, CertificateKeySet } from '@ruyu/contracts/certificate'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { Db } from '../../platform/db.ts'
import { generateSigningKey, loadMasterKey, openPrivateKey } from './keys.ts'
import { dataDigest, publicJwk, signClaims } from './offline.ts'
import { type CertificateRow, certificateRepo as repo } from './repo.ts'

/** The claims of a certificate's QR payload, from its stored row. */
export function claimsOf(
  row: Pick<
    CertificateRow,
    'number' | 'kind' | 'holderName' | 'holderUscc' | 'issuedAt' | 'divisionCode' | 'issuer' | 'canonical'
  >,
): CertificateClaims {
  return {
    v: 1,
    number: row.number,
    kind: row.kind,
    holder: row.holderName,
    holderUscc: row.holderUscc,
    issuedAt: row.issuedAt.toISOString(),
    divisionCode: row.divisionCode,
    issuer: row.issuer,
    dataSha256: dataDigest(row.canonical),
  }
}

/**
 * The signing keys of an installation: the active key (created on first use), private keys opened once per process,
 * the published key set and rotation. Only signing needs the master key; publishing and verifying never do.
 */
export function createSigning(db: Db, dataDir: string, env: NodeJS.ProcessEnv) {
  let masterKey: Buffer | undefined
  const privateKeys = new Map<string, KeyObject>()
  const master = () => {
    masterKey ??= loadMasterKey(dataDir, env)
    return masterKey
  }
  const open = (row: { keyId: string; publicKeyPem: string; privateKeyEnc: string }) => {
    let key = privateKeys.get(row.keyId)
    if (!key) {
      key = openPrivateKey(master(), row)
      privateKeys.set(row.keyId, key)
    }
    return key
  }

  return {
    /**
     * The active signing key, created on first use. It is created in its own short transaction touching only
     * certificate_signing_key, never in the caller's (which may hold the audit-head lock another issuer waits for).
     */
    async signer(): Promise<{ keyId: string; privateKey: KeyObject; created: boolean }> {
      let row = await repo.activeKey(db.pool)
      let created = false
      if (!row) {
        const fresh = generateSigningKey(master())
        created = await db.tx((tx) => repo.insertActiveKey(tx, fresh))
        row = await repo.activeKey(db.pool)
        if (!row) throw new Error('no active certificate signing key after creating one')
      }
      return { keyId: row.keyId, privateKey: open(row), created }
    },

    /** The QR payload of a certificate: stored at issuance; recomputed with its own key for older ones. */
    async claimsJwsOf(row: CertificateRow): Promise<string> {
      if (row.claimsJws) return row.claimsJws
      const key = await repo.keyById(db.pool, row.keyId)
      if (!key) throw new Error(`certificate signing key ${row.keyId} is missing`)
      return signClaims(open(key), row.keyId, claimsOf(row))
    },

    /** Every key ever used, as a JWKS (active and retired; never a private half). */
    async publicKeys(): Promise<CertificateKeySet> {
      return { keys: (await repo.allKeys(db.pool)).map(publicJwk) }
    },

    /**
     * Key rotation: the active key is retired (still published, so everything it signed keeps verifying) and a new
     * key becomes active for the certificates issued from now on. Audited.
     */
    async rotate(actor: Actor, opts: { requestId?: string; at?: Date } = {}) {
      const at = opts.at ?? new Date()
      const fresh = generateSigningKey(master())
      const retired = await db.tx(async (tx) => {
        const old = await repo.retireActiveKey(tx, at)
        if (!(await repo.insertActiveKey(tx, fresh))) throw new Error('another signing key became active meanwhile')
        await recordAudit(tx, {
          actor,
          action: 'certificate.key.rotate',
          resourceType: 'certificate_signing_key',
          resourceId: fresh.keyId,
          requestId: opts.requestId,
          data: { algorithm: 'ed25519', retired: old },
        })
        return old
      })
      return { active: fresh.keyId, retired }
    },
  }
}

export type Signing = ReturnType<typeof createSigning>
