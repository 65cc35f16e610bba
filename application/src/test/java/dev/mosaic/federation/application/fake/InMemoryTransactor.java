package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.Transactor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes every transaction behind one lock (so "lock the grant row" holds trivially) and, on a
 * throw from the outermost transaction, restores every participant's state. Reads outside a
 * transaction are not isolated from a running one.
 */
public final class InMemoryTransactor implements Transactor {
  private final ReentrantLock lock = new ReentrantLock();
  private final List<TransactionParticipant> participants;

  public InMemoryTransactor(TransactionParticipant... participants) {
    this.participants = List.of(participants);
  }

  @Override
  public <R> R inTransaction(Supplier<R> work) {
    lock.lock();
    try {
      if (lock.getHoldCount() > 1) {
        return work.get();
      }
      List<Object> snapshots = new ArrayList<>();
      for (TransactionParticipant p : participants) {
        snapshots.add(p.snapshot());
      }
      try {
        return work.get();
      } catch (RuntimeException | Error e) {
        for (int i = 0; i < participants.size(); i++) {
          participants.get(i).restore(snapshots.get(i));
        }
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }
}
