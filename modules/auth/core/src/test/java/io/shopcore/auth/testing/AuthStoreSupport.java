package io.shopcore.auth.testing;

import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.Username;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the auth port contracts share: a unit of work (a transaction for a real adapter, nothing for a
 * fake) and users with unique names, so a contract can run against a shared database.
 */
public abstract class AuthStoreSupport {

    /** Microsecond precision, as PostgreSQL keeps timestamps. */
    protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    /** Runs {@code work} as one unit of work; a real adapter runs it in its own transaction. */
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    protected final void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    protected static Username uniqueUsername(String prefix) {
        return new Username(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    protected static User aCustomer(Username username) {
        return User.register(username, FakePasswordHasher.CURRENT + "password-1", T0);
    }

    /** The throwable or the first of its causes of that type (adapters may wrap what they throw). */
    protected static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
