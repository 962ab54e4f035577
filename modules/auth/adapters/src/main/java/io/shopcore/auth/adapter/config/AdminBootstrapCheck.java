package io.shopcore.auth.adapter.config;

import io.shopcore.auth.application.port.in.EnsureAdminUseCase;

/** Turns the admin bootstrap's refusal into a start-up failure that tells the operator what to do. */
public final class AdminBootstrapCheck {

    private AdminBootstrapCheck() {}

    public static void requireAccepted(String username, EnsureAdminUseCase.Outcome outcome) {
        if (outcome == EnsureAdminUseCase.Outcome.REFUSED_EXISTING_NON_ADMIN) {
            throw new IllegalStateException(
                    "shopcore.admin.username '" + username + "' names an existing account that is "
                            + "not an admin (anyone may have registered it). Refusing to promote it. Configure another admin "
                            + "username, or, after checking the account is yours, set shopcore.admin.promote-existing=true "
                            + "(SHOPCORE_ADMIN_PROMOTE_EXISTING) once; its sessions will be revoked. See docs/modules/auth.md");
        }
    }
}
