package org.ecocalc.core.factor;

/**
 * The IPCC assessment report a set of global warming potentials comes from.
 *
 * <ul>
 *   <li>{@code AR4}: IPCC (2007) WG I, Table 2.14.</li>
 *   <li>{@code AR5}: IPCC (2013) WG I, Table 8.A.1, values <em>without</em> climate-carbon
 *       feedbacks (the values of the GHG Protocol and UNFCCC reporting).</li>
 *   <li>{@code AR6}: IPCC (2021) WG I, Chapter 7, Table 7.15 and Supplementary Table 7.SM.7.</li>
 * </ul>
 * The values themselves come from a factor pack ({@link GwpTable}), never from code.
 */
public enum GwpSet {
    /** IPCC Fourth Assessment Report (2007). */
    AR4,
    /** IPCC Fifth Assessment Report (2013/2014), without climate-carbon feedbacks. */
    AR5,
    /** IPCC Sixth Assessment Report (2021). */
    AR6;

    /** The set named {@code id} ({@code "AR5"}). */
    public static GwpSet fromId(String id) {
        return valueOf(id);
    }
}
