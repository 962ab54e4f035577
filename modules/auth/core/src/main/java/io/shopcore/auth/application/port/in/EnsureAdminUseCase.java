package io.shopcore.auth.application.port.in;

/** Creates the configured admin account, or resets its password and role when it exists. */
public interface EnsureAdminUseCase {

    void ensureAdmin(String username, String password);
}
