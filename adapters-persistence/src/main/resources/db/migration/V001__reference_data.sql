-- Reference data schema (SPEC §12): the standalone gateway's own users, teams and resources.
-- A row with team_id null is its owner's personal row; a row with a team is visible to the
-- team's members. Keyset paging walks (owner_user_id | team_id, created_at, id); keyword search
-- uses the 'simple' text-search configuration over the expressions indexed below.

create table users (
    id           uuid primary key,
    handle       text not null unique,
    display_name text,
    deleted_at   timestamptz
);

create table teams (
    id   uuid primary key,
    name text not null unique
);

create table team_members (
    team_id uuid not null references teams (id) on delete cascade,
    user_id uuid not null references users (id) on delete cascade,
    primary key (team_id, user_id)
);

create index team_members_user_idx on team_members (user_id, team_id);

create table tasks (
    id            uuid primary key,
    owner_user_id uuid not null references users (id),
    team_id       uuid references teams (id),
    title         text not null,
    status        text not null default 'open',
    priority      integer not null default 0,
    due_at        timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create index tasks_owner_keyset_idx on tasks (owner_user_id, created_at, id);
create index tasks_team_keyset_idx on tasks (team_id, created_at, id) where team_id is not null;
create index tasks_search_idx on tasks using gin (to_tsvector('simple', title));

create table notes (
    id            uuid primary key,
    owner_user_id uuid not null references users (id),
    team_id       uuid references teams (id),
    title         text not null,
    body          text not null default '',
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create index notes_owner_keyset_idx on notes (owner_user_id, created_at, id);
create index notes_team_keyset_idx on notes (team_id, created_at, id) where team_id is not null;
create index notes_search_idx on notes using gin (to_tsvector('simple', title || ' ' || body));

create table memory (
    id            uuid primary key,
    owner_user_id uuid not null references users (id),
    team_id       uuid references teams (id),
    kind          text not null,
    content       text not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create index memory_owner_keyset_idx on memory (owner_user_id, created_at, id);
create index memory_team_keyset_idx on memory (team_id, created_at, id) where team_id is not null;
create index memory_search_idx on memory using gin (to_tsvector('simple', content));

-- Never served in this version (SPEC §5.2 step 4); kept so that scopes and checks can name them.
create table credentials (
    id            uuid primary key,
    owner_user_id uuid not null references users (id),
    team_id       uuid references teams (id),
    name          text not null,
    secret        text not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create index credentials_owner_keyset_idx on credentials (owner_user_id, created_at, id);
create index credentials_team_keyset_idx on credentials (team_id, created_at, id) where team_id is not null;

create table api_keys (
    id            uuid primary key,
    owner_user_id uuid not null references users (id),
    team_id       uuid references teams (id),
    name          text not null,
    secret        text not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create index api_keys_owner_keyset_idx on api_keys (owner_user_id, created_at, id);
create index api_keys_team_keyset_idx on api_keys (team_id, created_at, id) where team_id is not null;
