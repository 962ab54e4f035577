package io.shopcore.auth.application.port.out;

import io.shopcore.auth.domain.Username;
import java.time.Duration;
import java.util.Optional;

/** Counts failed logins per username and per client address within a window. */
public interface LoginThrottle {

    /** How long the caller must wait, when either counter is over its limit. */
    Optional<Duration> blockedFor(Username username, String clientAddress);

    void recordFailure(Username username, String clientAddress);

    /** A successful login clears the username's counter (not the address's). */
    void recordSuccess(Username username);
}
