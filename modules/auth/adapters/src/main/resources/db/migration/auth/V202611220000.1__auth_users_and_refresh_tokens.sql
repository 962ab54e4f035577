-- auth owns schema "auth": accounts and refresh-token families.
CREATE TABLE auth.app_user (
    id            uuid PRIMARY KEY,
    username      varchar(64) NOT NULL,
    password_hash varchar(255) NOT NULL,
    roles         varchar(64) NOT NULL,          -- comma-separated role names: customer,admin
    created_at    timestamptz NOT NULL,
    CONSTRAINT app_user_username_uq UNIQUE (username)
);

CREATE TABLE auth.refresh_token (
    id          uuid PRIMARY KEY,
    family_id   uuid NOT NULL,
    user_id     uuid NOT NULL REFERENCES auth.app_user (id) ON DELETE CASCADE,
    token_hash  varchar(64) NOT NULL,
    expires_at  timestamptz NOT NULL,
    state       varchar(16) NOT NULL CHECK (state IN ('ACTIVE', 'SPENT', 'REVOKED')),
    CONSTRAINT refresh_token_hash_uq UNIQUE (token_hash)
);
CREATE INDEX refresh_token_family_idx ON auth.refresh_token (family_id);
