/** Search adapters: out.cache (skeleton until the search issue). */
package io.shopcore.search.adapter.out.cache;
