package io.shopcore.auth.application.port.in;

import io.shopcore.auth.domain.PlainPassword;
import io.shopcore.auth.domain.Username;

/** Self-registration of a customer account. */
public interface RegisterUserUseCase {

    Result register(Command command);

    /** Validates itself: a bad username or password throws {@code InvalidCredentialFormat}. */
    record Command(Username username, PlainPassword password, String clientAddress) {
        public Command(String username, String password, String clientAddress) {
            this(new Username(username), new PlainPassword(password), clientAddress);
        }

        public Command(String username, String password) {
            this(username, password, null);
        }

        public Command(Username username, PlainPassword password) {
            this(username, password, null);
        }
    }

    sealed interface Result {
        record Registered(UserView user) implements Result {}

        record UsernameTaken() implements Result {}

        /** Too many registrations from this address within the window. */
        record Throttled(java.time.Duration retryAfter) implements Result {}
    }
}
