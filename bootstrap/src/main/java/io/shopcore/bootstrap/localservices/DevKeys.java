package io.shopcore.bootstrap.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * An RSA key pair for signing JWTs in dev and test, generated on first use into
 * {@code ~/.shopcore/dev-keys} (never into the repository). Prod must be given real keys.
 */
public record DevKeys(Path privateKey, Path publicKey) {

    private static final Logger LOG = Logger.getLogger(DevKeys.class);

    static DevKeys ensure() {
        return in(Path.of(System.getProperty(
                "shopcore.dev-keys.dir",
                Path.of(System.getProperty("user.home"), ".shopcore", "dev-keys")
                        .toString())));
    }

    /** The key pair in {@code dir} ({@code jwt-private.pem}, {@code jwt-public.pem}), generated there if missing. */
    public static synchronized DevKeys in(Path dir) {
        DevKeys keys = new DevKeys(dir.resolve("jwt-private.pem"), dir.resolve("jwt-public.pem"));
        if (Files.isReadable(keys.privateKey()) && Files.isReadable(keys.publicKey())) {
            return keys;
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path tmpPrivate = Files.createTempFile(dir, "private", ".tmp");
            Files.setPosixFilePermissions(tmpPrivate, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(tmpPrivate, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Path tmpPublic = Files.createTempFile(dir, "public", ".tmp");
            Files.writeString(tmpPublic, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.move(tmpPublic, keys.publicKey(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmpPrivate, keys.privateKey(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            LOG.infof("Generated a dev/test JWT key pair in %s", dir);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
