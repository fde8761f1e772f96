import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { type CertificateKeySet, CertificateKeySetSchema } from '@ruyu/contracts/certificate'
import { jwsFromText, readPdfSeal, verifyClaims, verifySeal } from '../modules/certificate/index.ts'

export const CERTIFICATE_USAGE = `  certificate verify FILE|PAYLOAD [--keys FILE|URL] [--json]
                                      check a certificate PDF, a scanned QR text or its signed payload offline
                                      against the published keys (a JWKS file saved from
                                      /api/public/certificates/keys; default: this installation's keys)
  certificate keys                    print the published signing keys (JWKS) to save for offline checks
  certificate rotate-key              retire the active signing key (it stays published) and make a new one`

export interface CertificateCliDeps {
  /** This installation's published keys (used when --keys is not given). */
  localKeys: () => Promise<CertificateKeySet>
  rotate: () => Promise<{ active: string; retired: string | null }>
  out?: (line: string) => void
  err?: (line: string) => void
}

async function loadKeys(source: string | undefined, deps: CertificateCliDeps): Promise<CertificateKeySet> {
  if (!source) return deps.localKeys()
  const text = /^https?:\/\//.test(source)
    ? await (await fetch(source, { signal: AbortSignal.timeout(10_000) })).text()
    : fs.readFileSync(source, 'utf8')
  return CertificateKeySetSchema.pick({ keys: true }).parse(JSON.parse(text)) as CertificateKeySet
}

const REASONS = {
  malformed: 'not a certificate payload (expected a compact JWS, alg EdDSA)',
  unknown_key: 'signed with a key that is not in the key set',
  bad_signature: 'the signature does not match the data: forged or altered',
} as const

/** `ruyu certificate …`: exit 0 when the certificate verifies, 1 when it does not, 2 on a usage error. */
export async function certificateCommand(sub: string | undefined, args: string[], deps: CertificateCliDeps) {
  const out = deps.out ?? ((l: string) => console.log(l))
  const err = deps.err ?? ((l: string) => console.error(l))
  if (sub === 'keys') {
    out(JSON.stringify(await deps.localKeys(), null, 2))
    return 0
  }
  if (sub === 'rotate-key') {
    const r = await deps.rotate()
    out(`new active signing key ${r.active}${r.retired ? `; ${r.retired} retired (still published)` : ''}`)
    return 0
  }
  if (sub !== 'verify') {
    err(CERTIFICATE_USAGE)
    return 2
  }
  const { values, positionals } = parseArgs({
    args,
    options: { keys: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
  })
  const input = positionals[0]
  if (!input) {
    err(CERTIFICATE_USAGE)
    return 2
  }
  const keys = await loadKeys(values.keys, deps)
  const bytes = fs.existsSync(input) ? fs.readFileSync(input) : null
  let result: ReturnType<typeof verifyClaims>
  let dataOk: boolean | null = null
  if (bytes && bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const seal = await readPdfSeal(bytes)
    if (!seal) {
      err('this PDF carries no certificate signature data')
      return 1
    }
    const full = verifySeal(seal, keys)
    result = full.claims
    dataOk = full.dataOk
  } else result = verifyClaims(jwsFromText(bytes ? bytes.toString('utf8') : input), keys)

  const ok = result.ok && dataOk !== false
  if (values.json) {
    out(JSON.stringify({ ...result, ok, ...(dataOk === null ? {} : { dataOk }) }, null, 2))
    return ok ? 0 : 1
  }
  if (!result.ok) {
    err(`INVALID: ${REASONS[result.reason]}${result.keyId ? ` (key ${result.keyId})` : ''}`)
    return 1
  }
  const c = result.claims
  out(`${ok ? 'VALID' : 'INVALID'}: signed by key ${result.keyId} (${result.keyStatus})`)
  out(`  number     ${c.number}`)
  out(`  kind       ${c.kind}`)
  out(`  holder     ${c.holder} (${c.holderUscc})`)
  out(`  issued     ${c.issuedAt} by ${c.issuer}, division ${c.divisionCode}`)
  if (dataOk !== null)
    out(dataOk ? '  full data  signature verified, matches the QR claims' : '  full data  DOES NOT MATCH its signature')
  out('  note       revocation cannot be seen offline: check the verification page when online')
  return ok ? 0 : 1
}
