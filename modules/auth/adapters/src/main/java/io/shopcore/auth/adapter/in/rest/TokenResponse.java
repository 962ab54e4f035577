package io.shopcore.auth.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.shopcore.auth.application.port.in.TokenPair;

/** OAuth-style token answer (snake_case by the contract). */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken) {

    static TokenResponse from(TokenPair pair) {
        return new TokenResponse(pair.accessToken(), "Bearer", pair.expiresInSeconds(), pair.refreshToken());
    }
}
