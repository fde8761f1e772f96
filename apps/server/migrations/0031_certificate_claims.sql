-- The signed claims a certificate's QR code carries (compact JWS, EdDSA), written at issuance with the key that
-- signed the certificate, so offline verification needs only the published public keys. Certificates issued before
-- this column existed get theirs computed on render (Ed25519 is deterministic: the same bytes every time).
alter table certificate_certificate add column claims_jws text;
