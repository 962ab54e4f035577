-- EXPLAIN (ANALYZE) of the statements JdbcProductSearchIndex sends (bind parameters written as literals)
-- on a catalog made by loadtest/generate-data.sh (at least 54,321 products): a Korean and an English
-- common term (1 product in 40 each), the Korean term with a price range (what a cache miss of a common
-- term costs), a rare model number and a full model code (product 54321, "... B7-0054321").
-- Run: psql -d <db> -f loadtest/search/explain-generated.sql   (loadtest/search-scale.sh runs it)
\pset pager off
-- Korean: q=이어폰 (phrase of its bigrams, or a substring of the NFD-folded name), by relevance
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH m AS MATERIALIZED (SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name, p.document
                          FROM search.products p
                         WHERE TRUE AND (p.document @@ $$('이어' <-> '어폰')$$::tsquery OR p.name_folded LIKE '%' || normalize('이어폰', NFD) || '%' ESCAPE '\'))
SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name,
       round(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', p.document, $$('이어' <-> '어폰')$$::tsquery)::numeric, 6)::float8 AS score,
       count(*) OVER () AS total
  FROM m p ORDER BY score DESC, p.product_id LIMIT 20 OFFSET 0;
-- English: q=hoodie (word or prefix, or substring), by relevance; the generator's English names are in categories 2, 4, 6, 8, 10 only, so not bluetooth (category 1)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH m AS MATERIALIZED (SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name, p.document
                          FROM search.products p
                         WHERE TRUE AND (p.document @@ $$('hoodie':*)$$::tsquery OR p.name_folded LIKE '%hoodie%' ESCAPE '\'))
SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name,
       round(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', p.document, $$('hoodie':*)$$::tsquery)::numeric, 6)::float8 AS score,
       count(*) OVER () AS total
  FROM m p ORDER BY score DESC, p.product_id LIMIT 20 OFFSET 0;
-- Korean with a price range: q=이어폰&minPrice=100000&maxPrice=200000, by relevance
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH m AS MATERIALIZED (SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name, p.document
                          FROM search.products p
                         WHERE TRUE AND (p.document @@ $$('이어' <-> '어폰')$$::tsquery OR p.name_folded LIKE '%' || normalize('이어폰', NFD) || '%' ESCAPE '\')
                           AND p.price >= 100000 AND p.price <= 200000)
SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name,
       round(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', p.document, $$('이어' <-> '어폰')$$::tsquery)::numeric, 6)::float8 AS score,
       count(*) OVER () AS total
  FROM m p ORDER BY score DESC, p.product_id LIMIT 20 OFFSET 0;
-- Rare model number: q=0054321 (prefix lexeme, or substring), by relevance
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH m AS MATERIALIZED (SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name, p.document
                          FROM search.products p
                         WHERE TRUE AND (p.document @@ $$('0054321':*)$$::tsquery OR p.name_folded LIKE '%0054321%' ESCAPE '\'))
SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name,
       round(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', p.document, $$('0054321':*)$$::tsquery)::numeric, 6)::float8 AS score,
       count(*) OVER () AS total
  FROM m p ORDER BY score DESC, p.product_id LIMIT 20 OFFSET 0;
-- Rare full model code: q=B7-0054321 (symbols: substring of the folded name only), sorted by price
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH m AS MATERIALIZED (SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name, p.document
                          FROM search.products p
                         WHERE TRUE AND (p.name_folded LIKE '%b7-0054321%' ESCAPE '\'))
SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name,
       0::float8 AS score,
       count(*) OVER () AS total
  FROM m p ORDER BY p.price, p.product_id LIMIT 20 OFFSET 0;
