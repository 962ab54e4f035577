-- The search module's projection of the catalog (fed through catalog.api, never from catalog tables)
-- and its typo dictionary. Design and plans: docs/modules/search.md.

CREATE TABLE search.products (
    product_id    bigint PRIMARY KEY,
    name          text           NOT NULL,
    description   text,
    price         numeric(19, 4) NOT NULL,
    currency      char(3)        NOT NULL,
    category_id   bigint         NOT NULL,
    category_name text           NOT NULL,
    -- NFKC, lower case, then NFD (Hangul syllables split into letters): substring and trigram matching
    name_folded   text           NOT NULL,
    -- built in Java: name (A), category (B), description (C); Korean words as overlapping 2-syllable pieces
    document      tsvector       NOT NULL,
    -- this product's dictionary words, and their folded forms (same order), to keep search.terms counts exact
    terms         text[]         NOT NULL,
    terms_folded  text[]         NOT NULL
);

-- fastupdate off: a pending list makes searches slow until the next vacuum; writes here are rare and small.
CREATE INDEX products_document_idx ON search.products USING gin (document) WITH (fastupdate = off);
CREATE INDEX products_price_idx    ON search.products (price, product_id);
CREATE INDEX products_category_idx ON search.products (category_id, price, product_id);

-- Distinct words of names and categories with the number of products having them (typo correction).
CREATE TABLE search.terms (
    term        text   PRIMARY KEY,
    term_folded text   NOT NULL,
    products    bigint NOT NULL CHECK (products >= 0)
);

-- pg_trgm (trusted, contrib) lives in this schema unless the database already has it elsewhere.
DO $$
DECLARE
    trgm_schema text;
BEGIN
    SELECT n.nspname INTO trgm_schema
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NULL THEN
        CREATE EXTENSION pg_trgm WITH SCHEMA search;
        trgm_schema := 'search';
    END IF;
    EXECUTE format('CREATE INDEX products_name_trgm_idx ON search.products USING gin (name_folded %I.gin_trgm_ops) WITH (fastupdate = off)', trgm_schema);
    EXECUTE format('CREATE INDEX terms_folded_trgm_idx ON search.terms USING gin (term_folded %I.gin_trgm_ops) WITH (fastupdate = off)', trgm_schema);
END
$$;
