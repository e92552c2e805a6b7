package org.ecocalc.examples.host;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host's store: telemetry records and usage events in a JDBC database (embedded SQLite by
 * default), each table with a primary key on the idempotency key. A second copy of an event is
 * refused by that constraint ({@code INSERT ... ON CONFLICT DO NOTHING}, understood by SQLite and
 * PostgreSQL), never counted twice. One request's events are stored in one transaction.
 */
public final class EventStore implements Closeable {
    /** The kinds of stored event. */
    public enum Kind {
        /** Telemetry records. */
        TELEMETRY("telemetry_records"),
        /** Usage events. */
        USAGE("usage_events");

        final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    /** One event to store. */
    public record Row(String sourceId, String externalEventId, String facilityId, long startMillis, long endMillis,
            String digest, String json) {
    }

    /** What happened to one row. */
    public enum Outcome {
        /** Stored. */
        STORED,
        /** The same key was stored before, with the same content. */
        DUPLICATE,
        /** The same key was stored before, with different content. */
        CONFLICT
    }

    private final Connection conn;
    private final AtomicLong[] counts = {new AtomicLong(), new AtomicLong()};

    /** Opens the database at {@code jdbcUrl} and creates the tables when missing. */
    public EventStore(String jdbcUrl) throws SQLException {
        this.conn = DriverManager.getConnection(jdbcUrl);
        try (Statement st = conn.createStatement()) {
            if (jdbcUrl.startsWith("jdbc:sqlite:")) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute("PRAGMA busy_timeout=5000");
            }
            for (Kind k : Kind.values()) {
                st.execute("CREATE TABLE IF NOT EXISTS " + k.table + " ("
                        + "source_id TEXT NOT NULL, external_event_id TEXT NOT NULL, facility_id TEXT,"
                        + " start_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL, digest TEXT NOT NULL, json TEXT NOT NULL,"
                        + " request_id TEXT NOT NULL, received_at TEXT NOT NULL,"
                        + " PRIMARY KEY (source_id, external_event_id))");
                st.execute("CREATE INDEX IF NOT EXISTS " + k.table + "_by_facility ON " + k.table
                        + " (facility_id, start_ms)");
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + k.table)) {
                    rs.next();
                    counts[k.ordinal()].set(rs.getLong(1));
                }
            }
        }
        conn.setAutoCommit(false);
    }

    /**
     * Stores the rows in one transaction and says what happened to each, in order. The inserts go
     * as one JDBC batch ({@code INSERT ... ON CONFLICT DO NOTHING}, one statement, bound once per
     * row); a row the constraint refused (update count 0, the key already stored, or earlier in the
     * same batch) is then looked up to tell a duplicate from a conflicting one.
     */
    public synchronized List<Outcome> store(Kind kind, List<Row> rows, String requestId, Instant receivedAt)
            throws SQLException {
        String received = receivedAt.toString();
        try (PreparedStatement ins = conn.prepareStatement("INSERT INTO " + kind.table
                + " (source_id, external_event_id, facility_id, start_ms, end_ms, digest, json, request_id, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, external_event_id) DO NOTHING")) {
            for (Row r : rows) {
                ins.setString(1, r.sourceId());
                ins.setString(2, r.externalEventId());
                ins.setString(3, r.facilityId());
                ins.setLong(4, r.startMillis());
                ins.setLong(5, r.endMillis());
                ins.setString(6, r.digest());
                ins.setString(7, r.json());
                ins.setString(8, requestId);
                ins.setString(9, received);
                ins.addBatch();
            }
            int[] updates = ins.executeBatch();
            if (updates.length != rows.size()) {
                throw new SQLException("the batch answered " + updates.length + " update counts for " + rows.size()
                        + " rows");
            }
            List<Outcome> out = new ArrayList<>(rows.size());
            int stored = 0;
            try (PreparedStatement sel = conn.prepareStatement("SELECT digest FROM " + kind.table
                    + " WHERE source_id = ? AND external_event_id = ?")) {
                for (int i = 0; i < updates.length; i++) {
                    if (updates[i] == 1) {
                        stored++;
                        out.add(Outcome.STORED);
                        continue;
                    }
                    if (updates[i] != 0) {
                        throw new SQLException("unexpected update count " + updates[i] + " for row " + i);
                    }
                    Row r = rows.get(i);
                    sel.setString(1, r.sourceId());
                    sel.setString(2, r.externalEventId());
                    try (ResultSet rs = sel.executeQuery()) {
                        out.add(rs.next() && rs.getString(1).equals(r.digest()) ? Outcome.DUPLICATE : Outcome.CONFLICT);
                    }
                }
            }
            conn.commit();
            counts[kind.ordinal()].addAndGet(stored);
            return out;
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        }
    }

    /** The stored JSON of the telemetry records of a facility whose interval overlaps {@code [from, to)}. */
    public synchronized List<String> telemetry(String facilityId, Instant from, Instant to) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("SELECT json FROM " + Kind.TELEMETRY.table
                + " WHERE facility_id = ? AND start_ms < ? AND end_ms > ? ORDER BY source_id, external_event_id")) {
            st.setString(1, facilityId);
            st.setLong(2, to.toEpochMilli());
            st.setLong(3, from.toEpochMilli());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } finally {
            conn.commit();
        }
        return out;
    }

    /** How many times each key is stored (always 1 by the constraint): for tests and audits. */
    public synchronized long count(Kind kind, String sourceId, String externalEventId) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("SELECT COUNT(*) FROM " + kind.table
                + " WHERE source_id = ? AND external_event_id = ?")) {
            st.setString(1, sourceId);
            st.setString(2, externalEventId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } finally {
            conn.commit();
        }
    }

    /** The external event ids stored for a source. */
    public synchronized List<String> eventIds(Kind kind, String sourceId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("SELECT external_event_id FROM " + kind.table
                + " WHERE source_id = ? ORDER BY external_event_id")) {
            st.setString(1, sourceId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } finally {
            conn.commit();
        }
        return out;
    }

    /** The number of stored events of a kind. */
    public long size(Kind kind) {
        return counts[kind.ordinal()].get();
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            // closing
        }
    }
}
