import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Certificate, CertificateKeySet } from '@ruyu/contracts/certificate'
import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { certificateCommand } from '../../../cli/certificate.ts'
import { SYSTEM_ACTOR } from '../../../platform/audit.ts'
import { jwsFromText, readPdfSeal, verifyClaims, verifySeal } from '../index.ts'
import { fourCertificates, issue } from './factories.ts'

// Issue 10 §2: certificates could not be verified offline. What must hold: the public keys are published (JWKS,
// active and retired, never a private half); the QR code carries the signed claims so that the key set alone checks
// them; `ruyu certificate verify` checks a PDF or a payload against a saved key set; after a key rotation every
// older certificate still verifies. Issue 10 §1: /verify/<number> without the QR token said 数字签名核验通过.
let t: TestContext
let dir: string
let before: Certificate[]

const jwks = async (): Promise<CertificateKeySet> => (await t.anonymous().get('/api/public/certificates/keys')).json()

/** Runs the CLI command in-process, with this test database as "the installation". */
async function cli(sub: string, args: string[]) {
  const lines: string[] = []
  const code = await certificateCommand(sub, args, {
    localKeys: () => t.services.certificate.publicKeys(),
    rotate: () => t.services.certificate.rotateSigningKey(SYSTEM_ACTOR),
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  })
  return { code, text: lines.join('\n') }
}

async function pdfFile(c: Certificate, name: string) {
  const file = path.join(dir, name)
  fs.writeFileSync(file, await t.services.certificate.renderPdf(c.id))
  return file
}

beforeAll(async () => {
  t = await createTestContext()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruyu-cert-offline-'))
  before = (await issue(t, fourCertificates({ subjectId: 'offline-1' }))).certificates
})
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true })
  await t.close()
})

