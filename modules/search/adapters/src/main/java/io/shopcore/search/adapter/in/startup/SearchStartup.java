package io.shopcore.search.adapter.in.startup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.shopcore.search.adapter.config.SearchConfig;
import io.shopcore.search.application.KoreanTrigramCheck;
import io.shopcore.search.application.port.in.RebuildSearchIndexUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * At start-up: refuses to run on a database without Korean trigrams, then fills an empty projection
 * from a catalog that has products (a database from before the search module). Demo data loaded at
 * start-up reaches the projection through the catalog's events, whichever runs first.
 */
@ApplicationScoped
public class SearchStartup {

    private static final Logger LOG = Logger.getLogger(SearchStartup.class);

    private final KoreanTrigramCheck trigramCheck;
    private final RebuildSearchIndexUseCase rebuild;
    private final SearchConfig config;

    public SearchStartup(KoreanTrigramCheck trigramCheck, RebuildSearchIndexUseCase rebuild, SearchConfig config) {
        this.trigramCheck = trigramCheck;
        this.rebuild = rebuild;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        trigramCheck.verify();
        if (config.rebuildIfEmptyAtStart()) {
            RebuildSearchIndexUseCase.Result r = QuarkusTransaction.requiringNew()
                    .timeout((int) Math.max(1, config.rebuildTimeout().toSeconds()))
                    .call(rebuild::rebuildIfEmpty);
            if (r.rebuilt()) {
                LOG.infof("Search index was empty: rebuilt from the catalog (%d products)", r.indexed());
            }
        }
    }
}
