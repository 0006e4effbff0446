-- The daily published head is signed (Ed25519), so a copy held outside Zhifa can be checked
-- against the agency's public key (R-REC-4 "e-signature based digital record chains").
ALTER TABLE zf_record_published_head ADD COLUMN signature VARCHAR(200);
ALTER TABLE zf_record_published_head ADD COLUMN key_id VARCHAR(64);

-- The signing key when none is configured (zhifa.record.signing-key): created once, shared by all nodes.
CREATE TABLE zf_record_signing_key (
    key_id       VARCHAR(64)   PRIMARY KEY,
    algorithm    VARCHAR(20)   NOT NULL,
    public_key   VARCHAR(400)  NOT NULL,     -- X.509, base64
    private_key  VARCHAR(400)  NOT NULL,     -- PKCS#8, base64
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
