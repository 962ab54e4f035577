package io.shopcore.search.application.port.in;

/**
 * Rebuilds the projection from scratch through the catalog's api, in one transaction, with
 * exactly the result the incremental feed gives. Index writes from catalog changes wait meanwhile.
 */
public interface RebuildSearchIndexUseCase {

    Result rebuild();

    /** Rebuilds only when the index is empty and the catalog is not (start-up of an existing database). */
    Result rebuildIfEmpty();

    /** @param rebuilt whether a rebuild ran; {@code indexed} products are in the index now */
    record Result(boolean rebuilt, long indexed) {}
}
