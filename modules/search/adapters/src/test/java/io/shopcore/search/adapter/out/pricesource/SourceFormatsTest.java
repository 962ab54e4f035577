package io.shopcore.search.adapter.out.pricesource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.shopcore.search.application.port.out.PriceSource.Failure;
import io.shopcore.search.domain.PriceOffer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of recorded answers in each source's format, and Retry-After. */
class SourceFormatsTest {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = SourceFormatsTest.class.getResourceAsStream("/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void givenRecordedNaverAnswer_parse_stripsMarkupAndKeepsExactWon() throws IOException {
        List<PriceOffer> offers = NaverShoppingClient.parse("naver", fixture("naver-shop-iphone15.json"), "KRW");
        assertThat(offers)
                .extracting(PriceOffer::name)
                .containsExactly(
                        "Apple 아이폰 15 128GB [SKT] 기기변경 & 번호이동",
                        "Apple 아이폰 15 128GB 자급제 블랙",
                        "Apple 정품 아이폰 15 Pro 256GB \"자급제\" 내추럴 티타늄");
        assertThat(offers).extracting(o -> o.price().toPlainString()).containsExactly("1090000", "1049000", "1520000");
        assertThat(offers.get(1).productId()).isEqualTo("40852145619");
        assertThat(offers.get(1).url()).isEqualTo("https://search.shopping.example.test/catalog/40852145619");
        assertThat(offers)
                .allMatch(o -> o.currency().equals("KRW") && o.source().equals("naver"));
    }

    @Test
    void givenRecordedFeedAnswer_parse_readsNumbersAndStringsExactly() throws IOException {
        List<PriceOffer> offers = JsonFeedClient.parse("feed", fixture("feed-coffee-machines.json"), "KRW", 20);
        assertThat(offers).extracting(PriceOffer::productId).containsExactly("BES870", null, "DL-ECAM22110");
        assertThat(offers).extracting(o -> o.price().toPlainString()).containsExactly("599.99", "549000", "389000.50");
        assertThat(offers).extracting(PriceOffer::currency).containsExactly("USD", "KRW", "KRW");
        assertThat(offers.get(1).name()).isEqualTo("필립스 3200 시리즈 & LatteGo");
        assertThat(JsonFeedClient.parse("feed", fixture("feed-coffee-machines.json"), "KRW", 1))
                .hasSize(1);
    }

    @Test
    void givenWrongShapes_parse_isMalformed() throws IOException {
        for (String body : new String[] {"{}", "{\"items\": {}}", "[]", "{\"items\": \"x\"}"}) {
            assertThatThrownBy(() -> NaverShoppingClient.parse("naver", JSON.readTree(body), "KRW"))
                    .isInstanceOfSatisfying(
                            SourceCallException.class,
                            e -> assertThat(e.reason()).isEqualTo(Failure.MALFORMED));
        }
        assertThatThrownBy(() -> JsonFeedClient.parse("feed", JSON.readTree("{\"items\": []}"), "KRW", 5))
                .isInstanceOfSatisfying(
                        SourceCallException.class, e -> assertThat(e.reason()).isEqualTo(Failure.MALFORMED));
        assertThat(JsonFeedClient.parse(
                        "feed",
                        JSON.readTree("{\"offers\": [1, \"x\", {\"name\": \"a\", \"price\": \"1e3\"}]}"),
                        "KRW",
                        5))
                .as("unusable offers are skipped")
                .isEmpty();
    }

    @Test
    void givenRetryAfter_parse_readsSecondsAndDatesWithinBounds() {
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 29, 12, 0, 0, 0, ZoneOffset.UTC);
        Duration fallback = Duration.ofSeconds(30);
        assertThat(HttpJson.retryAfter("7", fallback, now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(HttpJson.retryAfter(" 0 ", fallback, now)).isEqualTo(Duration.ZERO);
        assertThat(HttpJson.retryAfter("Sun, 29 Nov 2026 12:01:30 GMT", fallback, now))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(HttpJson.retryAfter("Sun, 29 Nov 2026 11:00:00 GMT", fallback, now))
                .isEqualTo(Duration.ZERO);
        assertThat(HttpJson.retryAfter("999999", fallback, now)).isEqualTo(HttpJson.MAX_RETRY_AFTER);
        assertThat(HttpJson.retryAfter(null, fallback, now)).isEqualTo(fallback);
        assertThat(HttpJson.retryAfter("soon", fallback, now)).isEqualTo(fallback);
        assertThat(HttpJson.retryAfter("-5", fallback, now)).isEqualTo(Duration.ZERO);
    }
}
