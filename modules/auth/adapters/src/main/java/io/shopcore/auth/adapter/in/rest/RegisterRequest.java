package io.shopcore.auth.adapter.in.rest;

import io.shopcore.auth.application.port.in.RegisterUserUseCase;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record RegisterRequest(
        @NotNull
        @Size(min = 3, max = 64)
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may contain only letters, digits, '.', '_' and '-'")
        String username,

        @NotNull @Size(min = 8, max = 128) String password) {

    RegisterUserUseCase.Command toCommand(String clientAddress) {
        return new RegisterUserUseCase.Command(username, password, clientAddress);
    }

    @Override
    public String toString() {
        return "RegisterRequest[username=" + username + "]";
    }
}
