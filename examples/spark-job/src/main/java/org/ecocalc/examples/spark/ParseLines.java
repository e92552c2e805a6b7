package org.ecocalc.examples.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.ecocalc.core.ReportingPeriod;
import org.ecocalc.core.json.CanonicalJson;
import org.ecocalc.core.telemetry.IdempotencyKey;
import org.ecocalc.core.telemetry.ReadSummary;
import org.ecocalc.core.telemetry.RecordLocation;
import org.ecocalc.core.telemetry.RecordProblem;
import org.ecocalc.core.telemetry.TelemetryHandler;
import org.ecocalc.core.telemetry.TelemetryJson;
import org.ecocalc.core.telemetry.TelemetryReader;
import org.ecocalc.core.telemetry.TelemetryRecord;

/**
 * Pass 1, one task per input partition: reads the lines of each block with calc-core's own
 * {@link TelemetryReader} (JSON Lines, schema validation on: the very code {@code ecocalc report}
 * runs), a chunk of lines at a time so memory stays bounded, and emits one {@link Item} per valid
 * record (its key, facility, digest and normalised JSON), one per problem, and, at the end of each
 * block, the block's counts of lines, records and refusals.
 *
 * <p>Input rows: {@code value} (the line's bytes), {@code file_name}, {@code file_block_start}.
 * Rows of one block arrive together and in file order (a Spark file split is read sequentially).
 */
final class ParseLines implements MapPartitionsFunction<Row, Item> {
    private static final long serialVersionUID = 1L;
    /** Lines handed to the reader at once. */
    static final int CHUNK = 512;
    /** Sorts after every problem the reader reports for the same record. */
    static final int AFTER_READER = Integer.MAX_VALUE;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Broadcast<JobSettings> job;
    private final Map<String, Integer> fileOrder;
    private final Set<String> startsWithBom;

    /**
     * @param job           the settings
     * @param fileOrder     each input file's position in name order
     * @param startsWithBom the files whose first bytes are a UTF-8 byte-order mark, which Hadoop's
     *                      line reader drops and calc-core's reader does not: it is put back
     */
    ParseLines(Broadcast<JobSettings> job, Map<String, Integer> fileOrder, Set<String> startsWithBom) {
        this.job = job;
        this.fileOrder = fileOrder;
        this.startsWithBom = startsWithBom;
    }

    @Override
    public Iterator<Item> call(Iterator<Row> rows) {
        return new Lines(rows, job.value().settings().period());
    }

    private final class Lines implements Iterator<Item>, TelemetryHandler {
        private final Iterator<Row> rows;
        private final ReportingPeriod period;
        private final ArrayDeque<Item> out = new ArrayDeque<>();
        private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(1 << 16);
        private Row pending;
        private boolean open;
        private String file;
        private int order;
        private long block;
        private long lines;
        private long records;
        private long rejected;
        private long lastIndex = -1;
        private int seq;
        private boolean bom;

        Lines(Iterator<Row> rows, ReportingPeriod period) {
            this.rows = rows;
            this.period = period;
        }

        @Override
        public boolean hasNext() {
            while (out.isEmpty() && (pending != null || rows.hasNext() || open)) {
                fill();
            }
            return !out.isEmpty();
        }

        @Override
        public Item next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return out.poll();
        }

        private void fill() {
            Row r = pending != null ? pending : rows.hasNext() ? rows.next() : null;
            pending = null;
            if (r == null) {
                closeBlock();
                return;
            }
            String f = r.getString(1);
            long b = r.getLong(2);
            if (open && (!f.equals(file) || b != block)) {
                closeBlock();
            }
            if (!open) {
                open = true;
                file = f;
                Integer o = fileOrder.get(f);
                if (o == null) {
                    throw new IllegalStateException("a line of an unexpected file was read: " + f);
                }
                order = o;
                block = b;
                bom = b == 0 && startsWithBom.contains(f);
                lines = 0;
                records = 0;
                rejected = 0;
            }
            chunk.reset();
            int n = 0;
            Row x = r;
            while (true) {
                byte[] value = x.getAs(0);
                if (bom) {
                    chunk.write(BOM, 0, BOM.length);
                    bom = false;
                }
                chunk.write(value, 0, value.length);
                chunk.write('\n');
                n++;
                if (n == CHUNK || !rows.hasNext()) {
                    break;
                }
                x = rows.next();
                if (!x.getString(1).equals(file) || x.getLong(2) != block) {
                    pending = x;
                    break;
                }
            }
            lastIndex = -1;
            ReadSummary s = TelemetryReader.standard().read(new ByteArrayInputStream(chunk.toByteArray()), file,
                    TelemetryReader.Format.JSON_LINES, this);
            lines += n;
            records += s.records();
            rejected += s.rejected();
        }

        private void closeBlock() {
            if (!open) {
                return;
            }
            open = false;
            Item i = new Item();
            i.setKind(Item.BLOCK);
            i.setFile(file);
            i.setFileOrder(order);
            i.setBlockStart(block);
            i.setIndex(records);
            i.setLine(lines);
            i.setRejected(rejected);
            out.add(i);
        }

        private Item located(int kind, RecordLocation where) {
            Item i = new Item();
            i.setKind(kind);
            i.setFile(file);
            i.setFileOrder(order);
            i.setBlockStart(block);
            i.setIndex(records + where.index());
            i.setLine(lines + where.line());
            return i;
        }

        @Override
        public void onRecord(TelemetryRecord record, RecordLocation where) {
            Item i = located(Item.RECORD, where);
            IdempotencyKey k = record.key();
            i.setSource(k.sourceId());
            i.setEvent(k.externalEventId());
            i.setFacility(record.facilityId());
            String json = TelemetryJson.toJson(record);
            i.setJson(json);
            i.setDigest(CanonicalJson.sha256(CanonicalJson.canonicalize(json)));
            i.setRange(range(record));
            out.add(i);
        }

        /** As {@code EcoCalc}: only a bounded period has records outside it. */
        private int range(TelemetryRecord r) {
            if (!period.isBounded()) {
                return Item.INSIDE;
            }
            Instant start = r.interval().start();
            Instant end = r.interval().end();
            if (period.slices(start, end).isEmpty()) {
                return Item.OUTSIDE;
            }
            boolean partial = period.from() != null && start.isBefore(period.from())
                    || period.to() != null && end.isAfter(period.to());
            return partial ? Item.PARTLY_OUTSIDE : Item.INSIDE;
        }

        @Override
        public void onProblem(RecordProblem p) {
            Item i = located(Item.PROBLEM, p.location());
            if (p.location().index() != lastIndex) {
                lastIndex = p.location().index();
                seq = 0;
            }
            i.setSeq(seq++);
            i.setPass(1);
            if (p.key() != null) {
                i.setSource(p.key().sourceId());
                i.setEvent(p.key().externalEventId());
            }
            i.setCode(p.code().name());
            i.setSeverity(p.severity().name());
            i.setPointer(p.problem().pointer());
            i.setMessage(p.problem().message());
            out.add(i);
        }
    }
}
