package io.shopcore.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Product search in Korean and English ({@code GET /search?q=}, partial words included, sometimes with a
 * price range or a price sort) mixed with price searches ({@code POST /price/search {query}}, 200 or 404
 * when nothing matches anywhere), against the DESIGN.md section 3 contract. The terms come from the demo
 * catalog's vocabulary (and the generated catalog's, which reuses it).
 */
public class SearchSimulation extends ShopcoreSimulation {

    static final List<String> KOREAN = List.of("무선 이어폰", "이어폰", "블루투스 스피커", "스피커", "보조배터리", "스마트워치",
            "후드", "러닝화", "데님", "수분 크림", "선크림", "감귤", "현미", "김치", "원두", "의자", "책상", "소파",
            "요가 매트", "텐트", "소설", "프로그래밍", "전기밥솥", "에어프라이어", "보드게임", "사료", "삼성", "프리미엄", "블랙");
    static final List<String> ENGLISH = List.of("wireless earbuds", "earbuds", "speaker", "power bank", "smartwatch", "hoodie",
            "running shoes", "denim", "cream", "sunscreen", "coffee", "office chair", "desk", "sofa", "yoga", "tent",
            "novel", "programming", "rice cooker", "air fryer", "lego", "dog food", "sony", "apple", "ultra", "navy",
            "usb-c (2m", "100%");
    static final List<String> PRICE_QUERIES = List.of("무선 이어폰", "Wireless Earbuds", "스마트워치", "Smartwatch", "러닝화",
            "Running Shoes", "에어프라이어", "Air Fryer", "Office Chair", "요가 매트", "LEGO", "아이폰 16 프로", "Nintendo Switch 2");

    public SearchSimulation() {
        ScenarioBuilder search = persistent("Search", exec(session -> session), exec(session -> session
                        .set("ko", pick(KOREAN)).set("en", pick(ENGLISH)).set("priceQuery", pick(PRICE_QUERIES))
                        .set("maxPrice", 50_000 * (1 + ThreadLocalRandom.current().nextInt(20))))
                .exec(randomSwitch().on(
                        percent(30).then(exec(http("GET /search (ko)").get("/api/v1/search")
                                .queryParam("q", "#{ko}").check(status().is(200), jsonPath("$.items").exists()))),
                        percent(25).then(exec(http("GET /search (en)").get("/api/v1/search")
                                .queryParam("q", "#{en}").check(status().is(200), jsonPath("$.items").exists()))),
                        percent(15).then(exec(http("GET /search (price range)").get("/api/v1/search")
                                .queryParam("q", "#{ko}").queryParam("minPrice", "0").queryParam("maxPrice", "#{maxPrice}")
                                .queryParam("sort", "price").check(status().is(200), jsonPath("$.items").exists()))),
                        percent(30).then(exec(http("POST /price/search").post("/api/v1/price/search")
                                .body(StringBody(session -> "{\"query\":" + jsonString(session.getString("priceQuery")) + "}"))
                                .check(status().in(200, 404)))))));
        setUp(search.injectOpen(users())).protocols(protocol).assertions(noFailures());
    }

    @Override
    protected void prepare() {
        int status = client.status("/api/v1/search?q=" + java.net.URLEncoder.encode("이어폰", java.nio.charset.StandardCharsets.UTF_8));
        if (status != 200) {
            throw new IllegalStateException("GET /api/v1/search answered " + status
                    + ": this build has no search endpoint yet (DESIGN.md section 3), nothing to measure");
        }
        System.out.println("Search: " + params);
    }

    @Override
    protected void check() {
        verdict.info("search mix done (latency and failures in the report)");
    }

    private static String pick(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
