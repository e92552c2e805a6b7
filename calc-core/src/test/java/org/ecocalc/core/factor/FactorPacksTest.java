package org.ecocalc.core.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.internal.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Reading, sealing and refusing packs. All factor values here are made up for the tests. */
class FactorPacksTest {

    @Test
    void sealedPackLoadsWithItsDigest() {
        FactorPack p = TestPacks.pack("t", "1.0.0", TestPacks.factor("t.de").value("0.5", "kg/kWh"));
        assertThat(p.ref().idAtVersion()).isEqualTo("t@1.0.0");
        assertThat(p.digest()).startsWith("sha256:").hasSize(71);
        assertThat(p.factors()).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualByComparingTo("0.5");
            assertThat(f.region()).isEqualTo(Region.of(RegionLevel.COUNTRY, "DE"));
            assertThat(f.gas()).isEqualTo(Gas.CO2E);
            assertThat(f.gwpSet()).contains(GwpSet.AR6);
            assertThat(f.pack()).isEqualTo(p.ref());
        });
        assertThat(p.isCitationOnly()).isFalse();
        assertThat(p.valueCount()).isEqualTo(1);
    }

    @Test
    void digestIsSha256OfTheCanonicalJsonWithoutTheDigestMember() throws Exception {
        // RFC 8785 by hand for a tiny object: members sorted by key, no whitespace.
        String json = "{\"b\":\"2\",\"a\":\"1\",\"digest\":\"sha256:00\"}";
        byte[] canonical = "{\"a\":\"1\",\"b\":\"2\"}".getBytes(StandardCharsets.UTF_8);
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        assertThat(FactorPacks.digestOf(json)).isEqualTo(expected);
    }

    @Test
    void aPackWithOneByteChangedIsRefused() {
        String sealed = FactorPacks.seal(Json.compact(TestPacks.with(TestPacks.skeleton("t", "1.0.0"),
                List.of(TestPacks.factor("t.de").value("0.5", "kg/kWh")))));
        FactorPacks.parse(sealed, "original"); // loads
        String tampered = sealed.replace("\"0.5\"", "\"0.6\"");
        assertThat(tampered).isNotEqualTo(sealed);
        FactorPackException e = catchThrowableOfType(FactorPackException.class,
                () -> FactorPacks.parse(tampered, "tampered.json"));
        assertThat(e.code()).isEqualTo(ErrorCode.FACTOR_PACK_DIGEST_MISMATCH);
        assertThat(e.getMessage()).contains("tampered.json", "t@1.0.0", "changed after it was sealed");
        assertThat(e.problems()).extracting(Problem::pointer).containsExactly("/digest");
    }

    @Test
    void schemaRefusalNamesTheFieldByJsonPointer() {
        ObjectNode pack = TestPacks.with(TestPacks.skeleton("t", "1.0.0"),
                List.of(TestPacks.factor("t.de").value("0.5", "kg/kWh")));
        ObjectNode f = (ObjectNode) pack.get("factors").get(0);
        f.put("value", new BigDecimal("0.5")); // a JSON number, not a decimal string
        f.remove("unit");
        pack.put("digest", "sha256:" + "0".repeat(64));
        FactorPackException e = catchThrowableOfType(FactorPackException.class,
                () -> FactorPacks.parse(Json.compact(pack), "bad.json"));
        assertThat(e.code()).isEqualTo(ErrorCode.FACTOR_PACK_INVALID);
        assertThat(e.problems()).extracting(Problem::pointer).contains("/factors/0/value", "/factors/0/unit");
        assertThat(e.getMessage()).startsWith("bad.json: factor pack refused");
    }

    @Test
    void loaderChecksTheRulesTheSchemaCannotExpress() {
        ObjectNode pack = TestPacks.with(TestPacks.skeleton("t", "1.0.0"), List.of(
                TestPacks.factor("a").value("1", "kg/parsec"),
                TestPacks.factor("b").dates("2024-06-01", "2024-01-01"),
                TestPacks.factor("c"), TestPacks.factor("c"),
                TestPacks.factor("d").region("country", "Germany")));
        ((ObjectNode) pack.get("factors").get(2)).remove("gwp_set");
        FactorPackException e = catchThrowableOfType(FactorPackException.class,
                () -> TestPacks.load(pack));
        assertThat(e.code()).isEqualTo(ErrorCode.FACTOR_PACK_INVALID);
        assertThat(e.problems()).extracting(Problem::pointer).contains("/factors/0/unit", "/factors/1/expiry_date",
                "/factors/2/gwp_set", "/factors/3/version", "/factors/4/region/code");
        assertThat(e.problems()).extracting(Problem::code).contains(ErrorCode.UNKNOWN_UNIT);
    }

    @Test
    void malformedJsonAndDuplicateKeysAreRefused() {
        assertThatThrownBy(() -> FactorPacks.parse("{\"a\":1,\"a\":2}", "dup.json"))
                .isInstanceOfSatisfying(FactorPackException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON));
        assertThatThrownBy(() -> FactorPacks.parse("[]", "arr.json"))
                .isInstanceOfSatisfying(FactorPackException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FACTOR_PACK_INVALID));
    }

    @Test
    void citationOnlyPackLoadsWithoutValuesAndIsReportedAsSuch() {
        ObjectNode pack = TestPacks.skeleton("defra-citation", "1.0.0");
        pack.put("citation_only", true);
        TestPacks.Builder b = TestPacks.factor("defra.uk.electricity").region("country", "GB").value(null, "kg/kWh");
        TestPacks.with(pack, List.of(b));
        FactorPack p = TestPacks.load(pack);
        assertThat(p.isCitationOnly()).isTrue();
        assertThat(p.valueCount()).isZero();
        assertThat(p.factors()).singleElement().satisfies(f -> assertThat(f.hasValue()).isFalse());
        assertThat(FactorLibrary.of(p).citationOnlyPacks()).containsExactly(p);
    }

    @Test
    void citationOnlyPackWithAValueIsRefused_andAValueIsRequiredOtherwise() {
        ObjectNode co = TestPacks.with(TestPacks.skeleton("c", "1.0.0"), List.of(TestPacks.factor("x")));
        co.put("citation_only", true);
        assertThatThrownBy(() -> TestPacks.load(co)).isInstanceOfSatisfying(FactorPackException.class,
                e -> assertThat(e.problems()).extracting(Problem::pointer).containsExactly("/factors/0/value"));
        ObjectNode missing = TestPacks.with(TestPacks.skeleton("m", "1.0.0"),
                List.of(TestPacks.factor("x").value(null, "kg/kWh")));
        assertThatThrownBy(() -> TestPacks.load(missing)).isInstanceOfSatisfying(FactorPackException.class,
                e -> assertThat(e.problems()).extracting(Problem::pointer).containsExactly("/factors/0/value"));
    }
}
