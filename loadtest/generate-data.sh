#!/usr/bin/env bash
# Generates a large catalog and a stock history straight into a benchmark database with SQL
# (generate_series, one INSERT ... SELECT per table), repeatable and in minutes rather than hours:
#
#   loadtest/generate-data.sh PRODUCTS [--history ROWS] [--db NAME] [--base URL]
#
#   PRODUCTS   products to create (e.g. 100000 for the search benchmark, 1000000 for the scale test),
#              over the demo catalog's 10 categories, with Korean and English names built from the demo
#              catalog's vocabulary (brand, line, kind, colour, unique model code) and prices in each
#              kind's range; every name is unique.
#   --history  rows of reservation history to write, reservations and ledger entries together
#              (default 10 x PRODUCTS, so 10,000,000 for 1,000,000 products). Each reservation is
#              CONFIRMED (50 %), RELEASED (25 %), EXPIRED (15 %) or still HELD (10 %, expiring in 6 hours,
#              so that the expiry sweeper does not run during a benchmark), with its RESERVE ledger entry
#              and, unless HELD, its CONFIRM/RELEASE/EXPIRE entry; each product starts with an ADJUST entry.
#              Stock levels are derived from that history, so the invariant audit holds afterwards
#              (0 <= reserved <= total, reserved = sum of HELD, the ledger replays to total and reserved).
#   --db       the database (default $BENCH_DB or shopcore_bench). Its schemas must exist (start the
#              service on it once: Flyway creates them) and its catalog must be empty.
#   --base     a service running on that database (default $BASE or none): afterwards its catalog cache
#              in Redis db $REDIS_DB is flushed and, if the build has one, POST /api/v1/search/rebuild
#              rebuilds the search projection (schema "search", owned by the search module).
# Same arguments, same data (deterministic hashes, not random()), except reservation ids and timestamps.
# The catalog's maintained counts (catalog.product_counts, the listings' total) follow the bulk INSERT by
# themselves: the products table's statement-level triggers add each statement's rows per category.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//'; exit 1; }
PRODUCTS=$1; shift
HISTORY="" DB="${BENCH_DB:-shopcore_bench}" BASE="${BASE:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --history) HISTORY=$2; shift 2 ;;
    --db) DB=$2; shift 2 ;;
    --base) BASE=${2%/}; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 1 ;;
  esac
done
HISTORY="${HISTORY:-$((PRODUCTS * 10))}"
[[ "$PRODUCTS" =~ ^[1-9][0-9]*$ && "$HISTORY" =~ ^[0-9]+$ && "$DB" =~ ^[a-z0-9_]+$ ]] || { echo "bad arguments" >&2; exit 1; }
# A reservation makes 1 reservation row, 1 RESERVE entry and 0.9 terminal entries on average.
RESERVATIONS=$((HISTORY * 10 / 29))
PER_PRODUCT=$(( (RESERVATIONS + PRODUCTS - 1) / PRODUCTS ))
log() { printf '[generate] %s\n' "$*" >&2; }
psql_db() { psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q "$@"; }

existing=$(psql_db -tAc "SELECT count(*) FROM catalog.products") \
  || { echo "database $DB has no catalog schema: start the service on it once first" >&2; exit 1; }
[ "$existing" = 0 ] || { echo "database $DB already has $existing products: generate into an empty catalog" >&2; exit 1; }

log "database $DB: $PRODUCTS products, $RESERVATIONS reservations (~$HISTORY history rows)"
start=$(date +%s)
psql_db <<SQL
\timing on
SET synchronous_commit = off;
SET work_mem = '256MB';
SET maintenance_work_mem = '512MB';

BEGIN;
-- The demo catalog's ten categories (DemoCatalog), ids 1..10; kept if already there.
INSERT INTO catalog.categories (id, name, created_at)
SELECT i, (ARRAY['전자제품 Electronics','패션 Fashion','뷰티 Beauty','식품 Food','가구 Furniture',
                 '스포츠 Sports','도서 Books','주방 Kitchen','완구 Toys','반려동물 Pets'])[i], now()
  FROM generate_series(1, 10) i
ON CONFLICT DO NOTHING;
SELECT setval('catalog.category_id_seq', greatest(10, (SELECT max(id) FROM catalog.categories)));

