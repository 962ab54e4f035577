package io.shopcore.auth.application.port.out;

import io.shopcore.auth.domain.User;

/** Signs short-lived access tokens (JWT). */
public interface AccessTokenIssuer {

    AccessToken issue(User user);

    record AccessToken(String value, long expiresInSeconds) {}
}
