package gov.commerce.aiexports.runtime.axon;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
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

    /**
     * How long a reader finds nothing after one index before the store is asked whether events lie
     * beyond its window (see {@link #fetchTrackedEvents}).
     */
    static final long BEYOND_WINDOW_CHECK_NANOS = 1_000_000_000L;

    private final TransactionManager transactions;
    /** Per index a reader found nothing after: since when (System.nanoTime). */
    private final Map<Long, Long> emptySince = new ConcurrentHashMap<>();

    /** {@code transactions}: the builder's own, for the statement this class adds. */
    PostgresEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactions, String timestampColumn,
            GapSettings gaps) {
        super(builder.gapTimeout(gaps.gapTimeoutMillis()).maxGapOffset(gaps.maxGapOffset())
                .gapCleaningThreshold(gaps.gapCleaningThreshold())
                // asked below, once an index has stayed empty for a while, instead of after every empty read
                .extendedGapCheckEnabled(false));
        this.transactions = transactions;
        this.timestampColumn = timestampColumn;
        this.gaps = gaps;
    }

    /**
     * Axon's read of a window of the store ({@code batchSize} global indexes after the token, and its
     * gaps). A window can be empty while events lie beyond it: after more than {@code batchSize}
     * indexes were taken by transactions that rolled back. Axon then asks the store for the next index
     * after every empty read: a second statement each time the event store's tail catches up, which is
     * after most reads (a third of the store's reads in the capacity profile, performance.md). The
     * tail ({@code readEvents(token, true)}, which waits and reads again) asks only once it has found
     * nothing after the same index for {@link #BEYOND_WINDOW_CHECK_NANOS}: behind such a rare gap it
     * goes on a second later, at the head it asks once a second at most. A read that ends at its first
     * empty window (a replay, a processor catching up on a stream of its own) asks at once, as Axon does.
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return fetch(lastToken, batchSize, false);
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken token, boolean mayBlock) {
        if (mayBlock) {
            return super.readEventData(token, true);
        }
        // to the store's end: window after window until one is empty with nothing beyond it
        return StreamSupport.stream(new Spliterators.AbstractSpliterator<TrackedEventData<?>>(Long.MAX_VALUE, Spliterator.ORDERED) {
            private TrackingToken last = token;
            private Iterator<? extends TrackedEventData<?>> window = Collections.emptyIterator();
            private boolean ended;

            @Override
            public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
                if (!window.hasNext()) {
                    if (ended) {
                        return false;
                    }
                    List<? extends TrackedEventData<?>> next = fetch(last, batchSize(), true);
                    if (next.isEmpty()) {
                        ended = true;
                        return false;
                    }
                    window = next.iterator();
                }
                TrackedEventData<?> event = window.next();
                last = event.trackingToken();
                action.accept(event);
                return true;
            }
        }, false);
    }

    private List<? extends TrackedEventData<?>> fetch(TrackingToken lastToken, int batchSize, boolean beyondAtOnce) {
        List<? extends TrackedEventData<?>> events = super.fetchTrackedEvents(lastToken, batchSize);
        if (!events.isEmpty()) {
            return events;
        }
        long index = lastToken == null ? -1 : ((GapAwareTrackingToken) lastToken).getIndex();
        if (!beyondAtOnce) {
            long now = System.nanoTime();
            Long since = emptySince.putIfAbsent(index, now);
            if (since == null || now - since < BEYOND_WINDOW_CHECK_NANOS) {
                if (emptySince.size() > 256) {
                    // indexes the tail has left behind; one it still waits at only starts its wait again
                    emptySince.clear();
                }
                return events;
            }
            emptySince.remove(index);
        }
        Long next = transactions.fetchInTransaction(() -> JdbcUtils.executeQuery(getConnection(), c -> {
            PreparedStatement s = c.prepareStatement("select min(" + schema().globalIndexColumn() + ") from "
                    + schema().domainEventTable() + " where " + schema().globalIndexColumn() + " > ?");
            s.setLong(1, index);
            return s;
        }, rs -> {
            rs.next();
            long min = rs.getLong(1);
            return rs.wasNull() ? null : min;
        }, e -> new EventStoreException("Failed to read the next global index after " + index, e)));
        if (next == null || next <= index + batchSize) {
            // nothing beyond, or an event committed into the window since: the next read finds it
            return events;
        }
        return super.fetchTrackedEvents(lastToken, Math.toIntExact(Math.min(Integer.MAX_VALUE, next - index)));
    }

    /**
     * No aggregate is snapshotted (a program's streams are short: performance.md, "Growth"), so the
     * snapshot table is not asked before every aggregate load: a statement per command for nothing.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
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
