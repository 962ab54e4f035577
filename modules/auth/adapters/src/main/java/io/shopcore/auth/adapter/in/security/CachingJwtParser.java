package io.shopcore.auth.adapter.in.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shopcore.auth.adapter.config.AuthConfig;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers bearer tokens that SmallRye JWT has fully verified, so a client sending the same token
 * again does not pay for RS256 verification and JSON parsing on every request (a quarter of the CPU
 * of a reservation, measured). The key is the SHA-256 of the exact token text: any change to header,
 * payload or signature is a different key and is verified from scratch. An entry is used only while
 * the token is unexpired, and for at most {@code shopcore.auth.verified-token-cache.ttl}. Failures are
 * never cached. Access tokens cannot be revoked before expiry anyway, so this changes no semantics.
 */
@Decorator
@Priority(10)
public abstract class CachingJwtParser implements JWTParser {

    @Inject
    @Delegate
    JWTParser delegate;

    private final Cache<String, JsonWebToken> verified;
    private final boolean enabled;

    @Inject
    CachingJwtParser(AuthConfig config) {
        AuthConfig.VerifiedTokenCache settings = config.verifiedTokenCache();
        this.enabled = settings.enabled();
        this.verified = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .expireAfterWrite(settings.ttl())
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (!enabled || token == null) {
            return delegate.parse(token);
        }
        String key = digest(token);
        JsonWebToken cached = verified.getIfPresent(key);
        long nowSeconds = System.currentTimeMillis() / 1000;
        if (cached != null && cached.getExpirationTime() > nowSeconds) {
            return cached;
        }
        JsonWebToken fresh = delegate.parse(token);
        if (fresh.getExpirationTime() > nowSeconds) {
            verified.put(key, fresh);
        }
        return fresh;
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
