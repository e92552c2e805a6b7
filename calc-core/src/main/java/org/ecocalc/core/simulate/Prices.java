package org.ecocalc.core.simulate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import javax.money.MonetaryContext;
import javax.money.MonetaryContextBuilder;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.quantity.Decimals;
import org.javamoney.moneta.Money;

/**
 * The prices of a simulation, all in one currency: electricity per kWh, an internal carbon price
 * per tonne CO2e, water per m³. Amounts are JSR 354 {@link Money} (BigDecimal), never
 * {@code FastMoney}; ecocalc does the arithmetic on {@link BigDecimal} itself (exact products) and
 * wraps results with {@link #MONETARY_CONTEXT} (decimal128), so Moneta's own default context
 * (256 digits) is never used implicitly. Currencies are never converted: mixing them is an error.
 *
 * @param electricityPerKwh      price of one kWh of grid electricity
 * @param carbonPerTonne         internal carbon price per tonne CO2e (1,000 kg)
 * @param waterPerM3             price of one m³ (1,000 L) of water
 * @param carbonBasis            which Scope 2 total the carbon price applies to: {@code location} or {@code market}
 * @param carbonIncludesEmbodied whether the carbon price also applies to amortised embodied carbon
 */
public record Prices(Money electricityPerKwh, Money carbonPerTonne, Money waterPerM3, String carbonBasis,
        boolean carbonIncludesEmbodied) {
    /** The monetary context of every amount ecocalc creates: decimal128, half-even. */
    public static final MonetaryContext MONETARY_CONTEXT = MonetaryContextBuilder.of(Money.class)
            .setPrecision(Decimals.MATH_CONTEXT.getPrecision()).set(Decimals.MATH_CONTEXT.getRoundingMode())
            .set(MathContext.class, Decimals.MATH_CONTEXT).build();
    /** Default carbon basis of the carbon price: location (as {@code MethodSettings.DEFAULT_CARBON_BASIS}). */
    public static final String DEFAULT_CARBON_BASIS = "location";

    public Prices {
        Objects.requireNonNull(electricityPerKwh, "electricityPerKwh");
        Objects.requireNonNull(carbonPerTonne, "carbonPerTonne");
        Objects.requireNonNull(waterPerM3, "waterPerM3");
        Objects.requireNonNull(carbonBasis, "carbonBasis");
        if (!carbonBasis.equals("location") && !carbonBasis.equals("market")) {
            throw new EcoCalcException(ErrorCode.INVALID_SCENARIO, "carbon basis must be location or market, got "
                    + carbonBasis);
        }
        CurrencyUnit c = electricityPerKwh.getCurrency();
        requireSame(c, carbonPerTonne, "carbon price");
        requireSame(c, waterPerM3, "water price");
        for (Money m : new Money[] {electricityPerKwh, carbonPerTonne, waterPerM3}) {
            if (m.isNegative()) {
                throw new EcoCalcException(ErrorCode.INVALID_SCENARIO, "a price cannot be negative: " + m);
            }
        }
    }

    /** The currency of every price and cost. */
    public CurrencyUnit currency() {
        return electricityPerKwh.getCurrency();
    }

    /** An amount of money in {@link #MONETARY_CONTEXT}, rounded once to decimal128 if longer. */
    public static Money money(BigDecimal amount, CurrencyUnit currency) {
        return Money.of(Decimals.normalize(amount.round(Decimals.MATH_CONTEXT)), currency, MONETARY_CONTEXT);
    }

    /** The exact amount of a money value. */
    public static BigDecimal amount(MonetaryAmount m) {
        return Decimals.normalize(m.getNumber().numberValueExact(BigDecimal.class));
    }

    /**
     * Fails unless {@code amount} is in {@code currency}.
     *
     * @throws EcoCalcException ({@link ErrorCode#CURRENCY_MISMATCH}) naming both currencies
     */
    public static void requireSame(CurrencyUnit currency, MonetaryAmount amount, String what) {
        if (!currency.equals(amount.getCurrency())) {
            throw new EcoCalcException(ErrorCode.CURRENCY_MISMATCH, what + " is in " + amount.getCurrency()
                    .getCurrencyCode() + " but the simulation is in " + currency.getCurrencyCode()
                    + "; ecocalc never converts currencies: give every price in one currency");
        }
    }
}
