package io.shopcore.search.application;

import io.shopcore.search.application.port.out.PriceSource;
import io.shopcore.search.domain.PriceOffer;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A source answering what the test says; {@link #blocking} never answers until interrupted. */
public class FakePriceSource implements PriceSource {

    private final String name;
    private final Function<String, Answer> behaviour;
    public final AtomicInteger calls = new AtomicInteger();
    public final CountDownLatch interrupted = new CountDownLatch(1);

    public FakePriceSource(String name, Function<String, Answer> behaviour) {
        this.name = name;
        this.behaviour = behaviour;
    }

    public static FakePriceSource offering(String name, String... prices) {
        List<PriceOffer> offers = java.util.Arrays.stream(prices)
                .map(p -> new PriceOffer(
                        name, "p-" + p, name + " 상품 " + p, new BigDecimal(p), "KRW", "https://example.test/" + p))
                .toList();
        return new FakePriceSource(name, text -> new Offers(offers));
    }

    public static FakePriceSource failing(String name, Failure reason) {
        return new FakePriceSource(name, text -> new Failed(reason, "fake " + reason));
    }

    /** Blocks until interrupted (the search's deadline), then counts the interruption. */
    public static FakePriceSource blocking(String name) {
        FakePriceSource[] self = new FakePriceSource[1];
        self[0] = new FakePriceSource(name, text -> {
            try {
                new CountDownLatch(1).await();
                throw new AssertionError("unreachable");
            } catch (InterruptedException e) {
                self[0].interrupted.countDown();
                return new Failed(Failure.DEADLINE, "interrupted");
            }
        });
        return self[0];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Answer search(String text) {
        calls.incrementAndGet();
        return behaviour.apply(text);
    }
}
