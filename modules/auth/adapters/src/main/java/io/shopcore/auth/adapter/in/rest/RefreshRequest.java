package io.shopcore.auth.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import java.util.regex.Pattern;

/**
 * A missing or blank token is 400 {@code validation_failed} (field {@code refresh_token}); a present token of the wrong shape (too long,
 * not our opaque format, e.g. an access token) is simply not a valid refresh token (401), like an
 * unknown one, and never reaches the database.
 */
public record RefreshRequest(
        @JsonProperty("refresh_token") @NotBlank String refreshToken) {

    /** Refresh tokens are base64url without padding; ours are 43 characters, the bound leaves room to rotate. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,256}");

    boolean hasRefreshTokenShape() {
        return SHAPE.matcher(refreshToken).matches();
    }

    @Override
    public String toString() {
        return "RefreshRequest[****]";
    }
}