-- Vocabulary per category (4 kinds, 5 brands), as in DemoCatalog.
CREATE TEMP TABLE kind (cat int, k int, ko text, en text, min_price bigint, max_price bigint) ON COMMIT DROP;
INSERT INTO kind VALUES
 (1,1,'무선 이어폰','Wireless Earbuds',39000,329000),(1,2,'블루투스 스피커','Bluetooth Speaker',29000,459000),(1,3,'보조배터리','Power Bank',15000,89000),(1,4,'스마트워치','Smartwatch',99000,899000),
 (2,1,'후드 티셔츠','Hoodie',29000,139000),(2,2,'데님 자켓','Denim Jacket',49000,259000),(2,3,'러닝화','Running Shoes',59000,239000),(2,4,'캐시미어 머플러','Cashmere Scarf',39000,189000),
 (3,1,'수분 크림','Moisturizing Cream',18000,220000),(3,2,'선크림','Sunscreen SPF50+',12000,45000),(3,3,'클렌징 폼','Cleansing Foam',8000,32000),(3,4,'에센스','Essence Serum',25000,180000),
 (4,1,'제주 감귤 5kg','Jeju Tangerines 5kg',19900,39900),(4,2,'유기농 현미','Organic Brown Rice',15900,49900),(4,3,'김치 3kg','Kimchi 3kg',17900,35900),(4,4,'원두 커피','Whole Bean Coffee',12900,59900),
 (5,1,'사무용 의자','Office Chair',89000,890000),(5,2,'원목 책상','Solid Wood Desk',129000,990000),(5,3,'수납 선반','Storage Shelf',39000,290000),(5,4,'패브릭 소파','Fabric Sofa',390000,2490000),
 (6,1,'요가 매트','Yoga Mat',19000,129000),(6,2,'배드민턴 라켓','Badminton Racket',39000,299000),(6,3,'캠핑 텐트','Camping Tent',89000,990000),(6,4,'덤벨 세트','Dumbbell Set',29000,349000),
 (7,1,'장편소설','Novel',12000,22000),(7,2,'프로그래밍 가이드','Programming Guide',28000,58000),(7,3,'요리책','Cookbook',16000,38000),(7,4,'여행 에세이','Travel Essays',13000,24000),
 (8,1,'전기밥솥','Rice Cooker',89000,590000),(8,2,'프라이팬','Frying Pan',19000,149000),(8,3,'밀폐용기 세트','Food Container Set',15000,69000),(8,4,'에어프라이어','Air Fryer',59000,299000),
 (9,1,'블록 세트','Building Block Set',19900,299000),(9,2,'보드게임','Board Game',15900,69000),(9,3,'인형','Plush Doll',9900,59000),(9,4,'RC 자동차','RC Car',29000,199000),
 (10,1,'강아지 사료 6kg','Dog Food 6kg',29000,99000),(10,2,'고양이 모래','Cat Litter',9900,39000),(10,3,'반려동물 방석','Pet Cushion',19000,89000),(10,4,'산책 하네스','Walking Harness',12000,49000);
CREATE TEMP TABLE brand (cat int, b int, name text) ON COMMIT DROP;
INSERT INTO brand
SELECT c, b, (ARRAY[['삼성','LG','Sony','Apple','Xiaomi'],['무신사','Zara','Uniqlo','Nike','Adidas'],
                    ['설화수','이니스프리','라네즈','Clinique','Kiehl''s'],['CJ','오뚜기','농심','풀무원','Kirkland'],
                    ['한샘','이케아 IKEA','일룸','시디즈','까사미아'],['나이키','Decathlon','아디다스','Wilson','Yonex'],
                    ['민음사','문학동네','Penguin','O''Reilly','창비'],['해피콜','락앤락','WMF','Tefal','쿠쿠'],
                    ['레고 LEGO','영실업','Hasbro','Mattel','손오공'],['로얄캐닌','ANF','Purina','Hill''s','내추럴코어']])[c][b]
  FROM generate_series(1, 10) c, generate_series(1, 5) b;

-- Products: id i, category 1 + i % 10; Korean names for even ids, English for odd; the model code makes
-- every name unique. h is a deterministic per-product hash for colour, line and price.
INSERT INTO catalog.products (id, name, description, price, currency, category_id, created_at, updated_at, version)
SELECT p.i,
       CASE WHEN p.i % 2 = 0
            THEN b.name || ' ' || (ARRAY['프리미엄','초경량','스마트','클래식','미니','프로','에코','울트라','베이직','디럭스'])[1 + p.h % 10]
                 || ' ' || k.ko || ' ' || (ARRAY['블랙','화이트','네이비','그레이','베이지'])[1 + (p.h / 10) % 5]
            ELSE b.name || ' ' || (ARRAY['Premium','Ultralight','Smart','Classic','Mini','Pro','Eco','Ultra','Basic','Deluxe'])[1 + p.h % 10]
                 || ' ' || k.en || ' ' || (ARRAY['Black','White','Navy','Gray','Beige'])[1 + (p.h / 10) % 5]
       END || ' ' || chr(65 + p.c - 1) || (1 + p.i % 9) || '-' || lpad(p.i::text, 7, '0'),
       CASE WHEN p.i % 2 = 0 THEN k.ko || ' — 생성된 대용량 카탈로그 상품입니다.' ELSE 'Generated catalog item: ' || lower(k.en) || '.' END,
       (k.min_price + (p.h % (k.max_price - k.min_price))) / 100 * 100,
       'KRW', p.c,
       now() - make_interval(secs => p.i), now() - make_interval(secs => p.i), 0
  FROM (SELECT i, 1 + i % 10 AS c, abs(hashint8(i::bigint)::bigint) AS h FROM generate_series(1, $PRODUCTS) i) p
  JOIN kind k ON k.cat = p.c AND k.k = 1 + (p.i / 10) % 4
  JOIN brand b ON b.cat = p.c AND b.b = 1 + (p.i / 40) % 5;
