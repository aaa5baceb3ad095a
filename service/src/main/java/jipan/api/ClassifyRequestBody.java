package jipan.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jipan.core.CustomerFacts;

/**
 * The shape of a {@code POST /api/v1/classify} body, for the OpenAPI document: the date to classify as of and
 * the customers, each a {@link CustomerDocument}. The service reads the body with the customer document
 * reader, which reports every problem of every customer at once (422, each by its JSON path).
 */
public record ClassifyRequestBody(LocalDate asOf, List<CustomerDocument> customers) {

    /** The body an integration would send to classify these customers, as JSON. */
    public static ObjectNode json(ObjectMapper json, LocalDate asOf, List<CustomerFacts> customers) {
        ObjectNode request = json.createObjectNode().put("asOf", asOf.toString());
        ArrayNode list = request.putArray("customers");
        for (CustomerFacts customer : customers) {
            list.add(json.valueToTree(CustomerDocument.of(customer)));
        }
        return request;
    }

    /** A request split into one request per customer, as an integration sends them one at a time. */
    public static List<ObjectNode> perCustomer(ObjectNode request) {
        List<ObjectNode> requests = new ArrayList<>(request.get("customers").size());
        for (var customer : request.get("customers")) {
            ObjectNode single = JsonNodeFactory.instance.objectNode().put("asOf", request.get("asOf").asText());
            single.putArray("customers").add(customer);
            requests.add(single);
        }
        return requests;
    }
}
