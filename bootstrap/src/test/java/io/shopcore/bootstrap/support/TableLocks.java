package io.shopcore.bootstrap.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Holding a table lock from a second connection, to keep the service's statements on that table waiting. */
public final class TableLocks {

    private TableLocks() {}

    /**
     * A connection in an open transaction holding {@code table} in ACCESS EXCLUSIVE mode: every statement
     * on it waits until the caller rolls back (and closes) the connection.
     */
    public static Connection lockExclusively(DataSource ds, String table) throws SQLException {
        Connection c = ds.getConnection();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Whether a statement of this database whose text is LIKE {@code queryPattern} waits for a lock now. */
    public static boolean statementWaitsOnALock(DataSource ds, String queryPattern) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                + "AND wait_event_type = 'Lock' AND query LIKE ?")) {
            ps.setString(1, queryPattern);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
