package jipan.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import jakarta.validation.Valid;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jipan.resources.ResourceClasses;
import org.junit.jupiter.api.Test;

/**
 * The shape of the contract, read from the resource classes: every answer is an {@code api} record (or a list
 * of them, or text) — never a store row, a map or a JSON tree — and every body is an {@code api} record, except
 * the customer documents, read by hand so that every problem is reported at once.
 */
class ContractShapeTest {

    private static void check(Type type, String where, List<String> problems) {
        if (type instanceof ParameterizedType parameterized) {
            check(parameterized.getRawType(), where, problems);
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(argument, where, problems);
            }
        } else if (type instanceof Class<?> raw) {
            if (Map.class.isAssignableFrom(raw) || JsonNode.class.isAssignableFrom(raw)
                    || raw.getPackageName().startsWith("jipan.db")) {
                problems.add(where + " uses " + raw.getName());
            }
            if (raw.isRecord() && !raw.getPackageName().equals("jipan.api")) {
                problems.add(where + " answers " + raw.getName() + ", a record outside jipan.api");
            }
        }
    }

    @Test
    void answersAndBodiesAreApiRecords() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Method> methods = ResourceClasses.methods();
        assertThat(methods).hasSizeGreaterThan(25);
        for (Method method : methods) {
            String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
            check(method.getGenericReturnType(), where, problems);
            if (method.getReturnType() == Response.class && !method.isAnnotationPresent(ApiResponse.class)
                    && !method.isAnnotationPresent(ApiResponses.class) && !method.isAnnotationPresent(Operation.class)) {
                problems.add(where + " answers a Response without saying its body (@ApiResponse)");
            }
            for (Parameter parameter : method.getParameters()) {
                boolean body = parameter.getAnnotations().length == 0
                        || parameter.isAnnotationPresent(RequestBody.class)
                        || parameter.isAnnotationPresent(Valid.class);
                if (!body || parameter.getType() == InputStream.class) {
                    continue;
                }
                if (parameter.getType() == JsonNode.class) {
                    // the customer documents: read by hand, described by an api record for the document
                    assertThat(parameter.isAnnotationPresent(
                            RequestBody.class)).as(where).isTrue();
                } else {
                    check(parameter.getParameterizedType(), where + " body", problems);
                    if (!parameter.getType().getPackageName().equals("jipan.api")) {
                        problems.add(where + " takes a body of " + parameter.getType().getName());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
