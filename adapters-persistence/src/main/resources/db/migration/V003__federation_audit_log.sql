-- One row per federated request and per lifecycle event (SPEC §7). No bodies, no tokens.
-- Rows older than 90 days move to federation_audit_log_cold, which has the same columns.

create table federation_audit_log (
    id               uuid primary key,
    occurred_at      timestamptz not null,
    request_id       uuid,
    trace_id         text,
    event            text not null,
    grant_id         uuid,
    peer_id          uuid,
    subject_user_id  uuid,
    cert_fingerprint text,
    resource         text,
    query_hash       text,
    outcome          text not null
        check (outcome in ('allowed', 'denied', 'rate_limited', 'not_found', 'invalid', 'error')),
    reason           text,
    status_code      integer,
    rows_out         bigint,
    bytes_out        bigint,
    latency_ms       bigint
);

create index federation_audit_log_occurred_idx on federation_audit_log (occurred_at, id);
create index federation_audit_log_grant_idx on federation_audit_log (grant_id, occurred_at, id);

-- Same columns in the same order (archiving moves rows with `insert … select *`), same checks and
-- indexes.
create table federation_audit_log_cold (like federation_audit_log including all);
