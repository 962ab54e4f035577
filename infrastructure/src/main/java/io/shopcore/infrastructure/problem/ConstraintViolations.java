package io.shopcore.infrastructure.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/** Reads a bean-validation violation the way a client knows the request: JSON field names, missing bodies. */
final class ConstraintViolations {

    private ConstraintViolations() {}

    /**
     * The name a client knows: the last bean or parameter node, not the Java method path, and for a
     * bean property its JSON name ({@code @JsonProperty("refresh_token")}, not {@code refreshToken}).
     */
    static String fieldName(ConstraintViolation<?> v) {
        String name = null;
        StringBuilder beanPath = new StringBuilder();
        boolean inBean = false;
        Method method = null;
        Class<?> current = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = method(v.getRootBeanClass(), node.as(Path.MethodNode.class));
            } else if (node.getKind() == ElementKind.PARAMETER) {
                name = node.getName();
                inBean = false;
                beanPath.setLength(0);
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                current =
                        method != null && index < method.getParameterCount() ? method.getParameterTypes()[index] : null;
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getName() == null) {
                    continue;
                }
                if (inBean) {
                    beanPath.append('.');
                }
                Field field = field(current, node.getName());
                JsonProperty json = field == null ? null : field.getAnnotation(JsonProperty.class);
                beanPath.append(json != null && !json.value().isEmpty() ? json.value() : node.getName());
                current = field == null ? null : field.getType();
                inBean = true;
            }
        }
        if (inBean) {
            return beanPath.toString();
        }
        return name == null ? "request" : name;
    }

    /** A {@code @NotNull} on the entity parameter (no JAX-RS parameter annotation): the body was empty. */
    static boolean isMissingBody(ConstraintViolation<?> v) {
        if (!(v.getConstraintDescriptor().getAnnotation() instanceof NotNull)) {
            return false;
        }
        Method method = null;
        Path.Node last = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = method(v.getRootBeanClass(), node.as(Path.MethodNode.class));
            }
            last = node;
        }
        if (method == null || last == null || last.getKind() != ElementKind.PARAMETER) {
            return false;
        }
        int index = last.as(Path.ParameterNode.class).getParameterIndex();
        if (index >= method.getParameterCount()) {
            return false;
        }
        for (Annotation a : method.getParameterAnnotations()[index]) {
            String pkg = a.annotationType().getPackageName();
            if (pkg.equals("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive")) {
                return false; // @PathParam, @QueryParam, @HeaderParam, @Context, @RestQuery...: not the body
            }
        }
        return true;
    }

    private static Method method(Class<?> owner, Path.MethodNode node) {
        Class<?>[] types = node.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(node.getName(), types);
            } catch (NoSuchMethodException ignored) {
                // declared higher up (or in a CDI subclass of the resource)
            }
        }
        return null;
    }

    private static Field field(Class<?> owner, String name) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException ignored) {
                // inherited
            }
        }
        return null;
    }
}
