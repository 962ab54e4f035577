/**
 * The stock core's fakes ({@code InMemory<Port>}) and port contracts ({@code <Port>Contract}), published
 * as the core's test-jar: use-case tests here run on the fakes, and bootstrap runs the same contracts
 * against the real JDBC adapters, so the fakes cannot drift from what the adapters do.
 */
package io.shopcore.stock.testing;
