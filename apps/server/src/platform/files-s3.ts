import { createHash, createHmac } from 'node:crypto'

/** An S3-compatible bucket from `s3://ACCESS:SECRET@host:port/bucket?region=..&forcePathStyle=true&tls=false`. */
export interface S3Target {
  endpoint: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  forcePathStyle: boolean
}

export function parseS3Url(raw: string): S3Target {
  const u = new URL(raw)
  const q = u.searchParams
  const bucket = u.pathname.replace(/^\/+|\/+$/g, '')
  if (!bucket || !u.username || !u.password) throw new Error('FILES_URL: s3://ACCESS:SECRET@host[:port]/bucket')
  const tls = q.get('tls') ?? q.get('ssl')
  const scheme = tls === 'false' || tls === '0' ? 'http' : 'https'
  return {
    endpoint: `${scheme}://${u.host}`,
    bucket,
    region: q.get('region') ?? 'us-east-1',
    accessKeyId: decodeURIComponent(u.username),
    secretAccessKey: decodeURIComponent(u.password),
    forcePathStyle: (q.get('forcePathStyle') ?? 'true') !== 'false',
  }
}

const sha256hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()
// RFC 3986 unreserved characters stay; everything else is percent-encoded (S3 keeps '/' in paths).
const uriEncode = (s: string, keepSlash: boolean) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) => {
      const c = String.fromCharCode(b)
      if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) return c
      return `%${b.toString(16).toUpperCase().padStart(2, '0')}`
    })
    .join('')

export interface SignInput {
  method: string
  /** Absolute path, not yet encoded. */
  path: string
  query?: Record<string, string>
  host: string
  headers?: Record<string, string>
  payloadHash: string
  region: string
  service?: string
  accessKeyId: string
  secretAccessKey: string
  date: Date
}

/** AWS Signature Version 4 (header form): returns the headers to send, Authorization included. */
export function signV4(i: SignInput): Record<string, string> {
  const amzDate = i.date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
  const day = amzDate.slice(0, 8)
  const service = i.service ?? 's3'
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(i.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    host: i.host,
    'x-amz-content-sha256': i.payloadHash,
    'x-amz-date': amzDate,
  }
  const names = Object.keys(headers).sort()
  const canonicalHeaders = names.map((n) => `${n}:${headers[n]!.trim().replace(/\s+/g, ' ')}\n`).join('')
  const signedHeaders = names.join(';')
  const query = Object.entries(i.query ?? {})
    .map(([k, v]) => [uriEncode(k, false), uriEncode(v, false)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const canonical = [i.method, uriEncode(i.path, true), query, canonicalHeaders, signedHeaders, i.payloadHash].join(
    '\n',
  )
  const scope = `${day}/${i.region}/${service}/aws4_request`
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256hex(canonical)].join('\n')
  const key = hmac(hmac(hmac(hmac(`AWS4${i.secretAccessKey}`, day), i.region), service), 'aws4_request')
  const signature = createHmac('sha256', key).update(toSign).digest('hex')
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${i.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  }
}

/** PUT, GET and HEAD of objects over fetch, signed with SigV4. */
export function s3Client(t: S3Target) {
  const base = new URL(t.endpoint)
  const hostOf = () => (t.forcePathStyle ? base.host : `${t.bucket}.${base.host}`)
  const pathOf = (key: string) => (t.forcePathStyle ? `/${t.bucket}/${key}` : `/${key}`)
  async function send(method: string, key: string, body?: Buffer, headers: Record<string, string> = {}) {
    const path = pathOf(key)
    const signed = signV4({
      method,
      path,
      host: hostOf(),
      headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
      payloadHash: sha256hex(body ?? ''),
      region: t.region,
      accessKeyId: t.accessKeyId,
      secretAccessKey: t.secretAccessKey,
      date: new Date(),
    })
    const { host: _host, 'content-length': _len, ...sendHeaders } = signed
    return fetch(`${base.protocol}//${hostOf()}${uriEncode(path, true)}`, {
      method,
      headers: sendHeaders,
      body: body ? new Uint8Array(body) : undefined,
    })
  }
  const fail = async (what: string, res: Response) =>
    new Error(`S3 ${what} failed: ${res.status} ${(await res.text()).slice(0, 300)}`)
  return {
    async put(key: string, data: Buffer, contentType = 'application/octet-stream') {
      const res = await send('PUT', key, data, { 'content-type': contentType })
      if (!res.ok) throw await fail(`PUT ${key}`, res)
      await res.arrayBuffer()
    },
    async head(key: string): Promise<boolean> {
      const res = await send('HEAD', key)
      await res.arrayBuffer()
      if (res.status === 404) return false
      if (!res.ok) throw new Error(`S3 HEAD ${key} failed: ${res.status}`)
      return true
    },
    /** null when the object does not exist. */
    async get(key: string): Promise<Buffer | null> {
      const res = await send('GET', key)
      if (res.status === 404) {
        await res.arrayBuffer()
        return null
      }
      if (!res.ok) throw await fail(`GET ${key}`, res)
      return Buffer.from(await res.arrayBuffer())
    },
  }
}
