package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.scope.RateLimit;
import dev.mosaic.federation.domain.scope.Resource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of {@link ServeFederatedRequestUseCase#capabilities}; HTTP status in each case's doc.
 */
public sealed interface ServeCapabilitiesResult
    permits ServeCapabilitiesResult.Served, ServeFailure {

  /**
   * 200: what the grant may do. Sensitive resources never appear in {@code resources}.
   *
   * @param resources the servable resources (granted, not excluded, not sensitive)
   * @param excludedResources the scope's exclusions plus granted resources this gateway never
   *     serves
   * @param verbs the verbs this gateway serves, e.g. {@code capabilities}, {@code list}, {@code
   *     get}
   * @param rateLimit the grant's bucket (the scope's, else the configured default)
   */
  record Served(
      GrantId grantId,
      Set<Resource> resources,
      Set<Resource> excludedResources,
      int maxRowsPerQuery,
      List<String> verbs,
      RateLimit rateLimit,
      Instant serverTime)
      implements ServeCapabilitiesResult {
    public Served {
      Objects.requireNonNull(grantId, "grantId");
      resources = Set.copyOf(resources);
      excludedResources = Set.copyOf(excludedResources);
      verbs = List.copyOf(verbs);
      Objects.requireNonNull(rateLimit, "rateLimit");
      Objects.requireNonNull(serverTime, "serverTime");
    }

    /**
     * The §9 body {@code {grantId, resources, excludedResources, maxRowsPerQuery, verbs,
     * rateLimit:{requestsPerMinute, burst}, serverTime}}; resources in their closed-list order.
     */
    public Map<String, Object> toWire() {
      Map<String, Object> rate = new LinkedHashMap<>();
      rate.put("requestsPerMinute", rateLimit.requestsPerMinute());
      rate.put("burst", rateLimit.burst());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("grantId", grantId.toString());
      body.put("resources", names(resources));
      body.put("excludedResources", names(excludedResources));
      body.put("maxRowsPerQuery", maxRowsPerQuery);
      body.put("verbs", verbs);
      body.put("rateLimit", rate);
      body.put("serverTime", serverTime.toString());
      return body;
    }

    private static List<String> names(Set<Resource> set) {
      return set.stream().sorted().map(Resource::wireName).toList();
    }
  }
}
