package io.shopcore.auth.application;

import java.time.Duration;

/** Plain settings of the auth use cases, produced from {@code shopcore.auth.*} by the adapter side. */
public record AuthSettings(Duration refreshTokenTtl) {}
