package io.shopcore.auth.application.port.in;

import java.time.Duration;

/** Exchanges a username and password for a token pair. */
public interface LogInUseCase {

    Result logIn(Command command);

    /** Raw input: a malformed username or password is simply invalid credentials here. */
    record Command(String username, String password, String clientAddress) {
        @Override
        public String toString() {
            return "Command[username=" + username + ", clientAddress=" + clientAddress + "]";
        }
    }

    sealed interface Result {
        record Issued(TokenPair tokens) implements Result {}

        /** Unknown user and wrong password alike. */
        record InvalidCredentials() implements Result {}

        record Throttled(Duration retryAfter) implements Result {}
    }
}
