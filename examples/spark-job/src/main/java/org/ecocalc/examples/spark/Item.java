package org.ecocalc.examples.spark;

import java.io.Serializable;

/**
 * One row between the job's stages (a Java bean, for Spark's bean encoder): a parsed record, a
 * problem, or the counts of one input block. Which fields are set depends on {@link #getKind()}.
 *
 * <p>A location is relative to its input block (the split of a file that one task read):
 * {@code blockStart} is the block's first byte, {@code index} and {@code line} count records
 * and lines from the start of the block. The driver turns them into file positions once it knows
 * every block's counts ({@link SparkReportJob}).
 */
public final class Item implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A valid record: key, facility, digest, normalised JSON, location, range flag. */
    public static final int RECORD = 0;
    /** A problem: location, key when known, code, severity, pointer, message, pass and order. */
    public static final int PROBLEM = 1;
    /** The counts of one block: {@code index} = records, {@code line} = lines, {@code rejected}. */
    public static final int BLOCK = 2;

    /** The record lies wholly inside the reporting range (or the range is unbounded). */
    public static final int INSIDE = 0;
    /** The record lies partly outside the reporting range. */
    public static final int PARTLY_OUTSIDE = 1;
    /** The record lies wholly outside the reporting range. */
    public static final int OUTSIDE = 2;

    private int kind;
    private int fileOrder;
    private String file;
    private long blockStart;
    private long index;
    private long line;
    private String source;
    private String event;
    private String facility;
    private String digest;
    private String json;
    private int range;
    private int pass;
    private int seq;
    private String code;
    private String severity;
    private String pointer;
    private String message;
    private long rejected;

    /** An empty item (for the encoder). */
    public Item() {
    }

    /** The kind: {@link #RECORD}, {@link #PROBLEM} or {@link #BLOCK}. */
    public int getKind() {
        return kind;
    }

    /** Sets the kind. */
    public void setKind(int kind) {
        this.kind = kind;
    }

    /** The file's position in the input's file order (by name, as the CLI reads a directory). */
    public int getFileOrder() {
        return fileOrder;
    }

    /** Sets the file order. */
    public void setFileOrder(int fileOrder) {
        this.fileOrder = fileOrder;
    }

    /** The file name. */
    public String getFile() {
        return file;
    }

    /** Sets the file name. */
    public void setFile(String file) {
        this.file = file;
    }

    /** The first byte of the block the item was read in. */
    public long getBlockStart() {
        return blockStart;
    }

    /** Sets the block start. */
    public void setBlockStart(long blockStart) {
        this.blockStart = blockStart;
    }

    /** The record's position in its block, from 0 (for a block: its number of records). */
    public long getIndex() {
        return index;
    }

    /** Sets the index. */
    public void setIndex(long index) {
        this.index = index;
    }

    /** The record's line in its block, from 1 (for a block: its number of lines). */
    public long getLine() {
        return line;
    }

    /** Sets the line. */
    public void setLine(long line) {
        this.line = line;
    }

    /** The key's source id, or null. */
    public String getSource() {
        return source;
    }

    /** Sets the source id. */
    public void setSource(String source) {
        this.source = source;
    }

    /** The key's external event id, or null. */
    public String getEvent() {
        return event;
    }

    /** Sets the event id. */
    public void setEvent(String event) {
        this.event = event;
    }

    /** The record's facility. */
    public String getFacility() {
        return facility;
    }

    /** Sets the facility. */
    public void setFacility(String facility) {
        this.facility = facility;
    }

    /** The record digest ({@code sha256:…} of its canonical normalised JSON). */
    public String getDigest() {
        return digest;
    }

    /** Sets the digest. */
    public void setDigest(String digest) {
        this.digest = digest;
    }

    /** The record's normalised JSON ({@link org.ecocalc.core.telemetry.TelemetryJson}). */
    public String getJson() {
        return json;
    }

    /** Sets the JSON. */
    public void setJson(String json) {
        this.json = json;
    }

    /** Where the record lies against the reporting range: {@link #INSIDE}, {@link #PARTLY_OUTSIDE}, {@link #OUTSIDE}. */
    public int getRange() {
        return range;
    }

    /** Sets the range flag. */
    public void setRange(int range) {
        this.range = range;
    }

    /** For a problem: 1 when found reading, 2 when found after de-duplication (conflicts). */
    public int getPass() {
        return pass;
    }

    /** Sets the pass. */
    public void setPass(int pass) {
        this.pass = pass;
    }

    /** For a problem: its order among the problems of its record. */
    public int getSeq() {
        return seq;
    }

    /** Sets the order. */
    public void setSeq(int seq) {
        this.seq = seq;
    }

    /** For a problem: the error code's name ({@link org.ecocalc.core.ErrorCode}). */
    public String getCode() {
        return code;
    }

    /** Sets the code. */
    public void setCode(String code) {
        this.code = code;
    }

    /** For a problem: the severity's name ({@link org.ecocalc.core.Severity}). */
    public String getSeverity() {
        return severity;
    }

    /** Sets the severity. */
    public void setSeverity(String severity) {
        this.severity = severity;
    }

    /** For a problem: the JSON Pointer in the record. */
    public String getPointer() {
        return pointer;
    }

    /** Sets the pointer. */
    public void setPointer(String pointer) {
        this.pointer = pointer;
    }

    /** For a problem: the message. */
    public String getMessage() {
        return message;
    }

    /** Sets the message. */
    public void setMessage(String message) {
        this.message = message;
    }

    /** For a block: how many records the reader refused. */
    public long getRejected() {
        return rejected;
    }

    /** Sets the rejected count. */
    public void setRejected(long rejected) {
        this.rejected = rejected;
    }
}
