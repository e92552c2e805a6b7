package org.ecocalc.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.money.Monetary;
import javax.money.MonetaryException;
import javax.money.convert.MonetaryConversions;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * moneta-core 1.4.5 declares okhttp (with okio and Kotlin) as a compile dependency; ecocalc excludes
 * them (parent POM) and bans them (enforcer {@code bannedDependencies}). These tests show that amounts
 * work without them, that no exchange-rate provider is present, and that a cold start of Moneta
 * neither opens a URL nor logs a warning.
 */
class MoneyWithoutNetworkTest {
    @Test
    void noNetworkClientIsOnTheClassPath() {
        for (String name : List.of("okhttp3.OkHttpClient", "okio.Buffer", "kotlin.Unit",
                "org.javamoney.moneta.convert.ecb.ECBCurrentRateProvider")) {
            assertThatThrownBy(() -> Class.forName(name)).as(name).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void amountsWorkWithoutIt() {
        Money price = Prices.money(new BigDecimal("0.10"), Monetary.getCurrency("EUR"));
        // Moneta's equals compares numerically: 0.10 EUR equals 0.1 EUR.
        assertThat(price).isEqualTo(Money.of(new BigDecimal("0.1"), "EUR"));
        assertThat(price.getContext().get(java.math.MathContext.class)).isEqualTo(java.math.MathContext.DECIMAL128);
        // 1,500,000 kWh × 0.10 EUR = 150,000 EUR, exact (ecocalc multiplies BigDecimals, Moneta only holds).
        assertThat(Prices.amount(Prices.money(new BigDecimal("1500000").multiply(Prices.amount(price)),
                price.getCurrency()))).isEqualByComparingTo("150000");
        // An amount longer than decimal128 is rounded once, half-even, to 34 digits.
        assertThat(Prices.amount(Prices.money(new BigDecimal("1.00000000000000000000000000000000005"),
                price.getCurrency()))).isEqualByComparingTo("1");
        assertThat(Monetary.getCurrency("JPY").getDefaultFractionDigits()).isZero();
    }

    @Test
    void thereIsNoExchangeRateProvider() {
        assertThatThrownBy(MonetaryConversions::getConversionProviderNames).isInstanceOf(MonetaryException.class);
    }

    @Test
    void aColdStartOpensNoUrlAndLogsNoWarning() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                MonetaProbe.class.getName()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        // 1,500,000 × 0.12 = 180,000 + 2 = 180,002.
        assertThat(out).contains("sum=180002 ").contains("conversions=false").contains("warnings=0")
                .contains("network=0");
        // Moneta announces its default context once, at INFO (docs/decisions/0403).
        assertThat(out).doesNotContain("WARNING").doesNotContain("SEVERE");
    }
}
