package org.ecocalc.core.carbon;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.quantity.Decimals;

/**
 * One hardware asset of the registry, for embodied carbon: a GPU server, a rack, a switch. Its
 * total embodied emissions TE are given directly, or as components priced by embodied factors of
 * a pack (for example 8 × {@code gpu_nvidia_h100_80gb} + 1 × {@code server_8xh100_excluding_gpus}).
 *
 * @param assetId       the asset's id
 * @param facilityId    where it is installed
 * @param embodiedKg    TE in kg CO2e when given directly; null when priced by components
 * @param components    the components priced by pack factors; empty when TE is given
 * @param gpus          how many GPUs it holds (informational; 0 for non-GPU assets)
 * @param lifetimeHours the expected lifetime EL, in hours
 * @param inService     when it entered service
 * @param retired       when it left service, or null while in service
 */
public record Asset(String assetId, String facilityId, BigDecimal embodiedKg, List<Component> components, int gpus,
        BigDecimal lifetimeHours, Instant inService, Instant retired) {

    /**
     * A part priced by an embodied factor.
     *
     * @param activity the factor's activity type, such as {@code gpu_nvidia_h100_80gb}
     * @param count    how many
     */
    public record Component(String activity, BigDecimal count) {
        public Component {
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(count, "count");
            if (count.signum() < 0) {
                throw new EcoCalcException(ErrorCode.NEGATIVE_VALUE, "a component count must not be negative");
            }
            count = Decimals.normalize(count);
        }
    }

    public Asset {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(facilityId, "facilityId");
        Objects.requireNonNull(lifetimeHours, "lifetimeHours");
        Objects.requireNonNull(inService, "inService");
        components = components == null ? List.of() : List.copyOf(components);
        if ((embodiedKg == null) == components.isEmpty()) {
            throw new EcoCalcException(ErrorCode.INVALID_ASSET, "asset " + assetId
                    + ": give either embodied_kgco2e or components, not both and not neither");
        }
        if (embodiedKg != null && embodiedKg.signum() < 0) {
            throw new EcoCalcException(ErrorCode.INVALID_ASSET, "asset " + assetId + ": embodied carbon must not be negative");
        }
        if (lifetimeHours.signum() <= 0) {
            throw new EcoCalcException(ErrorCode.INVALID_ASSET, "asset " + assetId + ": lifetime must be positive");
        }
        if (gpus < 0) {
            throw new EcoCalcException(ErrorCode.INVALID_ASSET, "asset " + assetId + ": gpus must not be negative");
        }
        if (retired != null && !retired.isAfter(inService)) {
            throw new EcoCalcException(ErrorCode.INVALID_ASSET, "asset " + assetId + ": retired must be after in_service");
        }
        embodiedKg = embodiedKg == null ? null : Decimals.normalize(embodiedKg);
        lifetimeHours = Decimals.normalize(lifetimeHours);
    }

    /** The end of amortisation: in service plus the expected lifetime, or retirement if earlier. */
    public Instant amortisedUntil() {
        long seconds = lifetimeHours.multiply(BigDecimal.valueOf(3600)).setScale(0, java.math.RoundingMode.DOWN)
                .longValueExact();
        Instant end = inService.plusSeconds(seconds);
        return retired != null && retired.isBefore(end) ? retired : end;
    }
}
