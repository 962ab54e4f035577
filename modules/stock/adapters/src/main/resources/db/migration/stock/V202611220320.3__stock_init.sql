-- Stock module: levels, reservations, ledger and idempotency keys. All in schema "stock";
-- no references to other schemas (the catalog tells us about products through StockAvailabilityApi).

create table stock.stock_level (
    product_id  bigint      primary key,
    total       integer     not null,
    reserved    integer     not null default 0,
    retired     boolean     not null default false,
    version     bigint      not null default 0,
    updated_at  timestamptz not null default now(),
    -- The invariant 0 <= reserved <= total, guarded by the database as a last line of defence.
    constraint stock_level_reserved_range check (reserved >= 0 and reserved <= total)
);

-- No foreign key to stock_level: every writer holds the stock row lock anyway, and the FK check
-- would add a lookup and a KEY SHARE lock per inserted row on the hot path. The audit checks it.
create table stock.reservation (
    id          uuid        primary key,
    product_id  bigint      not null,
    owner_id    varchar(64) not null,
    quantity    integer     not null check (quantity between 1 and 1000),
    status      varchar(16) not null check (status in ('HELD', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
    expires_at  timestamptz not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index reservation_held_expiry_idx on stock.reservation (expires_at) where status = 'HELD';
create index reservation_held_product_idx on stock.reservation (product_id) where status = 'HELD';
create index reservation_owner_idx on stock.reservation (owner_id, created_at desc);
create index reservation_created_idx on stock.reservation (created_at desc);

-- quantity: signed delta for ADJUST, the reservation's quantity (positive) for the other types.
create table stock.ledger_entry (
    id             bigint generated always as identity primary key,
    product_id     bigint       not null,
    type           varchar(16)  not null check (type in ('RESERVE', 'CONFIRM', 'RELEASE', 'EXPIRE', 'ADJUST')),
    quantity       integer      not null,
    reservation_id uuid,
    reason         varchar(500),
    created_at     timestamptz  not null
);
create index ledger_entry_product_idx on stock.ledger_entry (product_id, id);

-- (owner, key) -> the request it was first used with and the outcome it got. Written in the same
-- transaction as the reservation; the primary key makes concurrent repeats collapse to one.
-- outcome: 0 while the claiming transaction runs (never visible to others), then 201, 404 or 409.
create table stock.idempotency_key (
    owner_id        varchar(64)  not null,
    idem_key        varchar(128) not null,
    product_id      bigint       not null,
    quantity        integer      not null,
    outcome         integer      not null,
    reservation_id  uuid,
    created_at      timestamptz  not null,
    primary key (owner_id, idem_key)
);
create index idempotency_key_created_idx on stock.idempotency_key (created_at);
