package io.shopcore.auth.application.port.in;

/** Exchanges a refresh token, once, for a new pair. */
public interface RefreshTokensUseCase {

    Result refresh(Command command);

    record Command(String refreshToken, String clientAddress) {
        public Command(String refreshToken) {
            this(refreshToken, null);
        }

        @Override
        public String toString() {
            return "Command[****, clientAddress=" + clientAddress + "]";
        }
    }

    sealed interface Result {
        record Issued(TokenPair tokens) implements Result {}

        /** Unknown, expired, spent or revoked; a spent one also revoked its family. */
        record Rejected() implements Result {}

        /** Too many refreshes from this address within the window. */
        record Throttled(java.time.Duration retryAfter) implements Result {}
    }
}
