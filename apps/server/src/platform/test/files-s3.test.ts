import { signV4 } from '@ruyu/server/platform/files-s3'
import { describe, expect, it } from 'vitest'

// AWS's published Signature V4 examples for S3 (Amazon S3 API reference, "Signature Calculations for the
// Authorization Header: Transferring Payload in a Single Chunk", examples with the documented example keys).
const KEYS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  date: new Date('2013-05-24T00:00:00Z'),
}
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

describe('AWS Signature V4 (S3 adapter)', () => {
  it('GET Object example: signature as AWS documents it', () => {
    const h = signV4({
      ...KEYS,
      method: 'GET',
      path: '/test.txt',
      host: 'examplebucket.s3.amazonaws.com',
      headers: { Range: 'bytes=0-9' },
      payloadHash: EMPTY,
    })
    expect(h.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    )
  })

  it('PUT Object example: a path needing encoding and extra headers', () => {
    const h = signV4({
      ...KEYS,
      method: 'PUT',
      path: '/test$file.text',
      host: 'examplebucket.s3.amazonaws.com',
      headers: { date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      payloadHash: '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
    })
    expect(h.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, ' +
        'Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    )
  })

  it('GET Bucket lifecycle example: a query string', () => {
    const h = signV4({
      ...KEYS,
      method: 'GET',
      path: '/',
      query: { lifecycle: '' },
      host: 'examplebucket.s3.amazonaws.com',
      payloadHash: EMPTY,
    })
    expect(h.authorization).toMatch(/Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543$/)
  })
})
