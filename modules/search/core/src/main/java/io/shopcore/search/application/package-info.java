/** Search application (skeleton until the search issue). */
package io.shopcore.search.application;
