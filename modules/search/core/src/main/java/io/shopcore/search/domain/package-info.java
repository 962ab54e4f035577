/** Search domain (skeleton until the search issue). */
package io.shopcore.search.domain;
