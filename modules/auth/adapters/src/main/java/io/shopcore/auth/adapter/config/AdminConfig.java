package io.shopcore.auth.adapter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** {@code shopcore.admin.username/password} (env SHOPCORE_ADMIN_USERNAME / SHOPCORE_ADMIN_PASSWORD). */
@ConfigMapping(prefix = "shopcore.admin")
public interface AdminConfig {

    Optional<String> username();

    Optional<String> password();

    /**
     * Consent to make an existing non-admin account the admin (its sessions are revoked). Off by
     * default: anyone can register the configured name before an operator sets it, and start-up then
     * refuses rather than hand that person admin rights.
     */
    @WithDefault("false")
    boolean promoteExisting();
}
