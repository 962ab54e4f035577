/** GET /api/v1/search and the admin rebuild. */
package io.shopcore.search.adapter.in.rest;
