package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentResult;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogCaptureTest {
  private static final String TOKEN = "Zm9vYmFyLXNlY3JldC10b2tlbi0xMjM0NTY3ODkw";
  private static final String ENROLL = "/api/federation/enrollment";

  /** Keeps each event with its MDC as it was on the logging thread. */
  private final ListAppender<ILoggingEvent> captured =
      new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
          event.prepareForDeferredProcessing();
          super.append(event);
        }
      };

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private Listener listener;

  @BeforeEach
  void capture() {
    captured.start();
    root.addAppender(captured);
    listener = new Listener();
  }

  @AfterEach
  void release() {
    listener.close();
    root.detachAppender(captured);
  }

  private List<String> lines() {
    List<ILoggingEvent> events;
    synchronized (captured) {
      events = new ArrayList<>(captured.list);
    }
    return events.stream()
        .map(
            event ->
                event.getFormattedMessage()
                    + " "
                    + event.getMDCPropertyMap()
                    + (event.getThrowableProxy() == null
                        ? ""
                        : ThrowableProxyUtil.asString(event.getThrowableProxy())))
        .toList();
  }

  @Test
  void enrollment_everyOutcome_neverLogsTheToken() {
    String body = "{\"token\":\"" + TOKEN + "\",\"csr\":\"CSR\"}";
    listener.redeem.answer(new RedeemEnrollmentResult.Gone("used"));
    listener.postJson(ENROLL, body);
    listener.redeem.answer(new RedeemEnrollmentResult.UnknownToken());
    listener.postJson(ENROLL, body);
    listener.redeem.answer(new RedeemEnrollmentResult.InvalidCsr("weak key"));
    listener.postJson(ENROLL, body);
    listener.postJson(ENROLL, "{\"token\":\"" + TOKEN + "\",\"csr\":\"CSR\",\"x\":1}");
    listener.postJson(ENROLL, "{\"token\":\"" + TOKEN + "\"");
    listener.postJson(ENROLL, "{\"token\":" + TOKEN + "}");
    listener.redeem.answer(
        command -> {
          throw new IllegalStateException("failed for " + command.token());
        });
    listener.postJson(ENROLL, body);
    listener.redeem.answer(
        command -> {
          throw new InfrastructureException("db down", true);
        });
    listener.postJson(ENROLL, body);

    assertThat(lines())
        .as("the access lines were captured")
        .anySatisfy(line -> assertThat(line).contains("POST " + ENROLL + " -> 410"))
        .anySatisfy(line -> assertThat(line).contains("-> 500"))
        .allSatisfy(line -> assertThat(line).doesNotContain(TOKEN).doesNotContain("\tat "));
  }

  @Test
  void request_validTraceparent_isPropagatedWithTheRequestIdIntoTheLogContext() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    Listener.Reply reply =
        listener.call(
            new Request.Builder()
                .url(listener.url("/api/federation/ca"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .build());

    List<ILoggingEvent> events;
    synchronized (captured) {
      events = new ArrayList<>(captured.list);
    }
    assertThat(events)
        .filteredOn(event -> event.getFormattedMessage().startsWith("GET /api/federation/ca"))
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.getMDCPropertyMap())
                    .containsEntry("traceId", traceId)
                    .containsEntry("requestId", reply.header("X-Request-Id")));
  }
}
