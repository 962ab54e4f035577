-- EXPLAIN (ANALYZE) of the statements JdbcProductSearchIndex sends for one Korean and one English
-- query (bind parameters written as literals). Run: psql -d <db> -f loadtest/search/explain.sql
\pset pager off
-- Korean: q=이어폰 (phrase of its bigrams, or a substring of the NFD-folded name)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name,
       round(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', p.document, $$('이어' <-> '어폰')$$::tsquery)::numeric, 6)::float8 AS score,
       count(*) OVER () AS total
  FROM search.products p
 WHERE TRUE AND (p.document @@ $$('이어' <-> '어폰')$$::tsquery OR p.name_folded LIKE '%' || normalize('이어폰', NFD) || '%' ESCAPE '\')
 ORDER BY score DESC, p.product_id LIMIT 20 OFFSET 0;
-- English: q=bluetooth (prefix, or substring)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT p.product_id, p.name, p.description, p.price, p.currency, p.category_id, p.category_name,
       round(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', p.document, $$('bluetooth':*)$$::tsquery)::numeric, 6)::float8 AS score,
       count(*) OVER () AS total
  FROM search.products p
 WHERE TRUE AND (p.document @@ $$('bluetooth':*)$$::tsquery OR p.name_folded LIKE '%bluetooth%' ESCAPE '\')
 ORDER BY score DESC, p.product_id LIMIT 20 OFFSET 0;
-- Rare English term with a price sort: q=q5c593 (a rare model-code prefix) sorted by price
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT p.product_id, 0::float8 AS score, count(*) OVER () AS total
  FROM search.products p
 WHERE TRUE AND (p.document @@ $$('q5c593':*)$$::tsquery OR p.name_folded LIKE '%q5c593%' ESCAPE '\')
 ORDER BY p.price, p.product_id LIMIT 20 OFFSET 0;
