package io.shopcore.search.adapter.in.rest;

/** {@code {query}}: the product text (1..200 characters after trimming); no other field is accepted. */
public record PriceSearchRequest(String query) {}
