package io.shopcore.search.price;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;

/** Reads {@code search.search_failures} for one query, waiting for the background writer. */
final class FailureRows {

    private FailureRows() {}

    /** "path/reason/source" rows of the query, in insertion order. */
    static List<String> of(DataSource dataSource, String query) {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT path, reason, source FROM search.search_failures WHERE query = ? ORDER BY id")) {
            ps.setString(1, query);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** How many rows the table holds in all. */
    static long total(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM search.search_failures");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the query's rows contain these (in any order) and answers all of them. */
    static List<String> await(DataSource dataSource, String query, String... expected) {
        @SuppressWarnings("unchecked")
        List<String>[] last = new List[1];
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            last[0] = of(dataSource, query);
            Assertions.assertThat(last[0]).contains(expected);
        });
        return last[0];
    }
}
