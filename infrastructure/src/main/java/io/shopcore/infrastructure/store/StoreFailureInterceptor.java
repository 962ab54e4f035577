package io.shopcore.infrastructure.store;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.jboss.logging.Logger;

/** Translates the store failures of {@link TranslateStoreFailures} adapters (see {@link StoreFailures}). */
@TranslateStoreFailures("")
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_AFTER)
public class StoreFailureInterceptor {

    private static final Logger LOG = Logger.getLogger(StoreFailureInterceptor.class);

    @AroundInvoke
    Object translate(InvocationContext ctx) throws Exception {
        try {
            return ctx.proceed();
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (Exception e) {
            var unavailable = StoreFailures.unavailable(store(ctx), e);
            if (unavailable.isEmpty()) {
                throw e;
            }
            LOG.debugf(
                    "%s.%s: %s",
                    ctx.getMethod().getDeclaringClass().getSimpleName(),
                    ctx.getMethod().getName(),
                    unavailable.get().getMessage());
            throw unavailable.get();
        }
    }

    private static String store(InvocationContext ctx) {
        TranslateStoreFailures binding = ctx.getInterceptorBinding(TranslateStoreFailures.class);
        return binding == null || binding.value().isBlank() ? "store" : binding.value();
    }
}
