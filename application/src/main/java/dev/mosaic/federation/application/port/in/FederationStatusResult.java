package dev.mosaic.federation.application.port.in;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The outcome of {@link FederationStatusUseCase}. */
public sealed interface FederationStatusResult {
  /** The status document: one entry per link, ordered by owner then peer name. */
  record Status(Instant generatedAt, List<LinkStatus> links) implements FederationStatusResult {
    public Status {
      Objects.requireNonNull(generatedAt, "generatedAt");
      links = List.copyOf(links);
    }

    public Map<String, Object> toWire() {
      Map<String, Object> wire = new LinkedHashMap<>();
      wire.put("generatedAt", generatedAt.toString());
      wire.put("links", links.stream().map(LinkStatus::toWire).toList());
      return wire;
    }
  }

  /** 3: no local user has that handle. */
  record UnknownLocalUser(String handle) implements FederationStatusResult {}
}
