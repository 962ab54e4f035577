package io.shopcore.catalog.support;

import io.shopcore.bootstrap.support.TestUsers;

/** Bearer tokens for the catalog's API tests: the configured admin and one customer, via the real auth endpoints. */
public final class CatalogTokens {

    private CatalogTokens() {}

    public static String admin() {
        return TestUsers.adminToken();
    }

    public static String customer() {
        return TestUsers.customerToken("catalog-customer");
    }
}
