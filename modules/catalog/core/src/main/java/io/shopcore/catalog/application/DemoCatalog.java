package io.shopcore.catalog.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The demo catalog, generated deterministically (fixed seed, fixed order): the same 10 categories
 * and 1,000 products with the same names, prices and stock on every run, which is what makes the
 * loader idempotent and load tests repeatable. Half of the names are Korean, half English.
 */
public final class DemoCatalog {

    public static final int PRODUCTS_PER_CATEGORY = 100;

    /** A demo product: its category (index into {@link #CATEGORIES}), name, KRW price and stock. */
    public record Item(int category, String name, String description, long priceKrw, int stock) {}

    record Kind(String ko, String en, long minPrice, long maxPrice) {}

    record Theme(String category, String[] brands, Kind[] kinds) {}

    static final String[] ADJ_KO = {"프리미엄", "초경량", "스마트", "클래식", "미니", "프로", "에코", "울트라", "베이직", "디럭스"};
    static final String[] ADJ_EN = {
        "Premium", "Ultralight", "Smart", "Classic", "Mini", "Pro", "Eco", "Ultra", "Basic", "Deluxe"
    };
    static final String[] COLOR_KO = {"블랙", "화이트", "네이비", "그레이", "베이지"};
    static final String[] COLOR_EN = {"Black", "White", "Navy", "Gray", "Beige"};

    static final Theme[] THEMES = {
        new Theme("전자제품 Electronics", new String[] {"삼성", "LG", "Sony", "Apple", "Xiaomi"}, new Kind[] {
            new Kind("무선 이어폰", "Wireless Earbuds", 39_000, 329_000),
                    new Kind("블루투스 스피커", "Bluetooth Speaker", 29_000, 459_000),
            new Kind("보조배터리", "Power Bank", 15_000, 89_000), new Kind("스마트워치", "Smartwatch", 99_000, 899_000)
        }),
        new Theme("패션 Fashion", new String[] {"무신사", "Zara", "Uniqlo", "Nike", "Adidas"}, new Kind[] {
            new Kind("후드 티셔츠", "Hoodie", 29_000, 139_000), new Kind("데님 자켓", "Denim Jacket", 49_000, 259_000),
            new Kind("러닝화", "Running Shoes", 59_000, 239_000), new Kind("캐시미어 머플러", "Cashmere Scarf", 39_000, 189_000)
        }),
        new Theme("뷰티 Beauty", new String[] {"설화수", "이니스프리", "라네즈", "Clinique", "Kiehl's"}, new Kind[] {
            new Kind("수분 크림", "Moisturizing Cream", 18_000, 220_000),
                    new Kind("선크림", "Sunscreen SPF50+", 12_000, 45_000),
            new Kind("클렌징 폼", "Cleansing Foam", 8_000, 32_000), new Kind("에센스", "Essence Serum", 25_000, 180_000)
        }),
        new Theme("식품 Food", new String[] {"CJ", "오뚜기", "농심", "풀무원", "Kirkland"}, new Kind[] {
            new Kind("제주 감귤 5kg", "Jeju Tangerines 5kg", 19_900, 39_900),
                    new Kind("유기농 현미", "Organic Brown Rice", 15_900, 49_900),
            new Kind("김치 3kg", "Kimchi 3kg", 17_900, 35_900), new Kind("원두 커피", "Whole Bean Coffee", 12_900, 59_900)
        }),
        new Theme("가구 Furniture", new String[] {"한샘", "이케아 IKEA", "일룸", "시디즈", "까사미아"}, new Kind[] {
            new Kind("사무용 의자", "Office Chair", 89_000, 890_000), new Kind("원목 책상", "Solid Wood Desk", 129_000, 990_000),
            new Kind("수납 선반", "Storage Shelf", 39_000, 290_000), new Kind("패브릭 소파", "Fabric Sofa", 390_000, 2_490_000)
        }),
        new Theme("스포츠 Sports", new String[] {"나이키", "Decathlon", "아디다스", "Wilson", "Yonex"}, new Kind[] {
            new Kind("요가 매트", "Yoga Mat", 19_000, 129_000), new Kind("배드민턴 라켓", "Badminton Racket", 39_000, 299_000),
            new Kind("캠핑 텐트", "Camping Tent", 89_000, 990_000), new Kind("덤벨 세트", "Dumbbell Set", 29_000, 349_000)
        }),
        new Theme("도서 Books", new String[] {"민음사", "문학동네", "Penguin", "O'Reilly", "창비"}, new Kind[] {
            new Kind("장편소설", "Novel", 12_000, 22_000), new Kind("프로그래밍 가이드", "Programming Guide", 28_000, 58_000),
            new Kind("요리책", "Cookbook", 16_000, 38_000), new Kind("여행 에세이", "Travel Essays", 13_000, 24_000)
        }),
        new Theme("주방 Kitchen", new String[] {"해피콜", "락앤락", "WMF", "Tefal", "쿠쿠"}, new Kind[] {
            new Kind("전기밥솥", "Rice Cooker", 89_000, 590_000), new Kind("프라이팬", "Frying Pan", 19_000, 149_000),
            new Kind("밀폐용기 세트", "Food Container Set", 15_000, 69_000), new Kind("에어프라이어", "Air Fryer", 59_000, 299_000)
        }),
        new Theme("완구 Toys", new String[] {"레고 LEGO", "영실업", "Hasbro", "Mattel", "손오공"}, new Kind[] {
            new Kind("블록 세트", "Building Block Set", 19_900, 299_000), new Kind("보드게임", "Board Game", 15_900, 69_000),
            new Kind("인형", "Plush Doll", 9_900, 59_000), new Kind("RC 자동차", "RC Car", 29_000, 199_000)
        }),
        new Theme("반려동물 Pets", new String[] {"로얄캐닌", "ANF", "Purina", "Hill's", "내추럴코어"}, new Kind[] {
            new Kind("강아지 사료 6kg", "Dog Food 6kg", 29_000, 99_000), new Kind("고양이 모래", "Cat Litter", 9_900, 39_000),
            new Kind("반려동물 방석", "Pet Cushion", 19_000, 89_000), new Kind("산책 하네스", "Walking Harness", 12_000, 49_000)
        }),
    };

