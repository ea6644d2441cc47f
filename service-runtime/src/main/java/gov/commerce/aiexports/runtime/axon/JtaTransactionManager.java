package gov.commerce.aiexports.runtime.axon;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's transactions on Narayana: begins a JTA transaction, or joins the one already active (a
 * Kafka consumer's, or a resource's), so the event append, projections and the command's own SQL
 * commit or roll back together. Connections from Agroal are enlisted in it.
 */
public final class JtaTransactionManager implements TransactionManager {

    private final jakarta.transaction.TransactionManager jta;

    public JtaTransactionManager(jakarta.transaction.TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (jta.getStatus() == Status.STATUS_ACTIVE || jta.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                return joined();
            }
            jta.begin();
            return new Transaction() {
                @Override
                public void commit() {
                    try {
                        jta.commit();
                    } catch (Exception e) {
                        throw new IllegalStateException("commit failed", e);
                    }
                }

                @Override
                public void rollback() {
                    try {
                        if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                            jta.rollback();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException("rollback failed", e);
                    }
                }
            };
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a transaction", e);
        }
    }

    /** The owner of the outer transaction commits; a failure here only marks it for rollback. */
    private Transaction joined() {
        return new Transaction() {
            @Override
            public void commit() {
            }

            @Override
            public void rollback() {
                try {
                    jta.setRollbackOnly();
                } catch (IllegalStateException | SystemException e) {
                    throw new IllegalStateException("cannot mark the transaction for rollback", e);
                }
            }
        };
    }
}
