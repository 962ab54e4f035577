package io.shopcore.infrastructure.store;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on an outbound adapter (a CDI bean) that talks to a store: every failure of its methods that
 * {@link StoreFailures} recognises as "the store is unavailable" leaves as a {@link
 * StoreUnavailableException}; anything else passes through unchanged. No per-method try/catch.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TranslateStoreFailures {

    /** The store's name for logs and metrics (usually the context: {@code auth}, {@code catalog}). */
    @Nonbinding
    String value();
}
