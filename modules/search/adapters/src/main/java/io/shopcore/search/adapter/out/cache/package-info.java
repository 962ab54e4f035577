/** The result cache in Redis (generation-keyed, best effort). */
package io.shopcore.search.adapter.out.cache;
