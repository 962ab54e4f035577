package io.shopcore.auth.application;

import io.shopcore.auth.application.port.in.LogInUseCase;
import io.shopcore.auth.application.port.out.LoginThrottle;
import io.shopcore.auth.application.port.out.PasswordHasher;
import io.shopcore.auth.application.port.out.UserRepository;
import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.Username;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Login. Deliberately not one transaction: the password hash costs tens of milliseconds and must not
 * hold a database connection; only issuing the tokens writes, in its own short transaction.
 */
@ApplicationScoped
public class LogInService implements LogInUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TokenPairIssuer tokens;

    public LogInService(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, TokenPairIssuer tokens) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
    }

    @Override
    public Result logIn(Command command) {
        if (!Username.isValid(command.username())) {
            // Counted against the address, or malformed names would be a free, unthrottled guessing channel.
            Optional<Duration> blocked = throttle.attemptFromAddress(command.clientAddress());
            if (blocked.isPresent()) {
                return new Result.Throttled(blocked.get());
            }
            hasher.verifyAgainstDummy(command.password());
            return new Result.InvalidCredentials();
        }
        Username username = new Username(command.username());
        // Counted before the password is checked: concurrent guesses cannot pass between check and count.
        Optional<Duration> blocked = throttle.attempt(username, command.clientAddress());
        if (blocked.isPresent()) {
            return new Result.Throttled(blocked.get());
        }
        Optional<User> user;
        boolean valid;
        try {
            user = users.findByUsername(username);
            if (user.isPresent()) {
                valid = hasher.verify(command.password(), user.get().passwordHash());
            } else {
                hasher.verifyAgainstDummy(command.password());
                valid = false;
            }
        } catch (RuntimeException noVerdict) {
            // The store was unreachable or hashing saturated (answered 503): no guess was judged, so the
            // attempt is given back; otherwise retries during an outage would lock the account out after it.
            refund(username, command.clientAddress(), noVerdict);
            throw noVerdict;
        }
        if (!valid) {
            return new Result.InvalidCredentials();
        }
        throttle.recordSuccess(username, command.clientAddress());
        return new Result.Issued(tokens.startSession(user.get()));
    }

    /** Gives the attempt back; a refund that fails itself never masks why the login failed. */
    private void refund(Username username, String clientAddress, RuntimeException cause) {
        try {
            throttle.refund(username, clientAddress);
        } catch (RuntimeException refundFailure) {
            cause.addSuppressed(refundFailure);
        }
    }
}
