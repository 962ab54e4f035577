/**
 * The neutral vocabulary of back-pressure shared by every context: {@link
 * io.shopcore.infrastructure.capacity.OverloadedException} ("too much work is waiting; nothing was
 * done, retry later") and {@link io.shopcore.infrastructure.capacity.BoundedExecutor} (a fixed number
 * of threads behind a bounded queue that refuses instead of queueing without end). No HTTP here;
 * {@code infrastructure.problem} maps the exception to 503 once.
 */
package io.shopcore.infrastructure.capacity;
