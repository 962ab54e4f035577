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
            assertThat(names.add(new ProductName(item.name()).value())).as(item.name()).isTrue();
            new Money(BigDecimal.valueOf(item.priceKrw()), "KRW");
            assertThat(item.priceKrw()).isPositive();
            assertThat(item.stock()).isBetween(50, 1000);
        }
        assertThat(items).anyMatch(i -> i.name().chars().anyMatch(ch -> ch >= 0xAC00 && ch <= 0xD7A3));
        assertThat(items).anyMatch(i -> i.name().chars().allMatch(ch -> ch < 0x80));
        assertThat(DemoCatalog.items()).isEqualTo(items);
    }
}
