package io.shopcore.catalog.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.CategoryName;
import org.junit.jupiter.api.Test;

/** What every {@link CategoryRepository} does; run against {@link InMemoryCategoryRepository} and the JPA adapter. */
public abstract class CategoryRepositoryContract extends CatalogStoreSupport {

    protected abstract CategoryRepository categories();

    @Test
    void givenSeveralCalls_nextId_neverRepeatsAnId() {
        CategoryId a = inTransaction(() -> categories().nextId());
        CategoryId b = inTransaction(() -> categories().nextId());
        assertThat(a).isNotEqualTo(b);
        assertThat(b.value()).isGreaterThan(a.value());
    }

    @Test
    void givenASavedCategory_findByIdAndName_returnItExactly() {
        Category saved = newCategory(categories());
        assertThat(inTransaction(() -> categories().findById(saved.id()))).contains(saved);
        assertThat(inTransaction(() -> categories().findByName(saved.name()))).contains(saved);
        assertThat(inTransaction(() -> categories().exists(saved.id()))).isTrue();
    }

    @Test
    void givenUnknownIdOrName_find_isEmpty() {
        CategoryId unused = inTransaction(() -> categories().nextId());
        assertThat(inTransaction(() -> categories().findById(unused))).isEmpty();
        assertThat(inTransaction(() -> categories().exists(unused))).isFalse();
        assertThat(inTransaction(() -> categories().findByName(new CategoryName(unique("없음 none")))))
                .isEmpty();
    }

    @Test
    void givenASavedCategory_saveWithANewName_renamesIt() {
        Category saved = newCategory(categories());
        Category renamed = new Category(saved.id(), new CategoryName(unique("새 이름 renamed")), saved.createdAt());
        inTransaction(() -> categories().save(renamed));
        assertThat(inTransaction(() -> categories().findById(saved.id()))).contains(renamed);
        assertThat(inTransaction(() -> categories().findByName(saved.name()))).isEmpty();
    }

    @Test
    void givenSeveralCategories_findAll_listsThemOrderedById() {
        Category first = newCategory(categories());
        Category second = newCategory(categories());
        assertThat(inTransaction(() -> categories().findAll()))
                .containsSubsequence(first, second)
                .isSortedAccordingTo((x, y) -> Long.compare(x.id().value(), y.id().value()));
    }
}
