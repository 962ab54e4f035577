/** Search adapters: out.persistence (skeleton until the search issue). */
package io.shopcore.search.adapter.out.persistence;
