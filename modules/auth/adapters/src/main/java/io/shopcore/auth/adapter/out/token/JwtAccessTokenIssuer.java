package io.shopcore.auth.adapter.out.token;

import io.shopcore.auth.adapter.config.AuthConfig;
import io.shopcore.auth.application.port.out.AccessTokenIssuer;
import io.shopcore.auth.domain.Role;
import io.shopcore.auth.domain.User;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** RS256 access tokens signed with {@code smallrye.jwt.sign.key.location}: iss, aud, sub, upn, groups, iat, exp, jti. */
@ApplicationScoped
public class JwtAccessTokenIssuer implements AccessTokenIssuer {

    private final AuthConfig config;
    private final Clock clock;

    public JwtAccessTokenIssuer(AuthConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public AccessToken issue(User user) {
        Instant now = clock.instant();
        long ttl = config.accessTokenTtl().toSeconds();
        Set<String> groups = user.roles().stream().map(Role::wireName).collect(Collectors.toSet());
        String token = Jwt.issuer(config.jwt().issuer())
                .audience(config.jwt().audience())
                .subject(user.id().toString())
                .upn(user.username().value())
                .groups(groups)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(ttl))
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign();
        return new AccessToken(token, ttl);
    }
}
