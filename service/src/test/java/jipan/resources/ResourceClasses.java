package jipan.resources;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The REST resource classes as compiled (every class with {@code @Path} in jipan.resources) and their methods. */
public final class ResourceClasses {
    private ResourceClasses() {
    }

    public static List<Class<?>> all() {
        List<Class<?>> resources = new ArrayList<>();
        try (var files = Files.list(java.nio.file.Path.of("target/classes/jipan/resources"))) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> type = Class.forName("jipan.resources." + name.substring(0, name.length() - 6));
                    if (type.isAnnotationPresent(Path.class)) {
                        resources.add(type);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return resources;
    }

    /** The HTTP verb of a resource method, or null for a method that is not one. */
    public static String verb(Method method) {
        return method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST"
                : method.isAnnotationPresent(PUT.class) ? "PUT" : method.isAnnotationPresent(DELETE.class) ? "DELETE"
                : null;
    }

    /** Every resource method (one with an HTTP verb) of every resource class. */
    public static List<Method> methods() {
        List<Method> methods = new ArrayList<>();
        for (Class<?> type : all()) {
            for (Method method : type.getMethods()) {
                if (verb(method) != null) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }

    /** The path of a resource method: its class's and its own, e.g. {@code /api/v1/rules/versions/{seq}}. */
    public static String path(Method method) {
        Path sub = method.getAnnotation(Path.class);
        return method.getDeclaringClass().getAnnotation(Path.class).value()
                + (sub == null ? "" : (sub.value().startsWith("/") ? "" : "/") + sub.value());
    }
}
