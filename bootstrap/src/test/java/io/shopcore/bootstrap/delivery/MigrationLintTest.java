package io.shopcore.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Expand/contract (ADR 0010): every Flyway script of every module, and the linter's own rules. */
class MigrationLintTest {

    @Test
    void everyMigration_isExpandOnly_orAMarkedContractStep() throws Exception {
        List<Path> scripts = Repo.files("**/db/migration/**/*.sql");
        assertThat(scripts).as("the scan finds the modules' migrations").hasSizeGreaterThanOrEqualTo(4);
        List<MigrationLinter.Violation> violations = new ArrayList<>();
        for (Path script : scripts) {
            violations.addAll(MigrationLinter.lint(Repo.ROOT.relativize(script).toString(), Files.readString(script)));
        }
        assertThat(violations)
                .as("destructive statements need a '-- contract: unused since <version>' marker (ADR 0010)")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DROP TABLE catalog.old_prices;",
                "ALTER TABLE catalog.products DROP COLUMN legacy_sku;",
                "alter table catalog.products drop legacy_sku;",
                "ALTER TABLE stock.levels RENAME COLUMN qty TO quantity;",
                "ALTER TABLE stock.levels RENAME TO stock_levels;",
                "ALTER TABLE catalog.products ALTER COLUMN price TYPE numeric(14,2);",
                "ALTER TABLE catalog.products ALTER price SET DATA TYPE numeric(14,2);",
                "ALTER TABLE catalog.products ALTER COLUMN description SET NOT NULL;",
                "ALTER TABLE catalog.products ADD COLUMN brand text NOT NULL;",
                "TRUNCATE stock.reservations;",
                "DROP VIEW search.product_view;",
                "DROP SCHEMA legacy CASCADE;"
            })
    void selfTest_destructiveStatements_withoutMarker_areViolations(String sql) {
        assertThat(MigrationLinter.lint("V9__x.sql", "-- a harmless comment\n" + sql))
                .hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CREATE TABLE catalog.brands (id bigint PRIMARY KEY, name text NOT NULL);",
                "ALTER TABLE catalog.products ADD COLUMN brand_id bigint;",
                "ALTER TABLE catalog.products ADD COLUMN brand text NOT NULL DEFAULT '';",
                "CREATE INDEX products_brand_idx ON catalog.products (brand_id);",
                "DROP INDEX IF EXISTS catalog.products_old_idx;",
                "ALTER TABLE catalog.products DROP CONSTRAINT products_price_check;",
                "ALTER TABLE catalog.products ALTER COLUMN description DROP NOT NULL;",
                "ALTER TABLE catalog.products ALTER COLUMN description SET DEFAULT '';",
                "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN DROP TABLE x; RETURN NEW; END $$ LANGUAGE plpgsql;",
                "COMMENT ON TABLE catalog.products IS 'DROP TABLE in a string; RENAME';",
                "CREATE TABLE t (a int); ALTER TABLE t ALTER COLUMN a SET NOT NULL;"
            })
    void selfTest_expandStatements_pass(String sql) {
        assertThat(MigrationLinter.lint("V9__x.sql", sql)).isEmpty();
    }

    @Test
    void selfTest_aContractMarker_allowsOnlyTheStatementBelowIt() {
        String sql = """
                ALTER TABLE catalog.products ADD COLUMN sku text;
                -- contract: unused since 0.4.0 (0.4.0 reads sku; legacy_sku was last used by 0.3.x)
                ALTER TABLE catalog.products DROP COLUMN legacy_sku;
                ALTER TABLE catalog.products DROP COLUMN other_column;
                """;
        List<MigrationLinter.Violation> violations = MigrationLinter.lint("V9__x.sql", sql);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(4);
            assertThat(v.statement()).contains("other_column");
        });
    }

    @Test
    void selfTest_aMarkerWithoutARelease_doesNotCount() {
        assertThat(MigrationLinter.lint("V9__x.sql", "-- contract: cleanup\nDROP TABLE catalog.old_prices;"))
                .hasSize(1);
    }
}
