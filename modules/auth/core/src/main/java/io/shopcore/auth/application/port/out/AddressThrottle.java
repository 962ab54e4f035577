package io.shopcore.auth.application.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts requests of one kind per client address within a window (registrations, refreshes), so one
 * address cannot create accounts or churn refresh tokens without bound.
 */
public interface AddressThrottle {

    enum Action {
        REGISTER,
        REFRESH
    }

    /** Counts one request; empty when it may proceed, else how long the address must wait. */
    Optional<Duration> attempt(Action action, String clientAddress);
}
