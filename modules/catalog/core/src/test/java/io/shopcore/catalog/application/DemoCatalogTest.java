package io.shopcore.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.catalog.domain.CategoryName;
import io.shopcore.catalog.domain.Money;
import io.shopcore.catalog.domain.ProductName;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

    @Test
    void givenTheDemoCatalog_items_areThousandValidUniqueAndRepeatable() {
        List<DemoCatalog.Item> items = DemoCatalog.items();
        assertThat(DemoCatalog.categoryNames()).hasSize(10).allSatisfy(CategoryName::new);
        assertThat(items).hasSize(1000);
        Set<String> names = new HashSet<>();
        for (DemoCatalog.Item item : items) {
            assertThat(names.add(new ProductName(item.name()).value()))
                    .as(item.name())
                    .isTrue();
            new Money(BigDecimal.valueOf(item.priceKrw()), "KRW");
            assertThat(item.priceKrw()).isPositive();
            assertThat(item.stock()).isBetween(50, 1000);
        }
        assertThat(items).anyMatch(i -> i.name().chars().anyMatch(ch -> ch >= 0xAC00 && ch <= 0xD7A3));
        assertThat(items).anyMatch(i -> i.name().chars().allMatch(ch -> ch < 0x80));
        assertThat(DemoCatalog.items()).isEqualTo(items);
    }

    /** Pinned values: a change to the generator changes the demo data every load test relies on. */
    @Test
    void givenTheFixedSeed_items_areExactlyTheKnownOnes() {
        List<DemoCatalog.Item> items = DemoCatalog.items();
        assertThat(items.get(0))
                .isEqualTo(new DemoCatalog.Item(
                        0, "삼성 프리미엄 무선 이어폰 그레이 A1-001", "무선 이어폰 — 프리미엄 라인의 그레이 색상 모델입니다.", 198_800, 53));
        assertThat(items.get(1))
                .isEqualTo(new DemoCatalog.Item(
                        0,
                        "삼성 Ultralight Bluetooth Speaker Gray A2-002",
                        "Ultralight bluetooth speaker in gray.",
                        206_000,
                        607));
        assertThat(items.get(20))
                .isEqualTo(new DemoCatalog.Item(
                        0, "삼성 초경량 무선 이어폰 베이지 A3-021", "무선 이어폰 — 초경량 라인의 베이지 색상 모델입니다.", 247_800, 213));
        assertThat(items.get(21))
                .isEqualTo(new DemoCatalog.Item(
                        0,
                        "삼성 Smart Bluetooth Speaker Beige A4-022",
                        "Smart bluetooth speaker in beige.",
                        256_600,
                        167));
        assertThat(items.get(137))
                .isEqualTo(new DemoCatalog.Item(
                        1, "Adidas Basic Denim Jacket White B2-138", "Basic denim jacket in white.", 135_600, 856));
        assertThat(items.get(999))
                .isEqualTo(new DemoCatalog.Item(
                        9,
                        "내추럴코어 Classic Walking Harness Gray J1-1000",
                        "Classic walking harness in gray.",
                        19_100,
                        824));
        assertThat(items.stream().mapToLong(DemoCatalog.Item::priceKrw).sum()).isEqualTo(175_879_800L);
        assertThat(items.stream().mapToInt(DemoCatalog.Item::stock).sum()).isEqualTo(522_947);
        assertThat(items).allMatch(i -> i.priceKrw() % 100 == 0);
        for (int c = 0; c < 10; c++) {
            int category = c;
            assertThat(items.subList(c * 100, c * 100 + 100)).allMatch(i -> i.category() == category);
        }
        assertThat(DemoCatalog.categoryNames())
                .startsWith("전자제품 Electronics", "패션 Fashion")
                .endsWith("반려동물 Pets");
    }
}
