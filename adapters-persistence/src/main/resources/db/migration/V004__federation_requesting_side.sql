-- Requesting side (A): links to grants held at remote gateways, their health as last observed, and
-- the bearer tokens of local users for the session API (stored as SHA-256 hex only). A link's
-- private key is stored sealed (AES-256-GCM); a raw read shows ciphertext only.

create table federation_links (
    id                      uuid primary key,
    local_user_id           uuid not null references users (id),
    peer_name               text not null,
    endpoint                text not null,
    grant_id                uuid not null,
    remote_subject_user_id  uuid not null,
    pinned_ca_fingerprint   text not null,
    certificate_pem         text not null,
    certificate_chain       text[] not null,
    certificate_fingerprint text not null,
    certificate_not_after   timestamptz not null,
    sealed_private_key      bytea not null,
    state                   text not null check (state in ('active', 'degraded', 'revoked')),
    state_reason            text,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    unique (local_user_id, peer_name)
);

-- One row per link, written by the running gateway and read by `mosaic federation status`.
create table federation_link_health (
    link_id             uuid primary key references federation_links (id) on delete cascade,
    last_success_at     timestamptz,
    last_failure_at     timestamptz,
    last_failure_reason text,
    clock_skew_ms       bigint,
    circuit_state       text not null default 'closed'
        check (circuit_state in ('closed', 'open', 'half_open')),
    rate_limited_until  timestamptz
);

create table federation_session_tokens (
    token_hash text primary key,
    user_id    uuid not null references users (id) on delete cascade,
    created_at timestamptz not null
);

create index federation_session_tokens_user_idx on federation_session_tokens (user_id);
