package io.shopcore.auth.application.port.in;

import io.shopcore.auth.domain.PlainPassword;
import io.shopcore.auth.domain.Username;

/** Self-registration of a customer account. */
public interface RegisterUserUseCase {

    Result register(Command command);

    /** Validates itself: a bad username or password throws {@code InvalidCredentialFormat}. */
    record Command(Username username, PlainPassword password) {
        public Command(String username, String password) {
            this(new Username(username), new PlainPassword(password));
        }
    }

    sealed interface Result {
        record Registered(UserView user) implements Result {}

        record UsernameTaken() implements Result {}
    }
}
