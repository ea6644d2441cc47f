package gov.commerce.aiexports.runtime.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;

/**
 * Axon's JDBC storage engine, with each row's timestamp parsed once, by {@link IsoInstants}, when
 * the row is read: Axon parses the stored text again on every read of the timestamp, with the
 * general ISO parser, which dominated the cost of streaming the store. A tracked row is built here
 * rather than by Axon, whose own builder parses the timestamp that way to decide its gaps (14% of a
 * replay's samples, performance.md); the gap rule is Axon's, unchanged.
 */
final class PostgresEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's default first global index, which this store keeps (its sequence starts at 1). */
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final String timestampColumn;
    private final GapSettings gaps;
    private final TailReads tailReads;

    PostgresEventStorageEngine(JdbcEventStorageEngine.Builder builder, String timestampColumn, GapSettings gaps,
            TailReads tailReads) {
        // the tail read looks past a run of missing indexes itself (readEventDataWithoutGaps), so Axon's
        // extra query after every empty read, a statement and a round trip per idle poll, is not needed
        super(builder.gapTimeout(gaps.gapTimeoutMillis()).maxGapOffset(gaps.maxGapOffset())
                .gapCleaningThreshold(gaps.gapCleaningThreshold()).extendedGapCheckEnabled(false));
        this.timestampColumn = timestampColumn;
        this.gaps = gaps;
        this.tailReads = tailReads;
    }

    /**
     * No aggregate is snapshotted (a program's streams are short: performance.md, "Growth"), so the
     * snapshot table is not asked before every aggregate load: a statement per command for nothing.
     */
    @Override
    protected java.util.stream.Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return java.util.stream.Stream.empty();
    }

    /**
     * An aggregate's events have consecutive sequence numbers, and its read asks for a range of them:
     * a batch smaller than the range is the last one. Axon's JDBC engine asks once more until a batch
     * comes back empty, a second statement on every aggregate load.
     */
    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    /**
     * The tail as the event store's own reader (the one that feeds the tracking processors, the only caller
     * with {@code mayBlock}) reads it: a batch smaller than asked is the tail for now, and the reader asks
     * again as soon as it has handed it on, or when the next append is committed. Axon reads on until a
     * batch comes back empty, a statement and a transaction more on every wake-up. Every other reader (a
     * replay, a processor catching up) still reads on until an empty batch: it must not stop at a window
     * that rolled-back appends left short. The reader's read right after the tail, with no commit since, asks
     * nothing ({@link TailReads}).
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEventData(trackingToken, false);
        }
        if (!tailReads.worthReading(System.nanoTime())) {
            return Stream.empty();
        }
        int size = batchSize();
        return StreamSupport.stream(new Spliterators.AbstractSpliterator<TrackedEventData<?>>(Long.MAX_VALUE,
                Spliterator.NONNULL | Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.CONCURRENT) {
            private Iterator<? extends TrackedEventData<?>> batch = Collections.emptyIterator();
            private TrackingToken last = trackingToken;
            private boolean tail;

            @Override
            public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
                if (!batch.hasNext()) {
                    if (tail) {
                        return false;
                    }
                    long commitsBefore = tailReads.commits();
                    List<? extends TrackedEventData<?>> next = fetchTrackedEvents(last, size);
                    tail = next.size() < size;
                    tailReads.read(tail, commitsBefore, System.nanoTime());
                    batch = next.iterator();
                    if (!batch.hasNext()) {
                        return false;
                    }
                }
                TrackedEventData<?> event = batch.next();
                last = event.trackingToken();
                action.accept(event);
                return true;
            }
        }, false);
    }

    /**
     * The store's tail after {@code globalIndex}: a window of {@code batchSize} indexes that starts at the
     * next stored event rather than at the token, so that a run of missing indexes longer than a batch
     * (sequence values of rolled-back appends) is crossed in the same statement. Axon's window starts at
     * the token and, when it comes back empty, asks for the next stored index in a second statement.
     */
    @Override
    protected PreparedStatement readEventDataWithoutGaps(Connection connection, long globalIndex, int batchSize)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(tailQuery(""));
        bindWindow(statement, globalIndex, batchSize);
        return statement;
    }

    /** As {@link #readEventDataWithoutGaps}, with the token's gaps (indexes that may still commit) asked again. */
    @Override
    protected PreparedStatement readEventDataWithGaps(Connection connection, long globalIndex, int batchSize,
            List<Long> gapIndexes) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(
                tailQuery(" or " + schema().globalIndexColumn() + " = any(?)"));
        bindWindow(statement, globalIndex, batchSize);
        statement.setArray(5, connection.createArrayOf("bigint", gapIndexes.toArray()));
        return statement;
    }

    private String tailQuery(String orGaps) {
        EventSchema schema = schema();
        String index = schema.globalIndexColumn();
        return "select " + schema.trackedEventFields() + " from " + schema.domainEventTable() + " where (" + index + " > ? and "
                + index + " < (select coalesce(min(" + index + "), ?) from " + schema.domainEventTable() + " where " + index
                + " > ?) + ?)" + orGaps + " order by " + index + " asc";
    }

    private static void bindWindow(PreparedStatement statement, long globalIndex, int batchSize) throws SQLException {
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex);
        statement.setLong(3, globalIndex);
        statement.setLong(4, batchSize);
    }

    /**
     * As Axon's: a row younger than the gap timeout may still have gaps before it (transactions that
     * commit later), an older one closes them.
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken) throws SQLException {
        Columns c = columns(resultSet);
        long globalSequence = resultSet.getLong(c.globalIndex);
        String aggregateIdentifier = resultSet.getString(c.aggregateIdentifier);
        String eventIdentifier = resultSet.getString(c.eventIdentifier);
        String stamp = resultSet.getString(c.timestamp);
        // payload and metadata are bytea (AxonRuntime's dataType), read as Axon's readPayload would
        DomainEventData<Object> row = new GenericDomainEventEntry<>(resultSet.getString(c.type),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier, resultSet.getLong(c.sequenceNumber),
                eventIdentifier, stamp, resultSet.getString(c.payloadType), resultSet.getString(c.payloadRevision),
                resultSet.getBytes(c.payload), resultSet.getBytes(c.metaData));
        Instant timestamp = IsoInstants.parse(stamp);
        boolean allowGaps = timestamp.isAfter(GenericEventMessage.clock.instant().minusMillis(gaps.gapTimeoutMillis()));
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                        ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                                .collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet())
                : previousToken.advanceTo(globalSequence, allowGaps ? gaps.maxGapOffset() : 0);
        return new TrackedDomainEventData<>(token, new Parsed<>(row, timestamp));
    }

    /**
     * The tracked columns' positions in the result set being read, looked up by name once per result set and
     * thread: a lookup by name is a hash probe per column and row in pgjdbc (2% of a replay's samples).
     */
    private static final class Columns {
        private ResultSet of;
        private int globalIndex;
        private int aggregateIdentifier;
        private int eventIdentifier;
        private int timestamp;
        private int type;
        private int sequenceNumber;
        private int payloadType;
        private int payloadRevision;
        private int payload;
        private int metaData;
    }

    private final ThreadLocal<Columns> columns = ThreadLocal.withInitial(Columns::new);

    private Columns columns(ResultSet rs) throws SQLException {
        Columns c = columns.get();
        if (c.of != rs) {
            EventSchema schema = schema();
            c.globalIndex = rs.findColumn(schema.globalIndexColumn());
            c.aggregateIdentifier = rs.findColumn(schema.aggregateIdentifierColumn());
            c.eventIdentifier = rs.findColumn(schema.eventIdentifierColumn());
            c.timestamp = rs.findColumn(timestampColumn);
            c.type = rs.findColumn(schema.typeColumn());
            c.sequenceNumber = rs.findColumn(schema.sequenceNumberColumn());
            c.payloadType = rs.findColumn(schema.payloadTypeColumn());
            c.payloadRevision = rs.findColumn(schema.payloadRevisionColumn());
            c.payload = rs.findColumn(schema.payloadColumn());
            c.metaData = rs.findColumn(schema.metaDataColumn());
            c.of = rs;
        }
        return c;
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return withTimestamp(super.getDomainEventData(resultSet), resultSet);
    }

    private <T> DomainEventData<T> withTimestamp(DomainEventData<T> data, ResultSet resultSet) throws SQLException {
        return new Parsed<>(data, IsoInstants.parse(resultSet.getString(timestampColumn)));
    }

    /** The row as Axon read it, with its timestamp already parsed. */
    private record Parsed<T>(DomainEventData<T> row, Instant timestamp) implements DomainEventData<T> {

        @Override
        public String getType() {
            return row.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return row.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return row.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return row.getEventIdentifier();
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return row.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return row.getPayload();
        }
    }
}
