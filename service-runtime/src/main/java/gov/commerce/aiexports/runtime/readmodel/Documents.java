package gov.commerce.aiexports.runtime.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.commerce.aiexports.events.EventCodec;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Read models as JSON documents beside a few indexed columns, on the service's own database.
 * Calls join the caller's JTA transaction, so a projection's rows commit with the events they
 * come from.
 */
@Singleton
public class Documents {

    @Inject
    AgroalDataSource dataSource;

    private final ObjectMapper json = EventCodec.mapper();

    /**
     * While a projection is replayed, its thread writes to shadow tables: each table name of the
     * map is replaced by its shadow in every statement that thread runs.
     */
    private static final ThreadLocal<Map<String, String>> REDIRECT = ThreadLocal.withInitial(Map::of);

    public static void redirect(Map<String, String> tables) {
        REDIRECT.set(Map.copyOf(tables));
    }

    public static void clearRedirect() {
        REDIRECT.remove();
    }

    private static String table(String table) {
        return REDIRECT.get().getOrDefault(table, table);
    }

    private static String sql(String sql) {
        if (REDIRECT.get().isEmpty()) {
            return sql;
        }
        String result = sql;
        for (Map.Entry<String, String> e : REDIRECT.get().entrySet()) {
            result = result.replaceAll("\\b" + java.util.regex.Pattern.quote(e.getKey()) + "\\b", e.getValue());
        }
        return result;
    }

    /**
     * While a replay applies a batch, or a consumer a poll group, the upserts stay in memory (the last
     * version of each row) and reach the tables (a replay's shadows) as one JDBC batch per statement
     * when the batch ends: it then costs its handlers, not a round trip per event, and a row changed
     * by many events of the batch is written (and serialised) once. A row read back by id is answered from memory
     * (the saved record itself, or a copy of a mutable document), and a row not in memory from
     * the table, which then holds its latest version. Any other statement that names a table with
     * rows in memory flushes them all first, so it sees every write to what it reads; one that names
     * none of them (another table's read or insert, a by-id lock or insert of a row not in memory)
     * leaves them in memory, so a poll group's writes still go as one batch per statement.
     */
    private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

    /**
     * What one buffering scope ({@link #bufferWrites} to {@link #stopBuffering}) keeps on its thread, set and dropped
     * at once; a thread outside a scope has none, and every statement then goes to the table at once.
     */
    private static final class Scope {
        /** Rows written but kept in memory, by table NUL id (a deferred insert: by table SOH columns and values). */
        Map<String, Pending> buffer = new LinkedHashMap<>();
        /** The tables of the rows in {@link #buffer}: what a statement must name to flush them first. */
        java.util.Set<String> bufferedTables = new java.util.HashSet<>();
        /** What {@link Documents#queryOnce} answered, by table, statement and parameters (see there). */
        final Map<String, Map<List<Object>, List<?>>> answered = new java.util.HashMap<>();
        /** The rows locked with {@link Documents#lockAll}, as they stand now, by table NUL id (see there). */
        final Map<String, Object> locked = new java.util.HashMap<>();
        /** Writes handed to another thread and not known to be committed yet (see {@link Documents#handOver}). */
        Writes inFlight;
    }

    /** A buffered upsert: its statement and parameters, the document last (serialised at the flush). */
    private record Pending(String sql, Object[] params, Object document) {
    }

    public static void bufferWrites() {
        SCOPE.set(new Scope());
    }

    public static void stopBuffering() {
        SCOPE.remove();
    }

