import type certificate from './zh-CN'

const en: typeof certificate = {
  verify: {
    title: 'Certificate verification',
    subtitle: 'Muping District · Ruyu government services',
    number: 'Certificate number',
    numberLine: 'Certificate number: {{number}}',
    checking: 'Verifying…',
    checkedAt: 'Checked at {{time}}',
    status: {
      VALID: 'Valid',
      REGISTERED: 'Registered (signature not checked)',
      REVOKED: 'Revoked',
      NOT_FOUND: 'Not found',
      INVALID: 'Signature check failed',
    },
    explain: {
      VALID: 'Issued by {{issuer}}; the digital signature checks out and the certificate is genuine and in force.',
      REGISTERED:
        'The registry holds a certificate in force with this number, issued by {{issuer}}. Only the registry record was found; the digital signature on the certificate was not checked. Scan the QR code on the certificate, and compare the paper with the data below.',
      REVOKED: 'This certificate was revoked on {{date}} and is no longer in force.',
      NOT_FOUND:
        'No certificate has the number “{{number}}”. Check the number; if you scanned a QR code, the certificate may be forged.',
      INVALID:
        'The certificate data does not match its digital signature: it may be forged or altered. Do not rely on it; check with the issuing authority.',
    },
    revokeReason: 'Reason',
    revokeReasonLine: 'Reason: ',
    revokedAt: 'Revoked on',
    details: 'Certificate data',
    certificateTitle: 'Certificate',
    holder: 'Holder',
    uscc: 'Unified social credit code',
    issuer: 'Issued by',
    issuedAt: 'Issued on',
    division: 'Division',
    another: 'Verify another certificate',
    anotherPlaceholder: 'Certificate number',
    submit: 'Verify',
    help: 'This page checks the certificate number and the digital signature in the QR code on the certificate. Questions: Muping District Administrative Approval Service Bureau.',
  },
  keys: {
    title: 'Certificate signing keys',
    link: 'Signing keys',
    intro:
      'Certificates issued by this platform are protected by Ed25519 digital signatures. The QR code carries the signed data (a JWS, algorithm EdDSA), which can be checked against these public keys without a connection. After a key change the old public keys stay published, so earlier certificates still verify.',
    download: 'Download the key set (JWKS)',
    kid: 'Key id',
    status: 'Status',
    statuses: { active: 'In use', retired: 'Retired (still verifies)' },
    createdAt: 'In use since',
    retiredAt: 'Retired on',
    publicKey: 'Public key (x)',
    offlineTitle: 'Verifying offline',
    offline1: 'Download the key set (JWKS) to your phone or computer beforehand.',
    offline2:
      'Scan the QR code, take the signed data after “#” in the address, and check it with any JOSE tool, using the key whose id (kid) it names.',
    offline3: 'Administrators can also run: ruyu certificate verify certificate.pdf --keys jwks.json',
    offlineNote:
      'An offline check proves the certificate data has not been altered, but cannot tell whether it was revoked; check the verification page once online.',
    empty: 'No signing key yet (one is created with the first certificate).',
  },
  kinds: {
    real_estate: 'Real estate title certificate',
    land_use_planning: 'Construction land-use planning permit',
    construction_planning: 'Construction works planning permit',
    construction_permit: 'Building construction permit',
  },
  fields: {
    coOwnership: 'Co-ownership',
    location: 'Location',
    unitNumber: 'Real estate unit number',
    rightType: 'Type of right',
    rightNature: 'Nature of right',
    landUse: 'Use',
    landArea: 'Area',
    term: 'Term of use',
    otherInfo: 'Other particulars',
    projectName: 'Project',
    approvalDocNo: 'Land-use approval (authority and document)',
    constructionScale: 'Scale of construction',
    landAcquisition: 'How the land was acquired',
    attachments: 'Attached drawings and documents',
    contractPrice: 'Contract price',
    surveyUnit: 'Survey firm',
    designUnit: 'Design firm',
    contractor: 'Contractor',
    supervisor: 'Supervising engineer',
    contractPeriod: 'Contract period',
  },
}

export default en
