/** The projection and dictionary in PostgreSQL (schema {@code search}), plain JDBC. */
package io.shopcore.search.adapter.out.persistence;
