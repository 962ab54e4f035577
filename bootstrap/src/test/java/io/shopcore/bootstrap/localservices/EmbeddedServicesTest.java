package io.shopcore.bootstrap.localservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * The last fallback of LocalServices, for a machine with nothing but a JDK: the embedded PostgreSQL and
 * Redis really start here and answer. (The other branches run in every @QuarkusTest.)
 */
class EmbeddedServicesTest {

    @Test
    void embeddedPostgres_startsCreatesTheDatabaseAndAnswers() throws Exception {
        LocalServices.Database db = LocalServices.embeddedDatabase("shopcore_embedded_check");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                ResultSet rs = c.createStatement().executeQuery("SELECT current_database(), 'ok 한글'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("shopcore_embedded_check");
            assertThat(rs.getString(2)).isEqualTo("ok 한글");
        }
    }

    @Test
    void embeddedRedis_startsAndAnswersPing() throws Exception {
        LocalServices.Redis redis = LocalServices.embeddedRedis();
        assertThat(redis.port()).isNotEqualTo(6379);
        try (Socket socket = new Socket(redis.host(), redis.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("+PONG");
        }
    }
}
