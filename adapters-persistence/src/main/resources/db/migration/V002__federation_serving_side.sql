-- Serving side (B): peers, grants with their pinned client certificates, enrollment tokens and the
-- revoked list. Fingerprints and hashes are SHA-256 as 64 lowercase hex characters; tokens are
-- stored only as their hash. Certificate serial numbers are integers of up to 100 digits (RFC 5280
-- allows 20 octets, 49 digits; some CAs and fixtures use more).
-- Peers, grants and users are never deleted (users only marked deleted), so references to them
-- restrict; pins belong to their grant and go with it.

create table federation_peers (
    id         uuid primary key,
    name       text not null unique,
    status     text not null check (status in ('pending', 'active')),
    created_at timestamptz not null
);

create table federation_grants (
    id              uuid primary key,
    peer_id         uuid not null references federation_peers (id),
    subject_user_id uuid not null references users (id),
    scope           jsonb not null,
    status          text not null check (status in ('pending', 'active', 'revoked', 'expired')),
    created_at      timestamptz not null,
    expires_at      timestamptz,
    activated_at    timestamptz,
    revoked_at      timestamptz,
    revoke_reason   text,
    updated_at      timestamptz not null,
    check (expires_at is null or expires_at > created_at),
    check (status <> 'revoked' or revoked_at is not null)
);

create index federation_grants_peer_idx on federation_grants (peer_id, created_at, id);
create index federation_grants_subject_idx on federation_grants (subject_user_id, created_at, id);
create index federation_grants_created_idx on federation_grants (created_at, id);

-- At most two pins per grant (SPEC §4): the current certificate and the one it replaced at the
-- last renewal. The primary key allows one row per slot.
create table federation_pinned_certificates (
    grant_id      uuid not null references federation_grants (id) on delete cascade,
    slot          text not null check (slot in ('current', 'previous')),
    fingerprint   text not null,
    serial_number numeric(100, 0) not null,
    not_after     timestamptz not null,
    primary key (grant_id, slot),
    unique (grant_id, fingerprint)
);

create index federation_pinned_certificates_fingerprint_idx
    on federation_pinned_certificates (fingerprint);

-- Single use: claiming sets used_at only while it is null. The certificate issued for a claimed
-- token is kept so that a retry with the same public key gets it again.
create table federation_enrollment_tokens (
    token_hash                     text primary key,
    grant_id                       uuid not null references federation_grants (id),
    issued_at                      timestamptz not null,
    expires_at                     timestamptz not null,
    used_at                        timestamptz,
    used_public_key_fingerprint    text,
    issued_certificate_fingerprint text,
    issued_certificate_pem         text,
    issued_certificate_chain       text[],
    check (expires_at > issued_at),
    check ((used_at is null) = (used_public_key_fingerprint is null)),
    check ((issued_certificate_pem is null) = (issued_certificate_fingerprint is null)),
    check (issued_certificate_pem is null or used_at is not null)
);

create index federation_enrollment_tokens_grant_idx on federation_enrollment_tokens (grant_id);

create table federation_revoked_certificates (
    fingerprint   text primary key,
    serial_number numeric(100, 0) not null,
    grant_id      uuid not null references federation_grants (id),
    not_after     timestamptz not null,
    revoked_at    timestamptz not null,
    reason        text not null
);

create index federation_revoked_certificates_revoked_idx
    on federation_revoked_certificates (revoked_at, fingerprint);
create index federation_revoked_certificates_grant_idx on federation_revoked_certificates (grant_id);
