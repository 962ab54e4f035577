/**
 * The neutral vocabulary of store failures shared by every context's outbound adapters: {@link
 * io.shopcore.infrastructure.store.StoreUnavailableException} and the translation of JDBC and
 * Hibernate failures into it. No HTTP here; {@code infrastructure.problem} maps it to 503.
 */
package io.shopcore.infrastructure.store;
