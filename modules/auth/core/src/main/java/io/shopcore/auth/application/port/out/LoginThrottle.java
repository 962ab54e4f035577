package io.shopcore.auth.application.port.out;

import io.shopcore.auth.domain.Username;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts login attempts per username and per client address within a window. An attempt is counted
 * <em>before</em> the password is checked, atomically with the decision, so concurrent guesses cannot
 * all slip through between a check and a count: of any number of simultaneous attempts for one
 * username, at most the limit proceed. A success clears the username's count and gives the attempt
 * back to the address; an attempt that ends without a verdict (the user store unreachable, password
 * hashing saturated) is given back entirely. So in steady state the counts are failed attempts.
 */
public interface LoginThrottle {

    /** Counts one attempt for the username and the address; empty when it may proceed, else how long to wait. */
    Optional<Duration> attempt(Username username, String clientAddress);

    /** Counts an attempt whose username is malformed against the address alone. */
    Optional<Duration> attemptFromAddress(String clientAddress);

    /** After a successful login: clears the username's count and refunds the address's attempt. */
    void recordSuccess(Username username, String clientAddress);

    /**
     * Gives back one attempt that ended without a verdict: decrements the username's and the address's
     * counts, never below zero, keeping their expiry (never creates a counter, never one without expiry).
     */
    void refund(Username username, String clientAddress);
}
