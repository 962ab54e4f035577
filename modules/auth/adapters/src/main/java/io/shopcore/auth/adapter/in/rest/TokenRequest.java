package io.shopcore.auth.adapter.in.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record TokenRequest(
        @NotNull @Size(min = 3, max = 64) String username,
        @NotNull @Size(min = 8, max = 128) String password) {

    @Override
    public String toString() {
        return "TokenRequest[username=" + username + "]";
    }
}