    /**
     * Locks the rows of {@code ids} at once, in id order, until the transaction ends, after inserting those of
     * {@code absentInserts} (id to document) that have no row yet, also at once and in id order (an insert locks its
     * row as well): two statements for what a statement per row did. Within a buffering scope, the rows are kept as
     * they stand (the scope's own upserts of them included), and later locks, reads and inserts of them by id are
     * answered from memory: no other transaction can change them before this one ends. For a scope that is one
     * transaction (a consumer's poll group); a replay's scope spans many and does not lock. Answers the documents
     * found, by id.
     */
    public <T> Map<String, T> lockAll(String table, java.util.Collection<String> ids, Class<T> type, Map<String, ?> absentInserts) {
        String target = table(table);
        String insert = "insert into " + target + " (id, doc) select i, cast(d as jsonb) from unnest(?::text[], ?::text[]) as u(i, d)"
                + " order by i on conflict (id) do nothing";
        String select = "select id, doc from " + target + " where id = any(?::text[]) order by id for update";
        flushBeforeStatement(select);
        written(target);
        Map<String, T> found = new LinkedHashMap<>();
        List<String> sorted = ids.stream().distinct().sorted().toList();
        try (Connection c = dataSource.getConnection()) {
            if (!absentInserts.isEmpty()) {
                List<String> insertIds = absentInserts.keySet().stream().sorted().toList();
                try (PreparedStatement s = c.prepareStatement(insert)) {
                    s.setArray(1, c.createArrayOf("text", insertIds.toArray()));
                    s.setArray(2, c.createArrayOf("text", insertIds.stream().map(id -> write(absentInserts.get(id))).toArray()));
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement(select)) {
                s.setArray(1, c.createArrayOf("text", sorted.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), json.readValue(rs.getString(2), type));
                    }
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("read-model lock failed: " + select, e);
        }
        Scope scope = SCOPE.get();
        if (scope != null) {
            found.forEach((id, doc) -> scope.locked.put(target + '\u0000' + id, doc));
        }
        return found;
    }

    /** A row this scope locked with {@link #lockAll}, as it stands now (a buffered write of it first); null if none. */
    private static Object lockedRow(String key) {
        Scope scope = SCOPE.get();
        if (scope == null || !scope.locked.containsKey(key)) {
            return null;
        }
        Pending buffered = scope.buffer.get(key);
        return buffered != null ? buffered.document() : scope.locked.get(key);
    }

    /** A copy of a document held in memory, as a read from the table would give: a record is immutable and shared. */
    private <T> T copy(Object doc, Class<T> type) {
        return type.isInstance(doc) && doc.getClass().isRecord() ? type.cast(doc) : json.convertValue(doc, type);
    }

    /**
     * A query of {@code table} answered once per buffering scope: for rows the scope's work reads for every record
     * but changes seldom, and only through other requests (the active webhooks, an organisation's contacts). The
     * scope then sees them as they stood at its first read, as if it had run at that moment. Outside a scope, a
     * plain {@link #query}. A table's answers are dropped as soon as this thread writes to it.
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> queryOnce(String table, String sql, Class<T> type, Object... params) {
        Scope scope = SCOPE.get();
        if (scope == null) {
            return query(sql, type, params);
        }
        List<Object> key = new ArrayList<>(params.length + 2);
        key.add(sql);
        key.add(type);
        key.addAll(java.util.Arrays.asList(params));
        Map<List<Object>, List<?>> ofTable = scope.answered.computeIfAbsent(table(table), t -> new java.util.HashMap<>());
        List<?> rows = ofTable.get(key);
        if (rows == null) {
            rows = List.copyOf(query(sql, type, params));
            ofTable.put(key, rows);
        }
        return (List<T>) rows;
    }

    /** Forgets what {@link #queryOnce} answered of the tables a write of this thread names. */
    private static void written(String sqlOrTable) {
        Scope scope = SCOPE.get();
        if (scope != null && !scope.answered.isEmpty()) {
            scope.answered.keySet().removeIf(sqlOrTable::contains);
        }
    }

    /** A statement of any shape that may change rows: the locked rows of the tables it names are read again when needed. */
    private static void forgetLocked(String statement) {
        Scope scope = SCOPE.get();
        if (scope != null && !scope.locked.isEmpty()) {
            scope.locked.keySet().removeIf(key -> statement.contains(key.substring(0, key.indexOf('\u0000'))));
        }
    }

    /**
     * Buffered writes handed over to be written on another thread, and whether they are committed. Until they are,
     * the handing thread's reads by id are answered from them, and any other statement of it first waits for their
     * commit, so it never reads past them.
     */
    public static final class Writes {
        private final Map<String, Pending> pending;
        private final Map<String, List<Object[]>> statements;
        private final java.util.concurrent.CompletableFuture<Void> committed = new java.util.concurrent.CompletableFuture<>();

        private Writes(Map<String, Pending> pending, Map<String, List<Object[]>> statements) {
            this.pending = pending;
            this.statements = statements;
        }

        /** Said by the writing thread once its transaction committed (or failed). */
        public void committed(Throwable failure) {
            if (failure == null) {
                committed.complete(null);
            } else {
                committed.completeExceptionally(failure);
            }
        }

        /** Waits for the commit; throws what the writer met. */
        public void awaitCommitted() {
            try {
                committed.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the rows in flight were written", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("writing the rows in flight failed", e.getCause());
            }
        }
    }

    /**
     * Takes what this thread buffered so far, to be written by another ({@link #flush(Writes)}); the
     * buffering goes on empty. The thread's reads see the writes taken, until the next hand-over. The
     * documents are serialised here, so that the writing thread only writes.
     */
    public Writes handOver() {
        Scope scope = SCOPE.get();
        if (scope == null) {
            throw new IllegalStateException("no writes are buffered on this thread");
        }
        Writes writes = new Writes(scope.buffer, serialised(scope.buffer));
        scope.buffer = new LinkedHashMap<>();
        scope.bufferedTables = new java.util.HashSet<>();
        scope.inFlight = writes;
        return writes;
    }

    /** Writes what another thread handed over, in the caller's transaction. */
    public void flush(Writes writes) {
        execute(writes.statements);
    }

    /** Writes what {@link #bufferWrites} kept, in the caller's transaction. */
    public void flushWrites() {
        Scope scope = SCOPE.get();
        if (scope == null || scope.buffer.isEmpty()) {
            return;
        }
        Map<String, List<Object[]>> bySql = serialised(scope.buffer);
        scope.buffer.clear();
        scope.bufferedTables.clear();
        execute(bySql);
    }

    /** Each buffered row's parameters, its document serialised, by statement. */
    private Map<String, List<Object[]>> serialised(Map<String, Pending> pending) {
        Map<String, List<Object[]>> bySql = new LinkedHashMap<>();
        pending.values().forEach(p -> {
            Object[] params = p.params().clone();
            if (p.document() != NO_DOCUMENT) {
                params[params.length - 1] = write(p.document());
            }
            bySql.computeIfAbsent(p.sql(), k -> new ArrayList<>()).add(params);
        });
        return bySql;
    }

    private void execute(Map<String, List<Object[]>> bySql) {
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, List<Object[]>> e : bySql.entrySet()) {
                try (PreparedStatement s = c.prepareStatement(e.getKey())) {
                    for (Object[] params : e.getValue()) {
                        bind(s, params);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read-model flush failed", e);
        }
    }

    /** Before {@code statement} (its tables as redirected): the buffered rows of any table it names are written first. */
    private void flushBeforeStatement(String statement) {
        awaitInFlight();
        Scope scope = SCOPE.get();
        if (scope == null || scope.bufferedTables.isEmpty()) {
            return;
        }
        for (String table : scope.bufferedTables) {
            // by substring: a name that merely contains a buffered table's also flushes, which is never wrong
            if (statement.contains(table)) {
                flushWrites();
                return;
            }
        }
    }

    /** Before a statement on the row {@code id} of {@code table} (redirected) alone: only a buffered write of that row is flushed first. */
    private void flushBeforeRowStatement(String table, String id) {
        awaitInFlight();
        Scope scope = SCOPE.get();
        if (scope != null && scope.buffer.containsKey(table + '\u0000' + id)) {
            flushWrites();
        }
    }

    /** The rows a replay handed to its writer are committed before this thread's next statement other than a read by id. */
    private static void awaitInFlight() {
        Scope scope = SCOPE.get();
        if (scope != null && scope.inFlight != null) {
            scope.inFlight.awaitCommitted();
            scope.inFlight = null;
        }
    }

    /** The upsert statement of each table and set of columns, built once. */
    private static final Map<String, String> UPSERTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Inserts or replaces the row {@code id}; {@code columns} are the indexed columns besides id and doc. */
    public void upsert(String table, String id, Map<String, Object> columns, Object document) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("id", id);
        all.putAll(columns);
        String target = table(table);
        String sql = UPSERTS.computeIfAbsent(target + "|" + String.join(",", all.keySet()), k -> {
            String names = String.join(", ", all.keySet()) + ", doc";
            String marks = all.keySet().stream().map(c -> "?").collect(Collectors.joining(", ")) + ", cast(? as jsonb)";
            String updates = all.keySet().stream().filter(c -> !c.equals("id")).map(c -> c + " = excluded." + c)
                    .collect(Collectors.joining(", "));
            return "insert into " + target + " (" + names + ") values (" + marks + ") on conflict (id) do update set "
                    + (updates.isEmpty() ? "" : updates + ", ") + "doc = excluded.doc";
        });
        written(target);
        String key = target + '\u0000' + id;
        Scope scope = SCOPE.get();
        if (scope != null && scope.locked.containsKey(key)) {
            scope.locked.put(key, document);
        }
        List<Object> params = new ArrayList<>(all.values());
        if (scope != null) {
            params.add(null);
            scope.buffer.put(key, new Pending(sql, params.toArray(), document));
            scope.bufferedTables.add(target);
            return;
        }
        params.add(write(document));
        update(sql, params.toArray());
    }

    /** The document of a buffered row that has none: its parameters are all its columns ({@link #insertUnlessPresent}). */
    private static final Object NO_DOCUMENT = new Object();

    /**
     * Inserts a row unless its key is taken ({@code insert ... on conflict do nothing}), for a caller that needs no
     * answer: {@code columns} name the row's columns in the order of {@code values}. While writes are buffered, the row
     * joins them (a second insert of the same columns and values is the same row) and goes with them as one JDBC batch,
     * instead of a statement per call; any statement made through this class that names the table ({@link #query},
     * {@link #count}, {@link #update}, {@link #page}) writes it first, as with an upsert. A reader of the table must
     * therefore go through this class. Outside a buffering scope, at once.
     */
    public void insertUnlessPresent(String table, List<String> columns, Object... values) {
        String target = table(table);
        String sql = "insert into " + target + " (" + String.join(", ", columns) + ") values ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") on conflict do nothing";
        written(target);
        Scope scope = SCOPE.get();
        if (scope == null) {
            update(sql, values);
            return;
        }
        // a key no by-id read (table, NUL, id) can take, its columns and values written unambiguously (as JSON); the first
        // call's values stay, as the first insert would
        scope.buffer.putIfAbsent(target + "\u0001" + json.valueToTree(List.of(columns, java.util.Arrays.asList(values))),
                new Pending(sql, values.clone(), NO_DOCUMENT));
        scope.bufferedTables.add(target);
    }