SELECT setval('catalog.product_id_seq', $PRODUCTS);
COMMIT;

BEGIN;
-- Reservation n goes to product 1 + n % PRODUCTS; quantity 1..3; status by hash.
INSERT INTO stock.reservation (id, product_id, owner_id, quantity, status, expires_at, created_at, updated_at)
SELECT gen_random_uuid(), 1 + r.n % $PRODUCTS, 'generated-user-' || (r.h % 100000), 1 + (r.h / 7) % 3,
       r.status,
       CASE WHEN r.status = 'HELD' THEN now() + interval '6 hours' ELSE r.created + interval '10 minutes' END,
       r.created,
       CASE WHEN r.status = 'HELD' THEN r.created ELSE r.created + make_interval(secs => 1 + r.h % 590) END
  FROM (SELECT n, h,
               CASE WHEN h % 20 < 10 THEN 'CONFIRMED' WHEN h % 20 < 15 THEN 'RELEASED'
                    WHEN h % 20 < 18 THEN 'EXPIRED' ELSE 'HELD' END AS status,
               CASE WHEN h % 20 >= 18 THEN now() - make_interval(secs => h % 300)
                    ELSE now() - interval '1 day' - make_interval(secs => h % 7776000) END AS created
          FROM (SELECT n, abs(hashint8(n::bigint + 7919)::bigint) AS h FROM generate_series(1, $RESERVATIONS) n) x) r;

-- Opening stock per product, enough for every confirmation: ADJUST entries first (oldest).
INSERT INTO stock.ledger_entry (product_id, type, quantity, reservation_id, reason, created_at)
SELECT i, 'ADJUST', 100 + abs(hashint8(i::bigint)::bigint) % 900 + 3 * $PER_PRODUCT, NULL, 'generated opening stock',
       now() - interval '100 days'
  FROM generate_series(1, $PRODUCTS) i;
INSERT INTO stock.ledger_entry (product_id, type, quantity, reservation_id, reason, created_at)
SELECT product_id, 'RESERVE', quantity, id, NULL, created_at FROM stock.reservation;
INSERT INTO stock.ledger_entry (product_id, type, quantity, reservation_id, reason, created_at)
SELECT product_id, CASE status WHEN 'CONFIRMED' THEN 'CONFIRM' WHEN 'RELEASED' THEN 'RELEASE' ELSE 'EXPIRE' END,
       quantity, id, NULL, updated_at
  FROM stock.reservation WHERE status <> 'HELD';

-- Stock levels derived from the history: total = opening - confirmed, reserved = sum of HELD.
INSERT INTO stock.stock_level (product_id, total, reserved, retired, version, updated_at)
SELECT i, 100 + abs(hashint8(i::bigint)::bigint) % 900 + 3 * $PER_PRODUCT - coalesce(r.confirmed, 0), coalesce(r.held, 0), false, 0, now()
  FROM generate_series(1, $PRODUCTS) i
  LEFT JOIN (SELECT product_id, sum(quantity) FILTER (WHERE status = 'CONFIRMED') AS confirmed,
                    sum(quantity) FILTER (WHERE status = 'HELD') AS held
               FROM stock.reservation GROUP BY product_id) r ON r.product_id = i;
COMMIT;

ANALYZE catalog.products;
ANALYZE stock.reservation;
ANALYZE stock.ledger_entry;
ANALYZE stock.stock_level;
SQL
log "SQL done in $(( $(date +%s) - start )) s: $(psql_db -tAc "SELECT (SELECT count(*) FROM catalog.products) || ' products, ' || (SELECT count(*) FROM stock.reservation) || ' reservations, ' || (SELECT count(*) FROM stock.ledger_entry) || ' ledger entries, database ' || pg_size_pretty(pg_database_size(current_database()))")"

if [ -n "$BASE" ]; then
  redis-cli -n "${REDIS_DB:-5}" flushdb >/dev/null && log "flushed the service's Redis db ${REDIS_DB:-5} (catalog cache)"
  token=$(curl -fs -XPOST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"${ADMIN_PASSWORD:-bench-admin-password}\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  code=$(curl -s -o /tmp/generate-rebuild.json -w '%{http_code}' -XPOST -H "Authorization: Bearer $token" \
    --max-time 3600 "$BASE/api/v1/search/rebuild")
  case "$code" in
    2??) log "search projection rebuilt: $(head -c 300 /tmp/generate-rebuild.json)" ;;
    404|405) log "no search rebuild endpoint in this build (HTTP $code): search projection not rebuilt" ;;
    *) log "POST /api/v1/search/rebuild answered $code: $(head -c 300 /tmp/generate-rebuild.json)"; exit 1 ;;
  esac
fi
