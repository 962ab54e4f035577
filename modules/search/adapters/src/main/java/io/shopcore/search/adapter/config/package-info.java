/** Search adapters: config (skeleton until the search issue). */
package io.shopcore.search.adapter.config;
