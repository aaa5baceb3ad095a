package jipan.core.facts;

import java.time.LocalDate;

/** A vehicle the customer owns. */
public final class Vehicle {
    private final String vin;
    private final String model;
    private final LocalDate purchaseDate;
    private final LocalDate warrantyEnd;
    private final boolean boughtHere;
    private final boolean installment;

    public Vehicle(String vin, String model, LocalDate purchaseDate, LocalDate warrantyEnd,
                   boolean boughtHere, boolean installment) {
        this.vin = vin;
        this.model = model;
        this.purchaseDate = purchaseDate;
        this.warrantyEnd = warrantyEnd;
        this.boughtHere = boughtHere;
        this.installment = installment;
    }

    public String getVin() { return vin; }
    public String getModel() { return model; }
    public LocalDate getPurchaseDate() { return purchaseDate; }
    public LocalDate getWarrantyEnd() { return warrantyEnd; }
    public boolean isBoughtHere() { return boughtHere; }
    public boolean isInstallment() { return installment; }
}
