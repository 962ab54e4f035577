package io.shopcore.auth.application.port.in;

/**
 * Creates the configured admin account at start-up, or resets its password when it exists. An existing
 * account that is not an admin is never promoted silently: anyone may have registered that name
 * before an operator configured it.
 */
public interface EnsureAdminUseCase {

    Outcome ensureAdmin(Command command);

    /** {@code promoteExisting}: the operator's explicit consent to make an existing non-admin account the admin. */
    record Command(String username, String password, boolean promoteExisting) {
        @Override
        public String toString() {
            return "Command[username=" + username + ", promoteExisting=" + promoteExisting + "]";
        }
    }

    enum Outcome {
        CREATED,
        /** The admin existed; its password was reset (its sessions were revoked). */
        PASSWORD_RESET,
        UNCHANGED,
        /** An existing non-admin was made admin with consent (its sessions were revoked). */
        PROMOTED,
        /** The name belongs to a non-admin account and no consent was given: nothing changed. */
        REFUSED_EXISTING_NON_ADMIN
    }
}
