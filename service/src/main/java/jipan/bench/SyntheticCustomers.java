package jipan.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.jackson.Jackson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import jipan.api.ClassifyRequestBody;
import jipan.core.documents.JsonSettings;
import jipan.core.scenarios.DemoDealership;

/**
 * Deterministic classify requests of made-up customers, for benchmarks and tests:
 * minimal ones ({@link #request}: one or two vehicles and 0 to 16 visits, about 8 on average, over the three years
 * before {@code asOf}, mostly customer-pay) or realistic ones ({@link #realisticRequest}: the demo dealership's).
 */
public final class SyntheticCustomers {
    private static final String[] PAY_TYPES = {"CUSTOMER_PAY", "CUSTOMER_PAY", "CUSTOMER_PAY", "CUSTOMER_PAY",
        "CUSTOMER_PAY", "CUSTOMER_PAY", "CUSTOMER_PAY", "WARRANTY", "INSURANCE", "INTERNAL"};
    private static final String[] SERVICE_TYPES = {"MAINTENANCE", "MAINTENANCE", "REPAIR", "ACCIDENT", "OTHER"};
    private static final String[] MODELS = {"科鲁兹", "英朗", "君威", "迈锐宝"};

    private SyntheticCustomers() {
    }

    /**
     * The demo dealership's first {@code customers} customers (leads, complaints, events, referrals and surveys
     * too) as a classify request, the same documents the API takes.
     */
    public static ObjectNode realisticRequest(LocalDate asOf, int customers, long seed) {
        return ClassifyRequestBody.json(JsonSettings.apply(Jackson.newObjectMapper()), asOf,
                new DemoDealership(seed, asOf).customers(customers));
    }

    public static ObjectNode request(LocalDate asOf, int customers, long seed) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Random random = new Random(seed);
        ObjectNode request = nodes.objectNode().put("asOf", asOf.toString());
        ArrayNode list = request.putArray("customers");
        int roNumber = 0;
        for (int c = 0; c < customers; c++) {
            ObjectNode customer = list.addObject().put("id", "C" + c).put("region", "惠城区").put("industry", "制造业");
            ArrayNode vehicles = customer.putArray("vehicles");
            int vehicleCount = 1 + random.nextInt(2);
            for (int v = 0; v < vehicleCount; v++) {
                LocalDate purchase = asOf.minusDays(random.nextInt(5 * 365));
                vehicles.addObject().put("vin", String.format("LSYNTH%011d", c * 2L + v))
                        .put("model", MODELS[random.nextInt(MODELS.length)])
                        .put("purchaseDate", purchase.toString())
                        .put("warrantyEnd", purchase.plusYears(3).toString());
            }
            ArrayNode visits = customer.putArray("visits");
            int visitCount = random.nextInt(17);
            for (int i = 0; i < visitCount; i++) {
                visits.addObject().put("roNumber", "RO" + roNumber++)
                        .put("vin", vehicles.get(random.nextInt(vehicleCount)).get("vin").asText())
                        .put("date", asOf.minusDays(random.nextInt(3 * 365)).toString())
                        .put("payType", PAY_TYPES[random.nextInt(PAY_TYPES.length)])
                        .put("serviceType", SERVICE_TYPES[random.nextInt(SERVICE_TYPES.length)])
                        .put("amount", BigDecimal.valueOf(100 + random.nextInt(3000)))
                        .put("mileage", 1000 + random.nextInt(100_000));
            }
        }
        return request;
    }
}