    public <T> Optional<T> find(String table, String id, Class<T> type) {
        Scope scope = SCOPE.get();
        String key = table(table) + '\u0000' + id;
        Pending buffered = scope == null ? null : scope.buffer.get(key);
        if (buffered == null && scope != null && scope.inFlight != null) {
            buffered = scope.inFlight.pending.get(key);
        }
        if (buffered != null) {
            return Optional.of(copy(buffered.document(), type));
        }
        Object locked = lockedRow(key);
        if (locked != null) {
            return Optional.of(copy(locked, type));
        }
        // a row not kept in memory is current in its table: no need to flush the others first
        List<T> found = read("select doc from " + table(table) + " where id = ?", type, id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Runs a query whose first column is a document. */
    public <T> List<T> query(String sql, Class<T> type, Object... params) {
        flushBeforeStatement(sql(sql));
        return read(sql, type, params);
    }

    /**
     * The row {@code id}, locked until the transaction ends ({@code for update}): the caller reads and
     * changes it while no other transaction can. Rows of other ids kept in memory stay there.
     */
    public <T> Optional<T> lock(String table, String id, Class<T> type) {
        String target = table(table);
        Object locked = lockedRow(target + '\u0000' + id);
        if (locked != null) {
            return Optional.of(copy(locked, type));
        }
        flushBeforeRowStatement(target, id);
        List<T> found = read("select doc from " + target + " where id = ? for update", type, id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Inserts the row {@code id} unless it exists, at once: true when this call inserted it (the row
     * then stays locked by this transaction until it ends). Rows of other ids kept in memory stay there.
     */
    public boolean insertIfAbsent(String table, String id, Object document) {
        String target = table(table);
        if (lockedRow(target + '\u0000' + id) != null) {
            // this scope holds the row's lock: it exists
            return false;
        }
        flushBeforeRowStatement(target, id);
        written(target);
        String statement = "insert into " + target + " (id, doc) values (?, cast(? as jsonb)) on conflict (id) do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            bind(s, id, write(document));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("read-model insert failed: " + statement, e);
        }
    }

    private <T> List<T> read(String sql, Class<T> type, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql(sql))) {
            bind(s, params);
            List<T> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(json.readValue(rs.getString(1), type));
                }
            }
            return result;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("read-model query failed: " + sql, e);
        }
    }

    /**
     * One page of a list in keyset order: the rows of {@code fromWhere} (a {@code from ... where ...}
     * clause) after the request's cursor, at most its limit, and the cursor of the next page (null
     * when none is left). {@code keep}, when given, drops rows the caller may not be matched on;
     * the page is then filled from further rows, so a page is never short while rows remain.
     * {@code offset} (a page number times its size, for the lists that kept page numbers) skips
     * rows instead of a cursor.
     */
    public <T> gov.commerce.aiexports.runtime.paging.Slice<T> page(String fromWhere, List<Object> params,
            gov.commerce.aiexports.runtime.paging.Keyset keyset, gov.commerce.aiexports.runtime.paging.PageRequest request,
            Class<T> type, java.util.function.Predicate<T> keep, long offset) {
        flushBeforeStatement(sql(fromWhere));
        List<String> after = request.cursor() == null ? null
                : gov.commerce.aiexports.runtime.paging.Cursor.decode(request.cursor(), keyset.name(), keyset.keys().size());
        List<T> items = new ArrayList<>();
        List<String> lastKeys = null;
        long skip = offset;
        int batch = keep == null ? request.limit() + 1 : Math.max(request.limit() + 1, 200);
        while (true) {
            List<Object> all = new ArrayList<>(params);
            String sql = "select doc, " + keyset.keyColumns() + " " + fromWhere
                    + (after == null ? "" : " and " + keyset.after(after, all)) + " order by " + keyset.orderBy() + " limit ?"
                    + (keep == null && skip > 0 ? " offset ?" : "");
            all.add(batch);
            if (keep == null && skip > 0) {
                all.add(skip);
                skip = 0;
            }
            int read = 0;
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql(sql))) {
                bind(s, all.toArray());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        List<String> keys = new ArrayList<>(keyset.keys().size());
                        for (int i = 0; i < keyset.keys().size(); i++) {
                            keys.add(rs.getString(i + 2));
                        }
                        after = keys;
                        T item = json.readValue(rs.getString(1), type);
                        if (keep != null && !keep.test(item)) {
                            continue;
                        }
                        if (skip > 0) {
                            skip--;
                            continue;
                        }
                        if (items.size() == request.limit()) {
                            // a row beyond the page: there is a next one, starting after the page's last row
                            return new gov.commerce.aiexports.runtime.paging.Slice<>(items,
                                    gov.commerce.aiexports.runtime.paging.Cursor.encode(keyset.name(), lastKeys));
                        }
                        items.add(item);
                        lastKeys = keys;
                    }
                }
            } catch (SQLException | JsonProcessingException e) {
                throw new IllegalStateException("read-model page failed: " + sql, e);
            }
            if (read < batch) {
                return new gov.commerce.aiexports.runtime.paging.Slice<>(items, null);
            }
        }
    }

    public <T> gov.commerce.aiexports.runtime.paging.Slice<T> page(String fromWhere, List<Object> params,
            gov.commerce.aiexports.runtime.paging.Keyset keyset, gov.commerce.aiexports.runtime.paging.PageRequest request,
            Class<T> type) {
        return page(fromWhere, params, keyset, request, type, null, 0);
    }

    /** Every row of {@code fromWhere} in keyset order, {@code batch} at a time (an export streams them without holding all). */
    public <T> void each(String fromWhere, List<Object> params, gov.commerce.aiexports.runtime.paging.Keyset keyset, Class<T> type,
            java.util.function.Predicate<T> keep, int batch, java.util.function.Consumer<List<T>> sink) {
        String cursor = null;
        do {
            gov.commerce.aiexports.runtime.paging.Slice<T> slice = page(fromWhere, params, keyset,
                    new gov.commerce.aiexports.runtime.paging.PageRequest(cursor, batch), type, keep, 0);
            if (!slice.items().isEmpty()) {
                sink.accept(slice.items());
            }
            cursor = slice.next();
        } while (cursor != null);
    }

    public long count(String sql, Object... params) {
        String statement = sql(sql);
        flushBeforeStatement(statement);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read-model count failed: " + sql, e);
        }
    }

    public int update(String sql, Object... params) {
        String statement = sql(sql);
        flushBeforeStatement(statement);
        written(statement);
        forgetLocked(statement);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("read-model update failed: " + sql, e);
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof java.time.Instant instant) {
                s.setObject(i + 1, java.sql.Timestamp.from(instant));
            } else if (p instanceof Enum<?> e) {
                s.setString(i + 1, e.name());
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    private String write(Object document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write read-model document", e);
        }
    }
}
