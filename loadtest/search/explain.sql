-- EXPLAIN (ANALYZE) of the statement JdbcProductSearchIndex sends (bind parameters written as
-- literals), for one Korean, one English and one rare term. Run: psql -d <db> -f loadtest/search/explain.sql
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
-- English: q=bluetooth (word or prefix, or substring), by relevance
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH m AS MATERIALIZED (SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name, p.document
                          FROM search.products p
                         WHERE TRUE AND (p.document @@ $$('bluetooth':*)$$::tsquery OR p.name_folded LIKE '%bluetooth%' ESCAPE '\'))
SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name,
       round(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', p.document, $$('bluetooth':*)$$::tsquery)::numeric, 6)::float8 AS score,
       count(*) OVER () AS total
  FROM m p ORDER BY score DESC, p.product_id LIMIT 20 OFFSET 0;
-- Rare term (a model code only one product of the generated catalog has), sorted by price
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH m AS MATERIALIZED (SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name, p.document
                          FROM search.products p
                         WHERE TRUE AND (p.document @@ $$('q5c593':*)$$::tsquery OR p.name_folded LIKE '%q5c593%' ESCAPE '\'))
SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name,
       round(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', p.document, $$('q5c593':*)$$::tsquery)::numeric, 6)::float8 AS score,
       count(*) OVER () AS total
  FROM m p ORDER BY p.price, p.product_id LIMIT 20 OFFSET 0;
