package io.shopcore.auth.application.port.in;

/** An access token with its lifetime, and the refresh token to get the next pair. */
public record TokenPair(String accessToken, long expiresInSeconds, String refreshToken) {

    @Override
    public String toString() {
        return "TokenPair[expiresIn=" + expiresInSeconds + "]";
    }
}
