package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static final Endpoint NONE = request -> WireResponse.json(200, Map.of());

  private final Router router =
      new Router.Builder()
          .publicRoute("GET", "/api/federation/ca", false, NONE)
          .authenticatedRoute("POST", "/api/federation/v1/get/{resource}/{id}", true, NONE)
          .authenticatedRoute("GET", "/api/federation/v1/get/{resource}/{id}", false, NONE)
          .build();

  @Test
  void match_pattern_bindsThePathParameters() {
    assertThat(router.match("POST", "/api/federation/v1/get/tasks/42"))
        .isInstanceOfSatisfying(
            Router.Match.Found.class,
            found ->
                assertThat(found.pathParameters())
                    .isEqualTo(Map.of("resource", "tasks", "id", "42")));
  }

  @Test
  void match_emptySegmentOrExtraSegment_isNotFound() {
    assertThat(router.match("POST", "/api/federation/v1/get/tasks/"))
        .isInstanceOf(Router.Match.NotFound.class);
    assertThat(router.match("POST", "/api/federation/v1/get/tasks/1/2"))
        .isInstanceOf(Router.Match.NotFound.class);
  }

  @Test
  void match_otherMethod_listsTheAllowedOnes() {
    assertThat(router.match("DELETE", "/api/federation/v1/get/tasks/1"))
        .isEqualTo(new Router.Match.MethodNotAllowed("POST, GET"));
  }

  @Test
  void needsClientCertificate_onlyUnderV1() {
    assertThat(Router.needsClientCertificate("/api/federation/v1/capabilities")).isTrue();
    assertThat(Router.needsClientCertificate("/api/federation/v1")).isTrue();
    assertThat(Router.needsClientCertificate("/api/federation/v10")).isFalse();
    assertThat(Router.needsClientCertificate("/api/federation/enrollment")).isFalse();
  }

  @Test
  void route_accessNotMatchingItsPrefix_isRejected() {
    assertThatThrownBy(
            () -> new Router.Builder().publicRoute("GET", "/api/federation/v1/x", false, NONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Router.Builder().authenticatedRoute("GET", "/api/federation/ca", false, NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void loopbackRoute_outsideTheAuthenticatedPrefix_matchesAsLoopback() {
    Router local = new Router.Builder().loopbackRoute("GET", "/healthz", false, NONE).build();

    assertThat(local.match("GET", "/healthz"))
        .isInstanceOfSatisfying(
            Router.Match.Found.class,
            found -> assertThat(found.route().access()).isEqualTo(Router.Access.LOOPBACK));
    assertThatThrownBy(
            () -> new Router.Builder().loopbackRoute("GET", "/api/federation/v1/x", false, NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
