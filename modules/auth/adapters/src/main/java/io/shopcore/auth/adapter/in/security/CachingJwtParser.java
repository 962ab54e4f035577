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
 *
 * <p>Memory is bounded by weight, not by count: each entry is weighed by {@link #weigh(String)}, an
 * estimate of its heap cost from the token's length, and the cache holds at most
 * {@code shopcore.auth.verified-token-cache.max-memory} (default 32 MiB, about 10,000 tokens of the
 * ~700 characters we issue). Larger tokens simply take more of the budget, so a client sending huge
 * tokens cannot make the cache grow beyond it.
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
        this.verified = newCache(settings.maxMemory().asLongValue(), settings.ttl());
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

    static Cache<String, JsonWebToken> newCache(long maxBytes, java.time.Duration ttl) {
        return Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, JsonWebToken value) -> weigh(value.getRawToken()))
                .expireAfterWrite(ttl)
                .build();
    }

    /**
     * Estimated heap bytes of one entry: the raw token (kept by the principal, one byte per character),
     * its decoded claims held as JSON and as Java objects (about three times the token), and a fixed
     * overhead for the key, the principal and the cache node. Deliberately generous (an estimate, not a measurement).
     */
    static int weigh(String rawToken) {
        int length = rawToken == null ? 0 : rawToken.length();
        return (int) Math.min(Integer.MAX_VALUE, 1024L + 4L * length);
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
