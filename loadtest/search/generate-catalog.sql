-- A large catalog for search benchmarks (not for production databases): appends :n products
-- (default 99000, so 100,000 with the demo catalog) to the existing demo categories, deterministic,
-- half Korean and half English names built from the demo vocabulary, each with a rare model code
-- (e.g. "qk3f9a") that only it has; every product gets a stock level of 100.
-- Run against a database whose demo catalog is loaded (dev start), then rebuild the search
-- projection: POST /api/v1/search/rebuild (admin).
--   psql -d shopcore_x -v n=99000 -f loadtest/search/generate-catalog.sql
\if :{?n}
\else
\set n 99000
\endif
\set ON_ERROR_STOP on
BEGIN;
WITH words AS (
    SELECT ARRAY['삼성','LG','소니','애플','샤오미','무신사','자라','나이키','설화수','라네즈','오뚜기','농심','한샘','이케아','일룸','민음사','창비','해피콜','쿠쿠','레고'] AS brand_ko,
           ARRAY['Samsung','LG','Sony','Apple','Xiaomi','Zara','Uniqlo','Nike','Adidas','Clinique','Kirkland','IKEA','Decathlon','Wilson','Yonex','Penguin','Tefal','WMF','Hasbro','Purina'] AS brand_en,
           ARRAY['프리미엄','초경량','스마트','클래식','미니','프로','에코','울트라','베이직','디럭스'] AS adj_ko,
           ARRAY['Premium','Ultralight','Smart','Classic','Mini','Pro','Eco','Ultra','Basic','Deluxe'] AS adj_en,
           ARRAY['무선 이어폰','블루투스 스피커','보조배터리','스마트워치','후드 티셔츠','데님 자켓','러닝화','캐시미어 머플러','수분 크림','선크림',
                 '클렌징 폼','에센스','감귤','현미','김치','원두 커피','사무용 의자','원목 책상','수납 선반','패브릭 소파',
                 '요가 매트','배드민턴 라켓','캠핑 텐트','덤벨 세트','장편소설','프로그래밍 가이드','요리책','여행 에세이','전기밥솥','프라이팬',
                 '밀폐용기 세트','에어프라이어','블록 세트','보드게임','인형','자동차 장난감','강아지 사료','고양이 모래','반려동물 방석','산책 하네스'] AS kind_ko,
           ARRAY['Wireless Earbuds','Bluetooth Speaker','Power Bank','Smartwatch','Hoodie','Denim Jacket','Running Shoes','Cashmere Scarf','Moisturizing Cream','Sunscreen',
                 'Cleansing Foam','Essence Serum','Tangerines','Brown Rice','Kimchi','Whole Bean Coffee','Office Chair','Solid Wood Desk','Storage Shelf','Fabric Sofa',
                 'Yoga Mat','Badminton Racket','Camping Tent','Dumbbell Set','Novel','Programming Guide','Cookbook','Travel Essays','Rice Cooker','Frying Pan',
                 'Food Container Set','Air Fryer','Building Block Set','Board Game','Plush Doll','RC Car','Dog Food','Cat Litter','Pet Cushion','Walking Harness'] AS kind_en,
           ARRAY['블랙','화이트','네이비','그레이','베이지','레드','그린'] AS color_ko,
           ARRAY['Black','White','Navy','Gray','Beige','Red','Green'] AS color_en
), base AS (
    SELECT (SELECT max(id) FROM catalog.products) AS max_id,
           (SELECT array_agg(id ORDER BY id) FROM catalog.categories) AS cats
), gen AS (
    SELECT g, base.max_id + g AS id, base.cats,
           (g * 7919) % 40 + 1 AS k, (g * 104729) % 20 + 1 AS b, (g * 31) % 10 + 1 AS a, (g * 13) % 7 + 1 AS c,
           'q' || lpad(to_hex(((g::bigint * 2654435761) % 16777216)::int), 6, '0') AS code
      FROM generate_series(1::bigint, :n) g, base
)
INSERT INTO catalog.products (id, name, description, price, currency, category_id, created_at, updated_at)
SELECT gen.id,
       CASE WHEN g % 2 = 0
            THEN w.brand_ko[b] || ' ' || w.adj_ko[a] || ' ' || w.kind_ko[k] || ' ' || w.color_ko[c] || ' ' || code
            ELSE w.brand_en[b] || ' ' || w.adj_en[a] || ' ' || w.kind_en[k] || ' ' || w.color_en[c] || ' ' || code END,
       CASE WHEN g % 2 = 0
            THEN w.kind_ko[k] || ' — ' || w.adj_ko[a] || ' 라인의 ' || w.color_ko[c] || ' 색상 모델입니다.'
            ELSE w.adj_en[a] || ' ' || lower(w.kind_en[k]) || ' in ' || lower(w.color_en[c]) || '.' END,
       (1000 + ((g::bigint * 48271) % 2000) * 500)::numeric, 'KRW',
       gen.cats[1 + (k - 1) / 4], now(), now()
  FROM gen, words w;
INSERT INTO stock.stock_level (product_id, total)
SELECT p.id, 100 FROM catalog.products p
 WHERE NOT EXISTS (SELECT 1 FROM stock.stock_level s WHERE s.product_id = p.id);
SELECT setval('catalog.product_id_seq', (SELECT max(id) + 1000 FROM catalog.products));
COMMIT;
ANALYZE catalog.products;
SELECT count(*) AS products FROM catalog.products WHERE deleted_at IS NULL;
