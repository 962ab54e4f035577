-- Catalog context: categories and products. Owned by modules/catalog; no other module reads these tables.
CREATE SCHEMA IF NOT EXISTS catalog;

-- Ids are allocated by the application (ProductRepository.nextId) before the row exists.
CREATE SEQUENCE catalog.category_id_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE catalog.product_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE catalog.categories (
    id          bigint       PRIMARY KEY,
    name        varchar(100) NOT NULL,
    created_at  timestamptz  NOT NULL,
    CONSTRAINT categories_name_uk UNIQUE (name)
);

CREATE TABLE catalog.products (
    id          bigint         PRIMARY KEY,
    name        varchar(200)   NOT NULL,
    description varchar(2000),
    -- Exact money: never a float. The application keeps the currency's own scale (KRW 0, USD 2).
    price       numeric(19, 4) NOT NULL CHECK (price >= 0),
    currency    char(3)        NOT NULL DEFAULT 'KRW',
    category_id bigint         NOT NULL REFERENCES catalog.categories (id),
    created_at  timestamptz    NOT NULL,
    updated_at  timestamptz    NOT NULL,
    -- Soft delete: deleted products keep their row (stock ledger and orders refer to them).
    deleted_at  timestamptz,
    version     bigint         NOT NULL DEFAULT 0
);

-- Listing orders (sort=id|price|-price|name), over active products only, with and without a category.
CREATE INDEX products_active_id_idx         ON catalog.products (id)                       WHERE deleted_at IS NULL;
CREATE INDEX products_active_price_idx      ON catalog.products (price, id)                WHERE deleted_at IS NULL;
CREATE INDEX products_active_name_idx       ON catalog.products (name, id)                 WHERE deleted_at IS NULL;
CREATE INDEX products_active_cat_id_idx     ON catalog.products (category_id, id)          WHERE deleted_at IS NULL;
CREATE INDEX products_active_cat_price_idx  ON catalog.products (category_id, price, id)   WHERE deleted_at IS NULL;
CREATE INDEX products_active_cat_name_idx   ON catalog.products (category_id, name, id)    WHERE deleted_at IS NULL;
-- The foreign key's own index (category checks on delete, admin queries).
CREATE INDEX products_category_idx          ON catalog.products (category_id);
