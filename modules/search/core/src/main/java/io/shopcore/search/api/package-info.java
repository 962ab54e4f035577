/**
 * Search's published API: nothing yet. Other modules feed search through their own published
 * events (catalog.api.CatalogProductChanged); the price search (same module) uses the application
 * port {@code SearchProductsUseCase} directly.
 */
package io.shopcore.search.api;
