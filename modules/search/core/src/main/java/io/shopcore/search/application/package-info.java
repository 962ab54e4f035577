/**
 * Search use cases: product search (cache, typo correction, fresh availability), the incremental
 * feed from catalog events and the rebuild. Ports in {@code port.in} and {@code port.out}.
 */
package io.shopcore.search.application;
