/** Certificates: numbered, Ed25519-signed e-certificates (四证), PDF with QR code, public verification. */

/** Event names and payloads (certificate.batch.issued, certificate.certificate.revoked). */
export { type BatchIssuedPayload, CERTIFICATE_EVENTS, type CertificateRevokedPayload } from './events.ts'
/** Offline verification without a database: JWS claims and PDF seals checked against a published key set. */
export { jwsFromText, readPdfSeal, verifyClaims, verifySeal } from './offline.ts'
export { certificateRoutes, certificateWellKnownRoutes } from './routes.ts'
/**
 * Creates the certificate service. `issueBatch(tx, actor, batch)` issues a unified-issuance batch in the caller's
 * transaction (audited, outbox event certificate.batch.issued); `revoke`, `verify`, `renderPdf`, `list`, `get`.
 */
export { type CertificateDeps, type CertificateService, createCertificateService, type IssuedBatch } from './service.ts'
