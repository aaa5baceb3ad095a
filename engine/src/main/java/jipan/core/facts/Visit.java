package jipan.core.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One repair order (RO): a vehicle entering the workshop on a date. */
public final class Visit {
    private final String roNumber;
    private final String vin;
    private final LocalDate date;
    private final Integer mileage;
    private final PayType payType;
    private final ServiceType serviceType;
    private final BigDecimal amount;
    private final String advisor;

    public Visit(String roNumber, String vin, LocalDate date, Integer mileage, PayType payType,
                 ServiceType serviceType, BigDecimal amount) {
        this(roNumber, vin, date, mileage, payType, serviceType, amount, null);
    }

    /** @param advisor the service advisor who received the car (服务顾问 / 接待人), or null */
    public Visit(String roNumber, String vin, LocalDate date, Integer mileage, PayType payType,
                 ServiceType serviceType, BigDecimal amount, String advisor) {
        this.roNumber = roNumber;
        this.vin = vin;
        this.date = date;
        this.mileage = mileage;
        this.payType = payType;
        this.serviceType = serviceType;
        this.amount = amount;
        this.advisor = advisor;
    }

    public String getRoNumber() { return roNumber; }
    public String getVin() { return vin; }
    public LocalDate getDate() { return date; }
    public Integer getMileage() { return mileage; }
    public PayType getPayType() { return payType; }
    public ServiceType getServiceType() { return serviceType; }
    public BigDecimal getAmount() { return amount; }
    public String getAdvisor() { return advisor; }
}
