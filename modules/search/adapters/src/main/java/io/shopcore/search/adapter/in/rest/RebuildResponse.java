package io.shopcore.search.adapter.in.rest;

/** The outcome of an index rebuild: products now indexed and how long it took. */
public record RebuildResponse(long indexed, long tookMs) {}