    private DemoCatalog() {}

    public static List<String> categoryNames() {
        List<String> names = new ArrayList<>(THEMES.length);
        for (Theme t : THEMES) {
            names.add(t.category());
        }
        return names;
    }

    /** All 1,000 demo products, always the same. */
    public static List<Item> items() {
        Random random = new Random(20_240_601L);
        List<Item> items = new ArrayList<>(THEMES.length * PRODUCTS_PER_CATEGORY);
        for (int c = 0; c < THEMES.length; c++) {
            Theme theme = THEMES[c];
            for (int i = 0; i < PRODUCTS_PER_CATEGORY; i++) {
                Kind kind = theme.kinds()[i % theme.kinds().length];
                String brand = theme.brands()[(i / theme.kinds().length) % theme.brands().length];
                int adj = (i / (theme.kinds().length * theme.brands().length) + i) % ADJ_KO.length;
                int color = random.nextInt(COLOR_KO.length);
                // A model code keeps every name unique, which is what the loader's idempotency relies on.
                String model =
                        String.format("%c%d-%03d", (char) ('A' + c), 1 + i % 9, c * PRODUCTS_PER_CATEGORY + i + 1);
                boolean korean = i % 2 == 0;
                String name = korean
                        ? brand + " " + ADJ_KO[adj] + " " + kind.ko() + " " + COLOR_KO[color] + " " + model
                        : brand + " " + ADJ_EN[adj] + " " + kind.en() + " " + COLOR_EN[color] + " " + model;
                String description = korean
                        ? kind.ko() + " — " + ADJ_KO[adj] + " 라인의 " + COLOR_KO[color] + " 색상 모델입니다."
                        : ADJ_EN[adj] + " " + kind.en().toLowerCase(Locale.ROOT) + " in "
                                + COLOR_EN[color].toLowerCase(Locale.ROOT) + ".";
                long span = kind.maxPrice() - kind.minPrice();
                long price = (kind.minPrice() + (long) (random.nextDouble() * span)) / 100 * 100;
                int stock = 50 + random.nextInt(951);
                items.add(new Item(c, name, description, price, stock));
            }
        }
        return items;
    }
}
