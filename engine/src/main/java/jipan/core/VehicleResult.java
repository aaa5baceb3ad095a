package jipan.core;

import jipan.core.facts.Lifecycle;

/** One vehicle's lifecycle stage; null for a vehicle bought after asOf. */
public record VehicleResult(String vin, Lifecycle lifecycle) {
}