describe('published keys', () => {
  it('are a public JWKS (Ed25519, with key ids) at the API and at /.well-known/jwks.json, with no private half', async () => {
    const res = await t.anonymous().get('/api/public/certificates/keys')
    expect(res.statusCode).toBe(200)
    const set = res.json() as CertificateKeySet
    expect(set.keys.length).toBeGreaterThanOrEqual(1)
    const active = set.keys.filter((k) => k.status === 'active')
    expect(active).toHaveLength(1)
    expect(active[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', retiredAt: null })
    expect(active[0]!.x).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(res.body).not.toMatch(/private|PRIVATE|"d"/)
    const wellKnown = await t.anonymous().get('/.well-known/jwks.json')
    expect(wellKnown.statusCode).toBe(200)
    expect(wellKnown.json()).toEqual(set)
  })
})

describe('the QR code', () => {
  it('carries the verification URL and, after #, claims that the key set alone verifies', async () => {
    const c = before[0]!
    const qr = await t.services.certificate.qrText(c.id)
    expect(qr.startsWith(`${c.verifyUrl}#`)).toBe(true)
    const keys = await jwks()
    const r = verifyClaims(jwsFromText(qr), keys)
    expect(r).toMatchObject({
      ok: true,
      keyStatus: 'active',
      claims: { v: 1, number: c.number, kind: c.kind, holder: c.holderName, holderUscc: c.holderUscc },
    })
    // The same claims with another holder name: the signature no longer matches.
    const [h, p, s] = jwsFromText(qr).split('.')
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString('utf8'))
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, holder: '冒名公司' })).toString('base64url')}.${s}`
    expect(verifyClaims(forged, keys)).toMatchObject({ ok: false, reason: 'bad_signature' })
    expect(verifyClaims(jwsFromText(qr), { keys: [] })).toMatchObject({ ok: false, reason: 'unknown_key' })
    expect(verifyClaims('not.a.jws!', keys)).toMatchObject({ ok: false, reason: 'malformed' })
  })

  it('the verification API checks the QR payload in full; another certificate’s payload is INVALID', async () => {
    const [a, b] = before
    const anon = t.anonymous()
    const url = (n: string, c: string) =>
      `/api/public/certificates/verify?number=${encodeURIComponent(n)}&c=${encodeURIComponent(c)}`
    const own = jwsFromText(await t.services.certificate.qrText(a!.id))
    const ok = (await anon.get(url(a!.number, own))).json()
    expect(ok).toMatchObject({ status: 'VALID', checked: 'signature' })
    const other = jwsFromText(await t.services.certificate.qrText(b!.id))
    expect((await anon.get(url(a!.number, other))).json()).toEqual({ status: 'INVALID' })
  })
})

describe('verification without the QR token (issue 10 §1)', () => {
  it('says that only the registry record was found, never that the signature was checked', async () => {
    const c = before[1]!
    const anon = t.anonymous()
    const bare = (await anon.get(`/api/public/certificates/verify?number=${encodeURIComponent(c.number)}`)).json()
    expect(bare.status).toBe('VALID')
    expect(bare.checked).toBe('registry')
    const empty = (await anon.get(`/api/public/certificates/verify?number=${encodeURIComponent(c.number)}&s=`)).json()
    expect(empty.checked).toBe('registry')
    const token = new URL(c.verifyUrl).searchParams.get('s')!
    const signed = (
      await anon.get(`/api/public/certificates/verify?number=${encodeURIComponent(c.number)}&s=${token}`)
    ).json()
    expect(signed).toMatchObject({ status: 'VALID', checked: 'signature' })
  })
})

describe('ruyu certificate verify', () => {
  it('checks a PDF offline against a saved key set: the claims and the full signed data', async () => {
    const keysFile = path.join(dir, 'jwks.json')
    fs.writeFileSync(keysFile, JSON.stringify(await jwks()))
    const file = await pdfFile(before[2]!, 'permit.pdf')
    const seal = await readPdfSeal(fs.readFileSync(file))
    expect(seal?.keyId).toMatch(/^ed25519-/)
    expect(verifySeal(seal!, await jwks())).toMatchObject({ claims: { ok: true }, dataOk: true })
    const r = await cli('verify', [file, '--keys', keysFile])
    expect(r.code, r.text).toBe(0)
    expect(r.text).toContain('VALID')
    expect(r.text).toContain(before[2]!.number)
    expect(r.text).toContain('full data  signature verified')
  })

  it('refuses an altered payload, a PDF whose data was altered, and a key set without the signing key', async () => {
    const keysFile = path.join(dir, 'jwks-2.json')
    fs.writeFileSync(keysFile, JSON.stringify(await jwks()))
    const qr = await t.services.certificate.qrText(before[3]!.id)
    expect((await cli('verify', [qr, '--keys', keysFile])).code).toBe(0)
    const [h, , s] = jwsFromText(qr).split('.')
    const other = jwsFromText(await t.services.certificate.qrText(before[0]!.id)).split('.')[1]
    const r = await cli('verify', [`${h}.${other}.${s}`, '--keys', keysFile])
    expect(r.code).toBe(1)
    expect(r.text).toContain('INVALID')
    // The full data of a PDF changed while its QR claims stayed: the seal check catches it.
    const seal = (await readPdfSeal(await t.services.certificate.renderPdf(before[3]!.id)))!
    const altered = { ...seal, canonical: seal.canonical.replace(before[3]!.holderName, '冒名公司') }
    expect(verifySeal(altered, await jwks()).dataOk).toBe(false)
    const empty = path.join(dir, 'empty.json')
    fs.writeFileSync(empty, JSON.stringify({ keys: [] }))
    const unknown = await cli('verify', [qr, '--keys', empty])
    expect(unknown.code).toBe(1)
    expect(unknown.text).toContain('not in the key set')
  })
})

describe('key rotation', () => {
  it('keeps the certificates of the retired key verifiable, online and offline; new ones use the new key', async () => {
    const oldKid = (await jwks()).keys.find((k) => k.status === 'active')!.kid
    const r = await cli('rotate-key', [])
    expect(r.code).toBe(0)
    expect(r.text).toContain(`${oldKid} retired`)
    const after = (await issue(t, fourCertificates({ subjectId: 'offline-2' }))).certificates
    const keys = await jwks()
    expect(keys.keys.find((k) => k.kid === oldKid)).toMatchObject({ status: 'retired' })
    const newKid = keys.keys.find((k) => k.status === 'active')!.kid
    expect(newKid).not.toBe(oldKid)

    const oldQr = verifyClaims(jwsFromText(await t.services.certificate.qrText(before[0]!.id)), keys)
    expect(oldQr).toMatchObject({ ok: true, keyId: oldKid, keyStatus: 'retired' })
    const newQr = verifyClaims(jwsFromText(await t.services.certificate.qrText(after[0]!.id)), keys)
    expect(newQr).toMatchObject({ ok: true, keyId: newKid, keyStatus: 'active' })

    const keysFile = path.join(dir, 'jwks-rotated.json')
    fs.writeFileSync(keysFile, JSON.stringify(keys))
    expect((await cli('verify', [await pdfFile(before[1]!, 'old.pdf'), '--keys', keysFile])).code).toBe(0)
    expect((await cli('verify', [await pdfFile(after[1]!, 'new.pdf'), '--keys', keysFile])).code).toBe(0)
    const token = new URL(before[0]!.verifyUrl).searchParams.get('s')!
    expect(await t.services.certificate.verify(before[0]!.number, token)).toMatchObject({
      status: 'VALID',
      checked: 'signature',
    })
    const audit = await t.platform.db.pool.query(
      `select data from core_audit_log where action = 'certificate.key.rotate' order by seq desc limit 1`,
    )
    expect(audit.rows[0]?.data).toMatchObject({ retired: oldKid })
  })
})
