package io.shopcore.search.adapter.out.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Positional parameters of the search statements built at run time (values only, never SQL text). */
final class JdbcParams {

    private JdbcParams() {}

    static long count(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            switch (v) {
                case String s -> ps.setString(i + 1, s);
                case Long l -> ps.setLong(i + 1, l);
                case Integer n -> ps.setInt(i + 1, n);
                case BigDecimal b -> ps.setBigDecimal(i + 1, b);
                default -> throw new IllegalArgumentException("unexpected parameter " + v.getClass());
            }
        }
    }
}
