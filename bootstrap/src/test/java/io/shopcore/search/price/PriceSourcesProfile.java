package io.shopcore.search.price;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Set;

/** Price sources played by WireMock, and a product search that can fail like a database outage. */
public class PriceSourcesProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockSources.class));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(SwitchableProductSearch.class);
    }
}
