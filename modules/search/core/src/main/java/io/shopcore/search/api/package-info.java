/** Search's published API (empty until the search issue: product and price search). */
package io.shopcore.search.api;
