package org.ecocalc.examples.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;

/**
 * Pass 2, one call per idempotency key with every copy of it (Spark shuffles the records by key,
 * so repeats meet here, whatever file or partition they came from). Decides as {@code EcoCalc}
 * does when it reads the input in order:
 *
 * <ul>
 *   <li>all copies equal (same digest): the first is counted, once; each later copy is a
 *       {@code duplicate_record} warning;</li>
 *   <li>copies differ: a conflict; no copy is counted; every copy is a
 *       {@code conflicting_duplicate} error (found after reading: pass 2), and the copies equal to
 *       the first that come before the first different one are still {@code duplicate_record}
 *       warnings, as a reader that had not yet seen the difference reports them;</li>
 *   <li>the first copy lying outside a bounded reporting range is an
 *       {@code outside_reporting_range} warning, conflict or not.</li>
 * </ul>
 *
 * <p>"First" is input order: files by name, then position, which is what the copies' file order,
 * block start and index give. Emits the counted record ({@link Item#RECORD}) and the problems.
 */
final class KeyCopies implements FlatMapGroupsFunction<String, Item, Item> {
    private static final long serialVersionUID = 1L;
    private static final Comparator<Item> INPUT_ORDER = Comparator.comparingInt(Item::getFileOrder)
            .thenComparingLong(Item::getBlockStart).thenComparingLong(Item::getIndex);

    // The texts EcoCalc gives these problems; the Spark job must report the same bytes.
    static final String DUPLICATE = "the same record (same idempotency key and contents) appeared before; counted once";
    static final String CONFLICT = "another record has the same idempotency key and different contents; none of them "
            + "is counted";
    static final String PARTLY_OUTSIDE = "the record lies partly outside the reporting range; only the part inside is "
            + "counted";
    static final String OUTSIDE = "the record lies outside the reporting range; it is not counted";

    @Override
    public Iterator<Item> call(String key, Iterator<Item> copies) {
        List<Item> all = new ArrayList<>();
        copies.forEachRemaining(all::add);
        all.sort(INPUT_ORDER);
        Item first = all.get(0);
        List<Item> out = new ArrayList<>();
        if (first.getRange() != Item.INSIDE) {
            out.add(outsideRange(first));
        }
        boolean conflict = false;
        for (int i = 1; i < all.size(); i++) {
            Item copy = all.get(i);
            if (!conflict && copy.getDigest().equals(first.getDigest())) {
                out.add(problem(copy, 1, Problem.warning(ErrorCode.DUPLICATE_RECORD, "", DUPLICATE)));
            } else {
                conflict = true;
            }
        }
        if (conflict) {
            for (Item copy : all) {
                out.add(problem(copy, 2, Problem.error(ErrorCode.CONFLICTING_DUPLICATE, "", CONFLICT)));
            }
        } else {
            Item counted = new Item();
            counted.setKind(Item.RECORD);
            counted.setFacility(first.getFacility());
            counted.setJson(first.getJson());
            out.add(counted);
        }
        return out.iterator();
    }

    /** The {@code outside_reporting_range} warning of a counted record that lies (partly) outside a bounded period. */
    static Item outsideRange(Item record) {
        return problem(record, 1, Problem.warning(ErrorCode.OUTSIDE_REPORTING_RANGE, "/interval",
                record.getRange() == Item.PARTLY_OUTSIDE ? PARTLY_OUTSIDE : OUTSIDE));
    }

    private static Item problem(Item copy, int pass, Problem p) {
        Item i = new Item();
        i.setKind(Item.PROBLEM);
        i.setFile(copy.getFile());
        i.setFileOrder(copy.getFileOrder());
        i.setBlockStart(copy.getBlockStart());
        i.setIndex(copy.getIndex());
        i.setLine(copy.getLine());
        i.setSource(copy.getSource());
        i.setEvent(copy.getEvent());
        i.setPass(pass);
        i.setSeq(pass == 1 ? ParseLines.AFTER_READER : 0);
        i.setCode(p.code().name());
        i.setSeverity(p.severity().name());
        i.setPointer(p.pointer());
        i.setMessage(p.message());
        return i;
    }
}
