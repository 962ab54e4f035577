package io.shopcore.infrastructure.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one classifier of store failures: decides whether a failure means "the store cannot answer now"
 * (so the client may retry and nothing was written) or is something else (a bug, answered 500).
 * It walks the whole cause chain and the suppressed exceptions, because JDBC failures arrive wrapped
 * by Hibernate, by Agroal, by Narayana at commit or by adapters' own {@code IllegalStateException}s.
 *
 * <p>Recognised as unavailable:
 * <ul>
 *   <li>SQLState classes {@code 08} (connection exception), {@code 53} (insufficient resources,
 *       e.g. too many connections), {@code 57} (operator intervention: admin shutdown, statement
 *       timeout, crash recovery), {@code 40001} (serialization failure), {@code 40P01} (deadlock) and
 *       {@code 55P03} (lock not available, i.e. {@code lock_timeout}).</li>
 *   <li>The JDBC subclasses for the same cases ({@link SQLTransientConnectionException},
 *       {@link SQLNonTransientConnectionException}, {@link SQLRecoverableException},
 *       {@link SQLTimeoutException}).</li>
 *   <li>Agroal's pool acquisition timeout (a plain {@code SQLException} without SQLState).</li>
 *   <li>Hibernate's and JPA's connection, lock-timeout and query-timeout exceptions (matched by name:
 *       infrastructure does not depend on an ORM).</li>
 *   <li>A JTA rollback at commit ({@code RollbackException}: the transaction was rolled back, e.g. by
 *       the timeout reaper), unless its causes show a non-transient SQL failure (a constraint or
 *       syntax error is a bug, not an outage).</li>
 * </ul>
 * A {@link StoreUnavailableException} anywhere in the chain is, of course, unavailable too.
 */
public final class StoreFailures {

    /** SQLState prefixes and codes that mean "retry later; nothing was written". */
    private static final Set<String> UNAVAILABLE_STATE_CLASSES = Set.of("08", "53", "57");

    private static final Set<String> UNAVAILABLE_STATES = Set.of("40001", "40P01", "55P03");

    private static final Set<String> UNAVAILABLE_TYPES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.QueryTimeoutException",
            "org.hibernate.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.QueryTimeoutException",
            "jakarta.persistence.PessimisticLockException");

    /** A rollback at commit: nothing was written, and retrying is safe. */
    private static final Set<String> ROLLED_BACK_AT_COMMIT =
            Set.of("jakarta.transaction.RollbackException", "jakarta.transaction.HeuristicRollbackException");

    private static final int MAX_DEPTH = 64;

    private StoreFailures() {}

    /** Whether {@code failure} (or anything it wraps) means the store is unavailable. */
    public static boolean isUnavailable(Throwable failure) {
        return classify(failure) != Verdict.OTHER;
    }

    /**
     * The failure as a {@link StoreUnavailableException} of {@code store} when it means the store is
     * unavailable (an existing one in the chain is returned as is), otherwise empty.
     */
    public static Optional<StoreUnavailableException> unavailable(String store, Throwable failure) {
        StoreUnavailableException existing = find(failure, StoreUnavailableException.class);
        if (existing != null) {
            return Optional.of(existing);
        }
        if (classify(failure) == Verdict.OTHER) {
            return Optional.empty();
        }
        return Optional.of(new StoreUnavailableException(store, describe(failure), failure));
    }

    /**
     * For JDBC helpers: {@code failure} translated into a {@link StoreUnavailableException} when it
     * means the store is unavailable, otherwise into an {@code IllegalStateException} naming {@code what}.
     */
    public static RuntimeException translate(String store, String what, Throwable failure) {
        return unavailable(store, failure)
                .<RuntimeException>map(e -> e)
                .orElseGet(() -> failure instanceof RuntimeException r
                        ? r
                        : new IllegalStateException(store + ": " + what + " failed: " + failure.getMessage(), failure));
    }

    private enum Verdict {
        UNAVAILABLE,
        ROLLED_BACK,
        OTHER
    }

    private static Verdict classify(Throwable failure) {
        boolean rolledBack = false;
        boolean nonTransientSql = false;
        for (Throwable t : chain(failure)) {
            if (t instanceof StoreUnavailableException) {
                return Verdict.UNAVAILABLE;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (isUnavailableState(state) || isUnavailableSqlType(sql) || isAcquisitionTimeout(sql)) {
                    return Verdict.UNAVAILABLE;
                }
                if (state != null && !state.isBlank()) {
                    nonTransientSql = true;
                }
            }
            if (hasTypeNamed(t, UNAVAILABLE_TYPES)) {
                return Verdict.UNAVAILABLE;
            }
            if (hasTypeNamed(t, ROLLED_BACK_AT_COMMIT)) {
                rolledBack = true;
            }
        }
        return rolledBack && !nonTransientSql ? Verdict.ROLLED_BACK : Verdict.OTHER;
    }

    static boolean isUnavailableState(String state) {
        if (state == null || state.length() < 2) {
            return false;
        }
        String upper = state.toUpperCase(Locale.ROOT);
        return UNAVAILABLE_STATE_CLASSES.contains(upper.substring(0, 2)) || UNAVAILABLE_STATES.contains(upper);
    }

    private static boolean isUnavailableSqlType(SQLException e) {
        return e instanceof SQLTransientConnectionException
                || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException
                || e instanceof SQLTimeoutException;
    }

    /** Agroal: {@code "Sorry, acquisition timeout!"} (no SQLState) when the pool had nothing to lend in time. */
    private static boolean isAcquisitionTimeout(SQLException e) {
        String message = e.getMessage();
        return e.getSQLState() == null
                && message != null
                && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    private static boolean hasTypeNamed(Throwable t, Set<String> names) {
        for (Class<?> c = t.getClass(); c != null && c != Throwable.class; c = c.getSuperclass()) {
            if (names.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t : chain(failure)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The failure, its causes, SQLException chains and suppressed exceptions; each once, bounded. */
    private static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        java.util.List<Throwable> out = new java.util.ArrayList<>();
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty() && out.size() < MAX_DEPTH) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
            for (Throwable s : t.getSuppressed()) {
                todo.add(s);
            }
        }
        return out;
    }

    /** A short, safe description for logs: the innermost SQL failure's state and message. */
    private static String describe(Throwable failure) {
        SQLException sql = null;
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        if (sql != null) {
            return "unavailable (" + (sql.getSQLState() == null ? "no SQLState" : "SQLState " + sql.getSQLState())
                    + "): " + sql.getMessage();
        }
        return "unavailable: " + failure.getClass().getSimpleName();
    }
}
