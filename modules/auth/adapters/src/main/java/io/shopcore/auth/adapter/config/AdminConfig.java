package io.shopcore.auth.adapter.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** {@code shopcore.admin.username/password} (env SHOPCORE_ADMIN_USERNAME / SHOPCORE_ADMIN_PASSWORD). */
@ConfigMapping(prefix = "shopcore.admin")
public interface AdminConfig {

    Optional<String> username();

    Optional<String> password();
}
