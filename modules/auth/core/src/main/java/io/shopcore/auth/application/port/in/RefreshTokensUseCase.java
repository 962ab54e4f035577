package io.shopcore.auth.application.port.in;

/** Exchanges a refresh token, once, for a new pair. */
public interface RefreshTokensUseCase {

    Result refresh(Command command);

    record Command(String refreshToken) {
        @Override
        public String toString() {
            return "Command[****]";
        }
    }

    sealed interface Result {
        record Issued(TokenPair tokens) implements Result {}

        /** Unknown, expired, spent or revoked; a spent one also revoked its family. */
        record Rejected() implements Result {}
    }
}
