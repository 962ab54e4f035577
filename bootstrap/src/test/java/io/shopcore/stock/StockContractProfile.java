package io.shopcore.stock;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * For the port contracts against the JDBC adapters: no scheduled sweeper or key purge, which would
 * otherwise expire or purge the contracts' (deliberately old) rows while a contract is looking at them.
 */
public class StockContractProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.scheduler.enabled", "false");
    }
}
