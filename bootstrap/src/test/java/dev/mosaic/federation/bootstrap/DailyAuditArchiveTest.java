package dev.mosaic.federation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DailyAuditArchiveTest {

  @Test
  void start_runsTheArchiveAfterTheFirstDelay_andReportsRowsMovedAndFailures() {
    AtomicInteger runs = new AtomicInteger();
    List<String> reports = new CopyOnWriteArrayList<>();

    try (DailyAuditArchive archive =
        DailyAuditArchive.start(
            () -> {
              if (runs.incrementAndGet() == 1) {
                return 3;
              }
              throw new IllegalStateException("database down");
            },
            Duration.ofMillis(1),
            Duration.ofMillis(20),
            reports::add)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> reports.size() >= 2);
    }

    assertThat(reports.get(0)).contains("moved 3 rows");
    assertThat(reports.get(1)).contains("failed").contains("database down");
  }

  @Test
  void close_stopsTheSchedule() {
    AtomicInteger runs = new AtomicInteger();
    DailyAuditArchive archive =
        DailyAuditArchive.start(
            runs::incrementAndGet, Duration.ofMillis(1), Duration.ofMillis(5), line -> {});
    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 1);

    archive.close();
    int afterClose = runs.get();

    await()
        .pollDelay(Duration.ofMillis(50))
        .atMost(Duration.ofSeconds(1))
        .until(() -> runs.get() <= afterClose + 1);
    assertThat(runs.get()).isLessThanOrEqualTo(afterClose + 1);
  }
}
