package io.shopcore.catalog.adapter.in.startup;

import io.quarkus.runtime.StartupEvent;
import io.shopcore.catalog.adapter.config.CatalogConfig;
import io.shopcore.catalog.application.port.in.LoadDemoDataUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Loads the demo catalog at start-up when {@code shopcore.catalog.demo-data.enabled=true} (on in dev). */
@ApplicationScoped
public class DemoDataStartup {

    private static final Logger LOG = Logger.getLogger(DemoDataStartup.class);

    private final CatalogConfig config;
    private final LoadDemoDataUseCase loader;

    public DemoDataStartup(CatalogConfig config, LoadDemoDataUseCase loader) {
        this.config = config;
        this.loader = loader;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.demoData().enabled()) {
            return;
        }
        LoadDemoDataUseCase.Result r = loader.load();
        LOG.infof(
                "Demo catalog: %d categories and %d products created (now %d categories, %d products)",
                r.categoriesCreated(), r.productsCreated(), r.categoriesTotal(), r.productsTotal());
    }
}
