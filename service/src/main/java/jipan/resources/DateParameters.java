package jipan.resources;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Function;
import jipan.core.Limits;

/**
 * The one reading of date ({@code YYYY-MM-DD}) and month ({@code YYYY-MM}) parameters for every endpoint: the
 * bounds of {@link Limits}, and a 400 that names the parameter and says what was expected and what came.
 */
public final class DateParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Converter<>(name, Limits::parseDate);
        }
        if (rawType == YearMonth.class) {
            return (ParamConverter<T>) new Converter<>(name, Limits::parseMonth);
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return "parameter";
    }

    private record Converter<T>(String name, Function<String, T> parse) implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            if (value == null) {
                return null; // absent: @NotNull says whether it is required
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(name + ": " + e.getMessage());
            }
        }

        @Override
        public String toString(T value) {
            return value.toString();
        }
    }
}
