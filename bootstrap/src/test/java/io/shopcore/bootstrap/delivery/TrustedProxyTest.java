package io.shopcore.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Forwarded client addresses count only from a trusted proxy (quarkus.http.proxy.trusted-proxies=127.0.0.1).
 * The login throttle's per-address counter shows which address the service believed: a request from
 * 127.0.0.1 (trusted, like nginx on the host) is counted for its X-Forwarded-For address; the same request
 * from 127.0.0.2 (another loopback address, so an untrusted peer) is counted for the peer, the header ignored.
 */
@QuarkusTest
class TrustedProxyTest {

    private static final String ADDRESS_COUNTER = "auth:login-failures:addr:";

    @TestHTTPResource("/api/v1/auth/token")
    URI tokenUri;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
    String trustedProxies;

    @Test
    void givenTrustedPeer_forwardedFor_isTheAddressTheThrottleCounts() throws Exception {
        assertThat(trustedProxies).isEqualTo("127.0.0.1");
        String client = randomDocumentationAddress();

        assertThat(failedLoginFrom("127.0.0.1", client)).isEqualTo(401);

        assertThat(counter(client)).isEqualTo(1L);
    }

    @Test
    void givenUntrustedPeer_forwardedFor_isIgnored() throws Exception {
        String spoofed = randomDocumentationAddress();
        long before = counter("127.0.0.2");

        assertThat(failedLoginFrom("127.0.0.2", spoofed)).isEqualTo(401);

        assertThat(counter(spoofed)).as("the spoofed address is not counted").isZero();
        assertThat(counter("127.0.0.2")).as("the real peer is counted").isEqualTo(before + 1);
    }

    private int failedLoginFrom(String localAddress, String forwardedFor) throws Exception {
        try (HttpClient client = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(localAddress))
                .build()) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(tokenUri.toString().replace("localhost", "127.0.0.1")))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", forwardedFor)
                    .header("X-Forwarded-Proto", "https")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            """
                            {"username":"proxy-%s","password":"wrong-password-123"}""".formatted(UUID.randomUUID().toString().substring(0, 8))))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private long counter(String address) {
        Long value = redis.value(Long.class).get(ADDRESS_COUNTER + address);
        return value == null ? 0 : value;
    }

    private static String randomDocumentationAddress() {
        return "198.18." + ThreadLocalRandom.current().nextInt(0, 256) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
    }
}
