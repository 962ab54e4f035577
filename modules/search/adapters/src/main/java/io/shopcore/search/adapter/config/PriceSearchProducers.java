package io.shopcore.search.adapter.config;

import io.shopcore.search.application.PriceSearchSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Hands the price search core its settings as a plain record. */
@ApplicationScoped
public class PriceSearchProducers {

    @Produces
    @Singleton
    PriceSearchSettings settings(PriceSearchConfig config) {
        return config.toSettings();
    }
}
