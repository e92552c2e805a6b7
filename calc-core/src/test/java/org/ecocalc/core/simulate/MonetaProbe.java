package org.ecocalc.core.simulate;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.money.Monetary;
import org.javamoney.moneta.Money;

/**
 * Run in a fresh JVM by {@link MoneyWithoutNetworkTest}: records every java.util.logging record
 * (Moneta logs through it) and every attempt to open an http(s) or ftp URL or to choose a proxy,
 * then does what ecocalc does with Moneta from a cold start, and prints what it saw.
 */
public final class MonetaProbe {
    private MonetaProbe() {
    }

    public static void main(String[] args) {
        List<String> network = new ArrayList<>();
        List<String> logs = new ArrayList<>();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.ALL);
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                logs.add(r.getLevel() + " " + r.getLoggerName());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        URL.setURLStreamHandlerFactory(protocol -> {
            if (protocol.startsWith("http") || protocol.equals("ftp")) {
                network.add("url:" + protocol);
            }
            return null;
        });
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                network.add("proxy:" + uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                network.add("failed:" + uri);
            }
        });
        Money a = Prices.money(new BigDecimal("0.12"), Monetary.getCurrency("EUR"));
        Money b = Prices.money(new BigDecimal("1500000").multiply(Prices.amount(a)), a.getCurrency());
        Money c = Money.of(new BigDecimal("2"), "EUR");
        String sum = Prices.amount(b).add(Prices.amount(c)).toPlainString();
        boolean conversions;
        try {
            javax.money.convert.MonetaryConversions.getConversionProviderNames();
            conversions = true;
        } catch (RuntimeException e) {
            conversions = false;
        }
        long warnings = logs.stream().filter(l -> l.startsWith("WARNING") || l.startsWith("SEVERE")).count();
        System.out.println("sum=" + sum + " conversions=" + conversions + " warnings=" + warnings + " network="
                + network.size() + " logs=" + logs + " net=" + network);
    }
}
