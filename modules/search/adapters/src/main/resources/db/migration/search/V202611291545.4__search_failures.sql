-- Price search misses and failures (search module only): written in batches off the request path by
-- JdbcSearchFailureLog, purged after shopcore.search.price.failure-log.retention. docs/modules/search.md.
CREATE TABLE search.search_failures (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the query text as searched (trimmed, at most 200 characters)
    query       text        NOT NULL,
    -- fast (own catalog), slow (external sources) or none (the whole search)
    path        text        NOT NULL CHECK (path IN ('fast', 'slow', 'none')),
    -- miss, not_found, unavailable, failed, or a source failure: timeout, server_error, rate_limited, ...
    reason      text        NOT NULL,
    -- shopcore (own catalog), a configured source name, or null for the whole search
    source      text,
    detail      text,
    occurred_at timestamptz NOT NULL
);

CREATE INDEX search_failures_occurred_at_idx ON search.search_failures (occurred_at);
CREATE INDEX search_failures_query_idx ON search.search_failures (query, occurred_at);
