/** Search adapters: in.rest (skeleton until the search issue). */
package io.shopcore.search.adapter.in.rest;
