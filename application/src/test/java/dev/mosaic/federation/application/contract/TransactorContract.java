package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.Transactor;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Transactor} together with {@link GrantRepository#findByIdForUpdate}. */
public abstract class TransactorContract {
  private static final int WRITERS = 8;

  protected Transactor transactor;
  protected GrantRepository grants;
  protected ServingSeeds seeds;

  /** The transactor; the stores below must join its transactions. */
  protected abstract Transactor createTransactor();

  protected abstract GrantRepository grantRepository();

  protected abstract PeerRepository peerRepository();

  protected abstract UserDirectory userDirectory();

  @BeforeEach
  void setUpTransactorContract() {
    transactor = createTransactor();
    grants = grantRepository();
    seeds = new ServingSeeds(userDirectory(), peerRepository(), grants);
  }

  @Test
  void inTransaction_workReturns_commitsAndReturnsTheResult() {
    Grant grant = seeds.anActiveGrant().build();

    String result =
        transactor.inTransaction(
            () -> {
              grants.insert(grant);
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(grants.findById(grant.id())).contains(grant);
  }

  @Test
  void inTransaction_workThrows_rollsBackAndRethrowsTheSameException() {
    Grant grant = seeds.anActiveGrant().build();
    IllegalStateException boom = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                transactor.inTransaction(
                    () -> {
                      grants.insert(grant);
                      throw boom;
                    }))
        .isSameAs(boom);

    assertThat(grants.findById(grant.id())).isEmpty();
  }

  @Test
  void inTransaction_nestedThenOuterThrows_rollsBackBoth() {
    Grant outer = seeds.anActiveGrant().build();
    Grant inner = seeds.anActiveGrant().build();

    assertThatThrownBy(
            () ->
                transactor.inTransaction(
                    () -> {
                      grants.insert(outer);
                      transactor.inTransaction(
                          () -> {
                            grants.insert(inner);
                            return null;
                          });
                      throw new IllegalStateException("outer fails");
                    }))
        .hasMessage("outer fails");

    assertThat(grants.findById(outer.id())).isEmpty();
    assertThat(grants.findById(inner.id())).isEmpty();
  }

  @Test
  void findByIdForUpdate_concurrentReadModifyWrite_losesNoUpdate() throws Exception {
    Grant grant =
        seeds
            .anActiveGrant()
            .withScope(
                dev.mosaic.federation.domain.fixtures.ScopeFixtures.aScope().maxRows(1).build())
            .build();
    grants.insert(grant);

    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        writers.add(
            pool.submit(
                () ->
                    transactor.inTransaction(
                        () -> {
                          Grant locked = grants.findByIdForUpdate(grant.id()).orElseThrow();
                          GrantTransition t =
                              locked.replaceScope(
                                  locked
                                      .scope()
                                      .withMaxRowsPerQuery(locked.scope().maxRowsPerQuery() + 1),
                                  Times.T0.plusSeconds(1));
                          grants.update(((GrantTransition.Applied) t).grant());
                          return null;
                        })));
      }
      for (Future<?> writer : writers) {
        writer.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(grants.findById(grant.id()).orElseThrow().scope().maxRowsPerQuery())
        .isEqualTo(1 + WRITERS);
  }
}
